// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Series colours: the Okabe-Ito set, distinguishable with the common colour-vision deficiencies.
// A series keeps its colour across views (colour i for model or campaign index i).

#include <QColor>

namespace hs {

inline QColor seriesColor(unsigned index)
{
    static const QColor colors[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                                    QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
                                    QColor(0xF0, 0xE4, 0x42), QColor(0x88, 0x88, 0x88)};
    return colors[index % (sizeof(colors) / sizeof(colors[0]))];
}

inline QColor baselineColor() { return QColor(0x44, 0x44, 0x44); }

} // namespace hs
