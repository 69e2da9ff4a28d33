// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The report's charts, drawn as vectors into the PDF painter: the timeline through
// QCustomPlot::toPainter (text stays text), the capability mix as plain QPainter bars.

#include "reportcontent.h"

#include <QRectF>

class QCPPainter;
class QCustomPlot;
class QPainter;

namespace hs {

void drawTimeline(QCPPainter* painter, const QRectF& rect, const ReportTimeline& timeline);
// The plot drawTimeline() paints: the campaign's traffic in the upper panel, the organic baseline
// in a lower panel of its own, releases, pivot bands (objectName "pivotBand"), annotations, legend.
void buildTimelinePlot(QCustomPlot& plot, const QRectF& rect, const ReportTimeline& timeline);
void drawCapabilityBars(QPainter* painter, const QRectF& rect, const std::vector<CapabilityBar>& bars,
                        const QFont& font);

} // namespace hs
