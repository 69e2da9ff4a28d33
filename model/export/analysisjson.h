// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The `analyze --json` document (also analysis.json of a case bundle). Shape in docs/format.md.

#include "analysis.h"

#include <QByteArray>

namespace hs {

QByteArray analysisToJson(const Investigation& inv, const Analysis& analysis);

} // namespace hs
