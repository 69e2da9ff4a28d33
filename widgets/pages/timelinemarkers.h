// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the timeline draws over the traffic: a dotted line per model release with its name, and,
// for each release the selected campaigns pivoted to, the 24-hour window shaded and a label with
// the measured pivot figures. place() runs after every layout of the plot: each label sits beside
// its marker, on the left when the right would run out of the plot, and below any label it
// would cover, so zooming, panning and resizing never clip or pile up the labels.

#include "analysis.h"
#include "selection.h"
#include "timeline.h"

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

    void clear() { m_labels.clear(); m_partial.clear(); } // the plot's items were cleared (it owns them)
    void draw(const Investigation& inv, const Analysis& analysis, const Selection& selection, double lineScale,
              const QColor& textColor);
    // The first and last bins when the evidence covers less than 90% of them (a week that starts
    // on the Wednesday): hatched and labelled "partial", so a short bar is not read as a drop.
    void markPartialBins(const Investigation& inv, const TimelineData& data, const QColor& textColor);
    QString partialNote(std::size_t bin) const; // for the tooltip; empty for a whole bin
    std::size_t partialBins() const { return m_partial.size(); }
    void place();

private:
    QCustomPlot* m_plot;
    std::vector<QCPItemText*> m_labels; // release names, then pivot figures
    std::vector<std::pair<std::size_t, QString>> m_partial; // bin, what it covers
};

} // namespace hs
