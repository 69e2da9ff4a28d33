// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Saves what a widget shows as PNG (raster) or SVG (vector, text stays text), chosen by suffix.

#include <QString>

class QWidget;

namespace hs {

bool saveWidgetImage(QWidget* widget, const QString& path, const QString& title);

} // namespace hs
