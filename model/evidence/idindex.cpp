// SPDX-License-Identifier: GPL-3.0-or-later
#include "idindex.h"

#include <algorithm>

namespace hs {

void IdIndex::build(const std::vector<std::int64_t>& ids)
{
    m_dense.clear();
    m_sorted.clear();
    if (ids.empty())
        return;
    const auto [lo, hi] = std::minmax_element(ids.begin(), ids.end());
    m_min = *lo;
    // Dense when the id span is at most a few times the row count (and not absurdly large).
    const auto span = static_cast<std::uint64_t>(*hi) - static_cast<std::uint64_t>(*lo) + 1;
    if (span <= ids.size() * 4 + 4096 && span < (std::uint64_t(1) << 28)) {
        m_dense.assign(span, kMissing);
        for (std::size_t i = 0; i < ids.size(); ++i)
            m_dense[static_cast<std::uint64_t>(ids[i] - m_min)] = static_cast<std::uint32_t>(i);
        return;
    }
    m_sorted.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        m_sorted.emplace_back(ids[i], static_cast<std::uint32_t>(i));
    std::sort(m_sorted.begin(), m_sorted.end());
}

std::uint32_t IdIndex::findSorted(std::int64_t id) const
{
    const auto it = std::lower_bound(m_sorted.begin(), m_sorted.end(), std::make_pair(id, std::uint32_t(0)));
    return (it != m_sorted.end() && it->first == id) ? it->second : kMissing;
}

} // namespace hs
