// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Sizes the network canvas's layout, paint and picking share (networkcanvas.cpp, networkcanvaspaint.cpp).

#include <QPointF>

#include <cmath>
#include <cstddef>

namespace hs::networkstyle {

constexpr double kSpacing = 3;            // graph units between neighbours in an open cluster
constexpr double kGap = 40;               // between cluster discs
constexpr double kPickRadius = 7;         // pixels
constexpr std::size_t kLabelLimit = 150;  // account labels when at most this many nodes are in view
constexpr std::size_t kCheapNodes = 3000; // more drawn nodes: no antialiasing

inline bool drawn(QPointF p) { return !std::isnan(p.x()); }
inline double discRadius(std::size_t accounts) { return kSpacing * std::sqrt(double(accounts)) + 6; }
// A node's diameter in pixels at a zoom.
inline double nodeSize(double scale) { return std::clamp(scale * kSpacing * 0.8, 3.0, 14.0); }

} // namespace hs::networkstyle
