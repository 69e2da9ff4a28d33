// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounttemplates.h"

#include <algorithm>
#include <bit>

namespace hs {

AccountTemplates::AccountTemplates(std::uint32_t accounts, std::uint32_t templates)
    : m_accounts(accounts), m_templates(templates), m_accountWords((std::size_t(accounts) + 63) / 64),
      m_words((std::size_t(templates) + 63) / 64)
{
    m_dense = templates > 0 && std::uint64_t(templates) * m_accountWords * 64 <= kMaxDenseBits;
    if (m_dense)
        m_bits.assign(std::size_t(templates) * m_accountWords, 0);
}

void AccountTemplates::merge(const AccountTemplates& other)
{
    for (std::size_t i = 0; i < m_bits.size() && i < other.m_bits.size(); ++i)
        m_bits[i] |= other.m_bits[i];
    other.m_raw.forEach([this](const CellKey& k, char) { m_raw[k] = 1; });
}

void AccountTemplates::finish()
{
    // Family-major into account-major, visiting the set bits only (3.1 M at full scale).
    m_byAccount.assign(m_dense ? std::size_t(m_accounts) * m_words : 0, 0);
    for (std::size_t t = 0; m_dense && t < m_templates; ++t) {
        for (std::size_t w = 0; w < m_accountWords; ++w) {
            for (std::uint64_t bits = m_bits[t * m_accountWords + w]; bits; bits &= bits - 1) {
                const std::size_t account = w * 64 + std::size_t(std::countr_zero(bits));
                m_byAccount[account * m_words + (t >> 6)] |= std::uint64_t(1) << (t & 63);
            }
        }
    }
    m_bits = {};
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
