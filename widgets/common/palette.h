// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Series colours: the Okabe-Ito set, distinguishable with the common colour-vision deficiencies.
// A series keeps its colour across views (colour i for model or campaign index i).

#include <QColor>

#include <algorithm>
#include <cmath>

namespace hs {

inline QColor seriesColor(unsigned index)
{
    static const QColor colors[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                                    QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
                                    QColor(0xF0, 0xE4, 0x42), QColor(0x88, 0x88, 0x88)};
    return colors[index % (sizeof(colors) / sizeof(colors[0]))];
}

// The organic baseline: dark grey on a light background, light grey on a dark one (WCAG AA for
// lines, 3:1, in both themes: tst_palette).
inline QColor baselineColor(bool dark = false) { return dark ? QColor(0xb4, 0xb4, 0xb4) : QColor(0x44, 0x44, 0x44); }

// WCAG 2.x contrast ratio of two opaque colours, 1 to 21.
inline double contrastRatio(const QColor& a, const QColor& b)
{
    const auto luminance = [](const QColor& c) {
        const auto channel = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace hs

namespace hs {

// Capabilities need more distinct colours than series: twelve, then grey for "unclassified".
inline QColor capabilityColor(unsigned index, bool unclassified = false)
{
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
                                    QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                    QColor(0xe3, 0x77, 0xc2), QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf),
                                    QColor(0xae, 0xc7, 0xe8), QColor(0xff, 0xbb, 0x78), QColor(0x98, 0xdf, 0x8a)};
    if (unclassified)
        return QColor(0xbb, 0xbb, 0xbb);
    return colors[index % (sizeof(colors) / sizeof(colors[0]))];
}

} // namespace hs
