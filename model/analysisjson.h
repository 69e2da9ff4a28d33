// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The `analyze --json` document (also analysis.json of a case bundle). Shape in docs/format.md.

#include "analysis.h"

#include <QByteArray>

namespace hs {

QByteArray analysisToJson(const Investigation& inv, const Analysis& analysis);

// The plain-text summary printed by `hydrascope analyze` without --json.
QString analysisToText(const Investigation& inv, const Analysis& analysis);

// One plain sentence for a pivot: "47% of its traffic went to atlas-3 within 24 h of its release
// (2026-02-11 14:37 UTC); the threshold of 25% was reached in hour 7; baseline 5%."
QString pivotSentence(const Investigation& inv, const PivotFigure& p, double threshold);

QString percent(double fraction, int decimals = 0);

} // namespace hs
