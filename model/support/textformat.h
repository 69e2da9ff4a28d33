// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Numbers as the reviewer reads them, the same on screen, in the PDF and in the text summary.

#include <QString>

namespace hs {

// 0.473 -> "47%" (C locale, so the output never depends on the machine's language).
QString percent(double fraction, int decimals = 0);

} // namespace hs
