// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounttemplates.h"

#include <algorithm>
#include <bit>
#include <limits>

namespace hs {

AccountTemplates::AccountTemplates(const std::vector<std::uint32_t>& accountGroup,
                                   const std::vector<std::uint8_t>& folded, std::uint32_t templates)
    : m_accounts(static_cast<std::uint32_t>(accountGroup.size())), m_templates(templates)
{
    constexpr std::uint32_t kUnseen = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> range(folded.size(), {kUnseen, 0});
    for (std::uint32_t a = 0; a < m_accounts; ++a) {
        const std::uint32_t g = accountGroup[a];
        if (g < folded.size() && folded[g]) {
            range[g].first = std::min(range[g].first, a);
            range[g].second = std::max(range[g].second, a);
        }
    }
    m_spans.resize(folded.size());
    std::uint32_t slots = 0;
    std::uint64_t bits = 0; // as if every family had its row in every folded group
    for (std::size_t g = 0; g < range.size(); ++g) {
        if (range[g].first == kUnseen)
            continue;
        const std::uint32_t words = (range[g].second - range[g].first) / 64 + 1;
        m_spans[g] = {slots++, range[g].first, words};
        bits += std::uint64_t(words) * 64 * templates;
    }
    // Bounded as if every family had its row: a file cannot make the rows outgrow it. That bounds the
    // row-start table too: a span is at least 64 bits, so slots x templates <= kMaxDenseBits / 64.
    m_dense = templates > 0 && slots > 0 && bits <= kMaxDenseBits;
    if (m_dense)
        m_rowStart.assign(std::size_t(slots) * templates, kNoRow);
}

std::uint32_t AccountTemplates::addRow(std::uint32_t group, std::uint32_t tmpl)
{
    const auto start = static_cast<std::uint32_t>(m_bits.size());
    m_rowStart[std::size_t(m_spans[group].slot) * m_templates + tmpl] = start;
    m_rows.push_back({group, tmpl});
    m_bits.resize(m_bits.size() + m_spans[group].words, 0);
    return start;
}

void AccountTemplates::merge(const AccountTemplates& other)
{
    // The other worker made its rows in its own order: matched by (group, family).
    for (std::size_t i = 0; m_dense && other.m_dense && i < other.m_rows.size(); ++i) {
        const Row& r = other.m_rows[i];
        const Span& span = m_spans[r.group];
        const std::size_t key = std::size_t(span.slot) * m_templates + r.tmpl;
        std::uint32_t start = m_rowStart[key];
        if (start == kNoRow)
            start = addRow(r.group, r.tmpl);
        std::uint64_t* to = m_bits.data() + start;
        const std::uint64_t* from = other.m_bits.data() + other.m_rowStart[key];
        for (std::size_t w = 0; w < span.words; ++w)
            to[w] |= from[w];
    }
    other.m_raw.forEach([this](const CellKey& k, char) { m_raw[k] = 1; });
}

void AccountTemplates::finish()
{
    // Rows into account-major bits, visiting the set bits only (3.1 M at full scale). A family's
    // bit is its number among the families any row has, so two campaigns' rows of one family
    // set the same bit: share() and count() compare families, whatever the campaign.
    std::vector<std::uint32_t> family(m_dense ? m_templates : 0, kNoRow);
    std::uint32_t families = 0;
    for (const Row& r : m_rows)
        if (family[r.tmpl] == kNoRow)
            family[r.tmpl] = families++;
    m_words = (std::size_t(families) + 63) / 64;
    m_byAccount.assign(m_dense ? std::size_t(m_accounts) * m_words : 0, 0);
    for (const Row& r : m_rows) {
        const Span& span = m_spans[r.group];
        const std::uint32_t f = family[r.tmpl];
        const std::uint64_t* row = m_bits.data() + m_rowStart[std::size_t(span.slot) * m_templates + r.tmpl];
        for (std::size_t w = 0; w < span.words; ++w) {
            for (std::uint64_t bits = row[w]; bits; bits &= bits - 1) {
                const std::size_t account = span.lo + w * 64 + std::size_t(std::countr_zero(bits));
                m_byAccount[account * m_words + (f >> 6)] |= std::uint64_t(1) << (f & 63);
            }
        }
    }
    m_bits = {};
    m_rowStart = {};
    m_rows = {};
    m_spans = {};
    m_sorted.clear();
    m_sorted.reserve(m_raw.size());
    m_raw.forEach([this](const CellKey& k, char) {
        m_sorted.emplace_back(k.a, static_cast<std::int64_t>(std::uint64_t(k.b) | (std::uint64_t(k.c) << 32)));
    });
    std::sort(m_sorted.begin(), m_sorted.end());
    m_raw = FlatTable<char>();
}
std::pair<std::size_t, std::size_t> AccountTemplates::rawRange(std::uint32_t a) const
{
    const auto lo = std::lower_bound(m_sorted.begin(), m_sorted.end(), a,
                                     [](const auto& p, std::uint32_t acc) { return p.first < acc; });
    auto hi = lo;
    while (hi != m_sorted.end() && hi->first == a)
        ++hi;
    return {std::size_t(lo - m_sorted.begin()), std::size_t(hi - m_sorted.begin())};
}

bool AccountTemplates::share(std::uint32_t a, std::uint32_t b) const
{
    if (m_dense && a < m_accounts && b < m_accounts) {
        const std::uint64_t* x = m_byAccount.data() + std::size_t(a) * m_words;
        const std::uint64_t* y = m_byAccount.data() + std::size_t(b) * m_words;
        for (std::size_t w = 0; w < m_words; ++w)
            if (x[w] & y[w])
                return true;
    }
    if (m_sorted.empty())
        return false;
    auto [i, iEnd] = rawRange(a);
    auto [j, jEnd] = rawRange(b);
    while (i < iEnd && j < jEnd) {
        if (m_sorted[i].second == m_sorted[j].second)
            return true;
        if (m_sorted[i].second < m_sorted[j].second)
            ++i;
        else
            ++j;
    }
    return false;
}

std::size_t AccountTemplates::count(std::uint32_t a) const
{
    std::size_t n = 0;
    if (m_dense && a < m_accounts)
        for (std::size_t w = 0; w < m_words; ++w)
            n += static_cast<std::size_t>(std::popcount(m_byAccount[std::size_t(a) * m_words + w]));
    const auto [lo, hi] = rawRange(a);
    return n + (hi - lo);
}

} // namespace hs
