// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The `analyze --json` document (also analysis.json of a case bundle). Shape in docs/format.md.

#include "analysis.h"

#include <QByteArray>

namespace hs {

class Redactor;

// With a redactor that hides, the flag reasons' details are scrubbed (the bundle under the
// policy and external profiles); without one, or with "internal", they are as recorded.
QByteArray analysisToJson(const Investigation& inv, const Analysis& analysis, const Redactor* redactor = nullptr);

} // namespace hs
