// SPDX-License-Identifier: GPL-3.0-or-later
#include "countticker.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace hs {

// The application's locale, not the plot's: QCustomPlot sets its own to omit group separators.
QString countTickLabel(double tick) { return QLocale().toString(std::round(tick), 'f', 0); }

double CountTicker::getTickStep(const QCPRange& range) { return std::max(1.0, QCPAxisTicker::getTickStep(range)); }

QString CountTicker::getTickLabel(double tick, const QLocale&, QChar, int) { return countTickLabel(tick); }

QString LogCountTicker::getTickLabel(double tick, const QLocale&, QChar, int) { return countTickLabel(tick); }

} // namespace hs
