// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The dashboard's style: Fusion, with the header's sort arrow drawn as the desktops draw it
// (Windows, macOS, KDE and GNOME alike): pointing up while the column is sorted ascending
// (smallest first), down while descending. QHeaderView asks for a "down" arrow for ascending
// order, which Fusion draws as written: the reverse of every platform's convention.

#include <QProxyStyle>

namespace hs {

class SortArrowStyle final : public QProxyStyle
{
    Q_OBJECT
public:
    explicit SortArrowStyle(QStyle* base);
    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget = nullptr) const override;
};

} // namespace hs
