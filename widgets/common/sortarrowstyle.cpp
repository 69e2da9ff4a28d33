// SPDX-License-Identifier: GPL-3.0-or-later
#include "sortarrowstyle.h"

#include <QStyleOptionHeader>

namespace hs {

SortArrowStyle::SortArrowStyle(QStyle* base) : QProxyStyle(base) {}

void SortArrowStyle::drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                                   const QWidget* widget) const
{
    if (element == PE_IndicatorHeaderArrow)
        if (const auto* header = qstyleoption_cast<const QStyleOptionHeader*>(option)) {
            QStyleOptionHeader flipped = *header;
            if (header->sortIndicator == QStyleOptionHeader::SortDown)
                flipped.sortIndicator = QStyleOptionHeader::SortUp;
            else if (header->sortIndicator == QStyleOptionHeader::SortUp)
                flipped.sortIndicator = QStyleOptionHeader::SortDown;
            return QProxyStyle::drawPrimitive(element, &flipped, painter, widget);
        }
    QProxyStyle::drawPrimitive(element, option, painter, widget);
}

} // namespace hs
