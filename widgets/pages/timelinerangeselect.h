// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shift+drag on the timeline selects a time range for every view: a band follows the drag, and the
// release sets the shared selection's range, snapped outwards to whole UTC hours (every figure of
// a range is exact per hour). A click without a drag clears the range. The selection's range is
// drawn as the same band.

#include "selection.h"

class QCustomPlot;
class QCPItemRect;
class QMouseEvent;

namespace hs {

class TimelineRangeSelect
{
public:
    TimelineRangeSelect(QCustomPlot* plot, SelectionState* selection) : m_plot(plot), m_selection(selection) {}

    void clear() { m_band = nullptr; } // the plot's items were cleared (it owns them)
    void drawBand();                   // the selection's range, if it has one
    void press(QMouseEvent* event);
    bool move(QMouseEvent* event);     // false: no selection drag under way
    void release(QMouseEvent* event);

private:
    void makeBand();

    QCustomPlot* m_plot;
    SelectionState* m_selection;
    QCPItemRect* m_band = nullptr;
    double m_dragStart = 0;
    bool m_selecting = false;
};

} // namespace hs
