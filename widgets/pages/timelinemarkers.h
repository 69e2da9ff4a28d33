// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the timeline draws over the traffic: a dotted line per model release with its name, and,
// for each release the selected campaigns pivoted to, the 24-hour window shaded and a label with
// the measured pivot figures. place() runs after every layout of the plot: each label sits beside
// its marker, on the left when the right would run out of the plot, and below any label it
// would cover, so zooming, panning and resizing never clip or pile up the labels.

#include "analysis.h"
#include "selection.h"

#include <QColor>
#include <QCoreApplication>

#include <vector>

class QCustomPlot;
class QCPItemText;

namespace hs {

class TimelineMarkers
{
    Q_DECLARE_TR_FUNCTIONS(TimelineMarkers)
public:
    explicit TimelineMarkers(QCustomPlot* plot) : m_plot(plot) {}

    void clear() { m_labels.clear(); } // the plot's items were cleared (it owns them)
    void draw(const Investigation& inv, const Analysis& analysis, const Selection& selection, double lineScale,
              const QColor& textColor);
    void place();

private:
    QCustomPlot* m_plot;
    std::vector<QCPItemText*> m_labels; // release names, then pivot figures
};

} // namespace hs
