// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Campaign details side by side: what the evidence says of each campaign (attribution, status,
// first flagged, summary) and its figures within the selection (exchanges, accounts, active
// period, CoT, pivots, the share of every capability, exchanges per week), one column per
// campaign: one column is the details of one, two columns compare them.

#include "analysis.h"
#include "selection.h"
#include "tablemodel.h"

namespace hs {

// `analysis` is the selection's (selectionanalysis.h) or the whole investigation's; `groups` are
// campaign indexes or the baseline group, in column order.
TableData campaignDetailsTable(const Investigation& inv, const Analysis& analysis, const Selection& selection,
                               const std::vector<std::uint32_t>& groups);

} // namespace hs
