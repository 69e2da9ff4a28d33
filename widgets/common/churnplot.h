// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The churn chart (model/analysis/churn.h) as a QCustomPlot: accounts created, first seen and
// banned per day as bars, active accounts per day as a line on the right axis. One drawing for
// the Network page and the PDF report.

#include "churn.h"

#include <QColor>
#include <QFont>

class QCustomPlot;

namespace hs {

struct ChurnStyle
{
    QFont labelFont, tickFont;
    double penScale = 1; // the report draws at 300 dpi
    QColor text = Qt::black;
    QColor grid = QColor(0xDD, 0xDD, 0xDD);
    QColor background = Qt::white; // behind the legend: the active line runs under it
    // A narrow panel (the Network page's side): three dates, the legend under the plot instead
    // of over it, shorter axis titles.
    bool compact = false;
};

// Clears `plot` and draws `churn` into it, the x axis in UTC days.
void fillChurnPlot(QCustomPlot& plot, const ChurnSeries& churn, const ChurnStyle& style);

} // namespace hs
