// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Evidence text placed inside Hydrascope's own sentences (titles, labels, captions). A campaign
// name may carry a right-to-left override (U+202E) that would reverse every word after it: a
// first-strong isolate around the name, closed by a pop-directional-isolate, ends whatever
// direction changes the name opened at its own end. The text itself is kept as written.

#include <QString>

namespace hs {

inline QString isolated(const QString& evidenceText)
{
    return QChar(0x2068) + evidenceText + QChar(0x2069);
}

} // namespace hs
