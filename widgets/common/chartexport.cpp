// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartexport.h"

#include <QPainter>
#include <QPixmap>
#include <QSvgGenerator>
#include <QWidget>

namespace hs {

bool saveWidgetImage(QWidget* widget, const QString& path, const QString& title)
{
    if (!path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive))
        return widget->grab().save(path);
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(widget->size());
    svg.setViewBox(widget->rect());
    svg.setTitle(title);
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    widget->render(&painter);
    return painter.end();
}

} // namespace hs
