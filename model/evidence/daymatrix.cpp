// SPDX-License-Identifier: GPL-3.0-or-later
#include "daymatrix.h"

#include <algorithm>

namespace hs {

void DayMatrix::makeRoom(std::int64_t day)
{
    if (m_columns == 0)
        return goSparse();
    if (m_days == 0) {
        m_base = day;
    }
    // Grow by at least 32 days, and by doubling, at the side the new day lies on.
    const std::int64_t lo = std::min(m_base, day - (day < m_base ? std::max<std::int64_t>(32, m_days) : 0));
    const std::int64_t hi = std::max(m_base + m_days, day + 1 + (day >= m_base + m_days ? std::max<std::int64_t>(32, m_days) : 0));
    const auto span = static_cast<std::uint64_t>(hi - lo);
    if (hi - lo <= 0 || span > kMaxCells / m_columns)
        return goSparse();
    std::vector<std::uint32_t> cells(span * m_columns, 0);
    if (m_days > 0)
        std::copy(m_cells.begin(), m_cells.end(), cells.begin() + static_cast<std::ptrdiff_t>(std::uint64_t(m_base - lo) * m_columns));
    m_cells.swap(cells);
    m_base = lo;
    m_days = hi - lo;
}

void DayMatrix::goSparse()
{
    if (m_sparse)
        return;
    m_sparse = true;
    std::vector<std::uint32_t> cells;
    cells.swap(m_cells);
    for (std::int64_t d = 0; d < m_days; ++d)
        for (std::uint64_t c = 0; c < m_columns; ++c)
            if (const std::uint32_t v = cells[static_cast<std::size_t>(std::uint64_t(d) * m_columns + c)])
                m_overflow[{m_base + d, static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(c >> 32), 0}] += v;
    m_days = 0;
}

void DayMatrix::merge(const DayMatrix& other)
{
    other.forEach([this](std::int64_t day, std::uint64_t column, std::uint32_t count) { add(day, column, count); });
}

} // namespace hs
