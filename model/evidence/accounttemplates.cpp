// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounttemplates.h"

#include <algorithm>
#include <bit>

namespace hs {

AccountTemplates::AccountTemplates(std::uint32_t accounts, std::uint32_t templates)
    : m_accounts(accounts), m_accountWords((std::size_t(accounts) + 63) / 64)
{
    // Bounded as if every family had its row: a file cannot make the rows outgrow it.
    m_dense = templates > 0 && accounts > 0 && std::uint64_t(templates) * m_accountWords * 64 <= kMaxDenseBits;
    if (m_dense)
        m_row.assign(templates, kNoRow);
}

std::uint32_t AccountTemplates::addRow(std::uint32_t tmpl)
{
    const auto row = static_cast<std::uint32_t>(m_rowTemplate.size());
    m_row[tmpl] = row;
    m_rowTemplate.push_back(tmpl);
    m_bits.resize(m_bits.size() + m_accountWords, 0);
    return row;
}

void AccountTemplates::merge(const AccountTemplates& other)
{
    // The other worker numbered its rows in its own order: matched by template.
    for (std::size_t r = 0; m_dense && other.m_dense && r < other.m_rowTemplate.size(); ++r) {
        const std::uint32_t tmpl = other.m_rowTemplate[r];
        std::uint32_t row = m_row[tmpl];
        if (row == kNoRow)
            row = addRow(tmpl);
        std::uint64_t* to = m_bits.data() + std::size_t(row) * m_accountWords;
        const std::uint64_t* from = other.m_bits.data() + r * m_accountWords;
        for (std::size_t w = 0; w < m_accountWords; ++w)
            to[w] |= from[w];
    }
    other.m_raw.forEach([this](const CellKey& k, char) { m_raw[k] = 1; });
}

void AccountTemplates::finish()
{
    // Family-major into account-major, visiting the set bits only (3.1 M at full scale). Bits are
    // rows, not templates: share() and count() only compare two accounts' rows.
    const std::size_t rows = m_rowTemplate.size();
    m_words = (rows + 63) / 64;
    m_byAccount.assign(m_dense ? std::size_t(m_accounts) * m_words : 0, 0);
    for (std::size_t t = 0; m_dense && t < rows; ++t) {
        for (std::size_t w = 0; w < m_accountWords; ++w) {
            for (std::uint64_t bits = m_bits[t * m_accountWords + w]; bits; bits &= bits - 1) {
                const std::size_t account = w * 64 + std::size_t(std::countr_zero(bits));
                m_byAccount[account * m_words + (t >> 6)] |= std::uint64_t(1) << (t & 63);
            }
        }
    }
    m_bits = {};
    m_row = {};
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
