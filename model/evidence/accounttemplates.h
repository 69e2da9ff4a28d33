// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which prompt families (template_id) each campaign account sent, folded during the exchange
// scan: the replacement figure (spec 1.1, "Replacement") asks whether two accounts share one.
//
// Known families (rows of `templates`) are bits of dense family x account rows: one OR per row.
// A row belongs to one folded campaign and one family, and spans only that campaign's accounts
// (from its lowest account index to its highest): the OR's working set is what the campaigns
// touch, about 0.6 MB at full scale instead of 1.7 MB for rows over every account, and it stays
// in the core's cache beside the scan's other per-account tables (the OR was 42% of the fold's
// time when it did not). A row is made when its (campaign, family) is first seen, in the order a
// worker meets them; merge() matches rows by (campaign, family). Family-major while folding:
// prompt families are Zipf-popular, so the popular rows stay in cache (account-major missed it on
// nearly every row and doubled the scan's CPU time); finish() transposes it into one bit per
// family for each account, for the lookups. Only accounts of campaigns with ban times are folded
// (the loader decides). Values that are not rows of `templates` (a file without that table, or a
// dangling id) still name a prompt family for this figure: they go, as written, into a hash set
// of (account, value) pairs. So does everything when the rows could outgrow kMaxDenseBits (a
// hostile file).

#include "flattable.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace hs {

class AccountTemplates
{
public:
    AccountTemplates() = default;
    // accountGroup: each account's group (or kNoIndex); folded: per group, whether its accounts'
    // families are folded; templates: the number of known families.
    AccountTemplates(const std::vector<std::uint32_t>& accountGroup, const std::vector<std::uint8_t>& folded,
                     std::uint32_t templates);

    // One exchange of `account` (of the folded `group`) with the known family `tmpl` (its index),
    // whose id is `rawId`.
    void addKnown(std::uint32_t account, std::uint32_t group, std::uint32_t tmpl, std::int64_t rawId)
    {
        if (!m_dense)
            return addRaw(account, rawId);
        const Span& span = m_spans[group];
        std::uint32_t& start = m_rowStart[std::size_t(span.slot) * m_templates + tmpl];
        if (start == kNoRow)
            start = addRow(group, tmpl);
        const std::uint32_t local = account - span.lo;
        m_bits[start + (local >> 6)] |= std::uint64_t(1) << (local & 63);
    }
    // The word addKnown(account, group, tmpl) will set, or nullptr before its row exists: the scan
    // prefetches it as soon as it knows them, so the cache miss overlaps other rows' folding.
    // The caller prefetches, not this class: GCC 12 at -O2 finds a function whose only effect is
    // __builtin_prefetch "pure" and drops the call whole (checked with g++ -S).
    const std::uint64_t* word(std::uint32_t account, std::uint32_t group, std::uint32_t tmpl) const
    {
        if (!m_dense || tmpl >= m_templates)
            return nullptr;
        const Span& span = m_spans[group];
        const std::uint32_t start = m_rowStart[std::size_t(span.slot) * m_templates + tmpl];
        return start == kNoRow ? nullptr : m_bits.data() + start + ((account - span.lo) >> 6);
    }
    // One exchange of `account` whose template_id `rawId` is not a row of `templates`.
    void addRaw(std::uint32_t account, std::int64_t rawId)
    {
        const auto v = static_cast<std::uint64_t>(rawId);
        m_raw[{0, account, static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(v >> 32)}] = 1;
    }
    void merge(const AccountTemplates& other);
    // After the scan: the rows into one family bitset per account, the hash set into sorted
    // (account, value) pairs, for the lookups below.
    void finish();

    // Did accounts a and b send an exchange of the same prompt family? (after finish())
    bool share(std::uint32_t a, std::uint32_t b) const;
    // How many families account a sent (after finish()).
    std::size_t count(std::uint32_t a) const;

    static constexpr std::uint64_t kMaxDenseBits = std::uint64_t(1) << 29; // 64 MB

private:
    static constexpr std::uint32_t kNoRow = 0xFFFFFFFFu;
    // A folded group's accounts: its rows cover account indexes lo .. lo + words * 64 - 1.
    struct Span
    {
        std::uint32_t slot = 0; // the group's block of m_rowStart
        std::uint32_t lo = 0;
        std::uint32_t words = 0;
    };
    struct Row
    {
        std::uint32_t group = 0;
        std::uint32_t tmpl = 0;
    };
    std::pair<std::size_t, std::size_t> rawRange(std::uint32_t a) const;
    std::uint32_t addRow(std::uint32_t group, std::uint32_t tmpl);

    bool m_dense = false;
    std::uint32_t m_accounts = 0;
    std::uint32_t m_templates = 0;
    std::size_t m_words = 0;                // per account, after finish()
    std::vector<Span> m_spans;              // per group (only folded groups' entries are used)
    std::vector<std::uint32_t> m_rowStart;  // per (slot, template): its row's first word, or kNoRow
    std::vector<Row> m_rows;                // per row, in the order rows were made
    std::vector<std::uint64_t> m_bits;      // the rows, while folding
    std::vector<std::uint64_t> m_byAccount; // one bit per family for each account, after finish()
    FlatTable<char> m_raw; // t = 0, a = account, b/c = value low/high
    std::vector<std::pair<std::uint32_t, std::int64_t>> m_sorted;
};

} // namespace hs
