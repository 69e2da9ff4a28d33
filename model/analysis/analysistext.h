// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Figures as plain sentences: the summary of `hydrascope analyze` and the pivot sentence that the
// dashboard, the report and the summary share.

#include "analysis.h"

#include <QString>

namespace hs {

// The plain-text summary printed by `hydrascope analyze` without --json.
QString analysisToText(const Investigation& inv, const Analysis& analysis);

// One plain sentence for a pivot: "47% of its traffic went to atlas-3 within 24 h of its release
// (2026-02-11 14:37 UTC); the threshold of 25% was reached in hour 7; baseline 5%."
QString pivotSentence(const Investigation& inv, const PivotFigure& p, double threshold);

} // namespace hs
