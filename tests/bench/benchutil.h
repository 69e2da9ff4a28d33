// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the dashboard benchmarks share: summary figures and the timeline's zoom steps, so that
// "zoom and replot" means the same 20 steps in every benchmark.
#include "qcustomplotshim.h"
#include "timelinepage.h"

#include <QElapsedTimer>

#include <algorithm>
#include <vector>

namespace hs::bench {

inline double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

inline double worst(const std::vector<double>& v) { return v.empty() ? 0 : *std::max_element(v.begin(), v.end()); }

// Zooms in step by step around the middle of [from, to] (the bin changes on the way) and times
// each zoom with its replot, in milliseconds.
inline std::vector<double> zoomSteps(TimelinePage* timeline, double from, double to)
{
    std::vector<double> ms;
    for (int i = 0; i < 20; ++i) {
        const double f = 0.5 + 0.02 * i;
        const double mid = (from + to) / 2, half = (to - from) * (1 - f) / 2;
        QElapsedTimer t;
        t.start();
        timeline->zoomTo(static_cast<std::int64_t>(mid - half), static_cast<std::int64_t>(mid + half));
        timeline->plot()->replot(QCustomPlot::rpImmediateRefresh);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return ms;
}

} // namespace hs::bench
