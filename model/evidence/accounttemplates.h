// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which prompt families (template_id) each campaign account sent, folded during the exchange
// scan: the replacement figure (spec 1.1, "Replacement") asks whether two accounts share one.
//
// Known families (rows of `templates`) are bits of a dense family x account bitset: one OR per
// row. A family gets its row when first seen (rows in the order a worker meets them; merge()
// matches them by template): only the families the folded campaigns use have one, 490 of 2,491
// at full scale, 1.7 MB instead of 8.7 MB to allocate, fill and transpose. Family-major while
// folding: prompt families are Zipf-popular, so the rows of the popular ones stay in cache
// (account-major missed it on nearly every row and doubled the scan's CPU time); finish()
// transposes it for the lookups. Only accounts of campaigns with ban times are folded (the loader decides). Values that are not
// rows of `templates` (a file without that table, or a dangling id) still name a prompt family
// for this figure: they go, as written, into a hash set of (account, value) pairs. So does
// everything when the bitset would be larger than kMaxDenseBits (a hostile file).

#include "flattable.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace hs {

class AccountTemplates
{
public:
    AccountTemplates() = default;
    AccountTemplates(std::uint32_t accounts, std::uint32_t templates);

    // One exchange of `account` with the known family `tmpl` (its index), whose id is `rawId`.
    void addKnown(std::uint32_t account, std::uint32_t tmpl, std::int64_t rawId)
    {
        if (!m_dense)
            return addRaw(account, rawId);
        std::uint32_t row = m_row[tmpl];
        if (row == kNoRow)
            row = addRow(tmpl);
        m_bits[std::size_t(row) * m_accountWords + (account >> 6)] |= std::uint64_t(1) << (account & 63);
    }
    // Starts loading the word addKnown(account, tmpl) will set: the scan calls it as soon as it
    // knows both, so the cache miss overlaps the rest of the row's folding.
    void prefetch(std::uint32_t account, std::uint32_t tmpl) const
    {
        if (!m_dense || tmpl >= m_row.size())
            return;
        const std::uint32_t row = m_row[tmpl];
        if (row != kNoRow)
            __builtin_prefetch(m_bits.data() + std::size_t(row) * m_accountWords + (account >> 6), 1);
    }
    // One exchange of `account` whose template_id `rawId` is not a row of `templates`.
    void addRaw(std::uint32_t account, std::int64_t rawId)
    {
        const auto v = static_cast<std::uint64_t>(rawId);
        m_raw[{0, account, static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(v >> 32)}] = 1;
    }
    void merge(const AccountTemplates& other);
    // After the scan: the hash set into sorted (account, value) pairs for the lookups below.
    void finish();

    // Did accounts a and b send an exchange of the same prompt family? (after finish())
    bool share(std::uint32_t a, std::uint32_t b) const;
    // How many families account a sent (after finish()).
    std::size_t count(std::uint32_t a) const;

    static constexpr std::uint64_t kMaxDenseBits = std::uint64_t(1) << 29; // 64 MB

private:
    static constexpr std::uint32_t kNoRow = 0xFFFFFFFFu;
    std::pair<std::size_t, std::size_t> rawRange(std::uint32_t a) const;
    std::uint32_t addRow(std::uint32_t tmpl);

    bool m_dense = false;
    std::uint32_t m_accounts = 0;
    std::size_t m_accountWords = 0;  // per family, while folding
    std::size_t m_words = 0;         // per account, after finish()
    std::vector<std::uint32_t> m_row;       // per template: its row, or kNoRow
    std::vector<std::uint32_t> m_rowTemplate; // per row: its template
    std::vector<std::uint64_t> m_bits;      // family-major, while folding
    std::vector<std::uint64_t> m_byAccount; // account-major, after finish()
    FlatTable<char> m_raw; // t = 0, a = account, b/c = value low/high
    std::vector<std::pair<std::uint32_t, std::int64_t>> m_sorted;
};

} // namespace hs
