// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The whole investigation's figures (Analysis) within a selection: what the Overview and the
// Accounts page show once a time range, model or capability is chosen. Computed from the
// selection's figures (one pass over the exchange columns), never from the exchanges again.

#include "analysis.h"
#include "infrastructure.h"
#include "selectionfigures.h"

namespace hs {

// The accounts a selection's views count: those of the selected groups (and of the baseline when
// `withBaseline`, the reference the mixes compare against) that, under a range, model or
// capability, sent at least one exchange in it.
AccountMask selectedAccounts(const Investigation& inv, const SelectionFigures& figures, bool withBaseline);

// Every group's figures within the selection (the groups themselves do not filter; views pick):
// exchanges, capability shares, CoT, families from the selection figures; accounts and clusters
// the group's accounts active in the selection (all of its accounts without a filter); first and
// last seen of those accounts within it; the pivots of `whole` whose release lies in the range
// (and on the chosen model). Evidence totals: the selection's exchanges and active accounts of
// every group, or the file's rows without a filter.
Analysis selectionAnalysis(const Investigation& inv, const Analysis& whole, const SelectionFigures& figures);

// The cluster with the most accounts of the chosen groups (Selection::groups, empty: all) in
// `analysis`, with the campaigns and baseline accounts it mixes; none without clustered accounts.
std::optional<ClusterSummary> largestCluster(const Analysis& analysis, const std::vector<bool>& groups);

} // namespace hs
