// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Per-day counters for a fixed number of columns (accounts, or group x template pairs), stored
// dense and day-major, growing at either end as days appear. Evidence spans weeks or months, so
// this is one array load per row where a hash table missed the cache. A span too large for a
// dense array (hostile or broken timestamps) falls back to a hash table.

#include "flattable.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace hs {

class DayMatrix
{
public:
    explicit DayMatrix(std::uint64_t columns = 0) : m_columns(columns) {}

    void add(std::int64_t day, std::uint64_t column, std::uint32_t count = 1)
    {
        if (!m_sparse && (day < m_base || day >= m_base + m_days))
            makeRoom(day);
        if (m_sparse) {
            m_overflow[{day, static_cast<std::uint32_t>(column), static_cast<std::uint32_t>(column >> 32), 0}] += count;
            return;
        }
        m_cells[static_cast<std::size_t>(static_cast<std::uint64_t>(day - m_base) * m_columns + column)] += count;
    }

    // The counter add(day, column) will change, or nullptr when it is not there yet (or the
    // matrix is sparse): for the scan to prefetch.
    const std::uint32_t* cell(std::int64_t day, std::uint64_t column) const
    {
        if (m_sparse || day < m_base || day >= m_base + m_days || column >= m_columns)
            return nullptr;
        return m_cells.data() + static_cast<std::size_t>(static_cast<std::uint64_t>(day - m_base) * m_columns + column);
    }
    void merge(const DayMatrix& other);
    // Calls f(day, column, count) for every non-zero cell in (day, column) order.
    template<typename F>
    void forEach(F&& f) const;
    std::uint64_t columns() const { return m_columns; }

private:
    void makeRoom(std::int64_t day);
    void goSparse();

    static constexpr std::uint64_t kMaxCells = 64ull << 20; // 256 MB of counters, then sparse
    std::uint64_t m_columns = 0;
    std::int64_t m_base = 0;
    std::int64_t m_days = 0;
    std::vector<std::uint32_t> m_cells;
    bool m_sparse = false;
    FlatTable<std::uint32_t> m_overflow; // t = day, a/b = column low/high
};

template<typename F>
void DayMatrix::forEach(F&& f) const
{
    if (m_sparse) {
        std::vector<std::pair<std::pair<std::int64_t, std::uint64_t>, std::uint32_t>> cells;
        m_overflow.forEach([&](const CellKey& k, std::uint32_t v) {
            cells.push_back({{k.t, std::uint64_t(k.a) | (std::uint64_t(k.b) << 32)}, v});
        });
        std::sort(cells.begin(), cells.end());
        for (const auto& c : cells)
            f(c.first.first, c.first.second, c.second);
        return;
    }
    for (std::int64_t d = 0; d < m_days; ++d)
        for (std::uint64_t c = 0; c < m_columns; ++c)
            if (const std::uint32_t v = m_cells[static_cast<std::size_t>(std::uint64_t(d) * m_columns + c)])
                f(m_base + d, c, v);
}

} // namespace hs
