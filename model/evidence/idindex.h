// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Maps table ids to dense indexes. Ids are usually compact (1..N): then a direct array answers
// in one load; sparse ids fall back to a sorted array and binary search.

#include <cstdint>
#include <utility>
#include <vector>

namespace hs {

class IdIndex
{
public:
    static constexpr std::uint32_t kMissing = 0xffffffffu;

    // ids[i] is the id of index i; ids are unique.
    void build(const std::vector<std::int64_t>& ids);
    std::uint32_t find(std::int64_t id) const
    {
        if (!m_dense.empty()) {
            const std::uint64_t off = static_cast<std::uint64_t>(id) - static_cast<std::uint64_t>(m_min);
            return off < m_dense.size() ? m_dense[off] : kMissing;
        }
        return findSorted(id);
    }

private:
    std::uint32_t findSorted(std::int64_t id) const;
    std::int64_t m_min = 0;
    std::vector<std::uint32_t> m_dense;
    std::vector<std::pair<std::int64_t, std::uint32_t>> m_sorted;
};

// The index of rows that carry their evidence id in `id` (campaigns, accounts, models...).
template<typename T>
IdIndex indexOfIds(const std::vector<T>& rows)
{
    std::vector<std::int64_t> ids;
    ids.reserve(rows.size());
    for (const T& row : rows)
        ids.push_back(row.id);
    IdIndex index;
    index.build(ids);
    return index;
}

} // namespace hs
