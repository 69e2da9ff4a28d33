// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Light and dark themes: the Fusion style with our own palettes (Qt 6.4 has no colour-scheme
// hint). Plots and charts take their colours from the application palette through stylePlot()
// and styleChart(), and restyle themselves on QEvent::PaletteChange: a switch needs no restart.

#include <QPalette>
#include <QString>
#include <QStringList>

class QChart;
class QCustomPlot;
class QWidget;

namespace hs {

// Noto families for CJK, Arabic, Hebrew, emoji and symbols, in the order a glyph is looked for
// after the main font (the dashboard's and the report's fonts; the package depends on them).
QStringList scriptFallbackFamilies();
void applyTheme(const QString& name); // "light" or "dark"; anything else is light; sets the font fallback
QPalette themePalette(const QString& name); // the palette applyTheme() sets
bool isDarkTheme();
void stylePlot(QCustomPlot* plot);
void styleChart(QChart* chart);
// Every plot and chart below `root`, e.g. the main window on a palette change.
void styleAll(QWidget* root);

} // namespace hs
