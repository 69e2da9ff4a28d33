// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The hour cells a selection's traffic figures (timeline, capability mix) are computed from: the
// investigation's own, or, when the selection names one account, that account's exchanges folded
// into cells of the same shape and order. Exact from the exchange columns; without them, from
// the account's day cells: each day's exchanges in the day's first hour, on no known model and
// unclassified (the model and capability of a day cell are not known).

#include "investigation.h"
#include "selection.h"

#include <memory>
#include <span>
#include <vector>

namespace hs {

class SelectedHourCells
{
public:
    explicit SelectedHourCells(std::span<const HourCell> shared) : m_cells(shared) {}
    explicit SelectedHourCells(std::shared_ptr<const std::vector<HourCell>> own)
        : m_own(std::move(own)), m_cells(*m_own) {}
    std::span<const HourCell> cells() const { return m_cells; }

private:
    std::shared_ptr<const std::vector<HourCell>> m_own;
    std::span<const HourCell> m_cells;
};

// Keep the result in a variable: cells() points into it. One account's cells take a pass over the
// columns (about 35 ms at 16.5 million rows): the last account's are kept, so the timeline's bin
// changes and the Capabilities page do not pay for it again (safe from any thread).
SelectedHourCells selectedHourCells(const Investigation& inv, const Selection& selection);

} // namespace hs
