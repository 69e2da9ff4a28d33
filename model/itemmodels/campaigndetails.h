// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Campaign details side by side: what the evidence says of each campaign (attribution, status,
// first flagged, summary) and its figures within the selection (exchanges, accounts, active
// period, CoT, pivots, the share of every capability, exchanges per week), one column per
// campaign: one column is the details of one, two columns compare them.

#include "analysis.h"
#include "selection.h"
#include "tablemodel.h"

#include "timeline.h"

namespace hs {

// What a comparison of campaigns shows as charts and as table rows alike, so the two cannot
// disagree: every capability any of them used (investigation order) with each one's share and
// count, and each one's exchanges over time (computeTimeline, the Timeline page's function) in
// the selection's range, model, capability and account, or the whole period without a range.
struct CampaignComparison
{
    std::vector<std::uint32_t> groups;       // campaign indexes or the baseline group, in order
    std::vector<std::uint32_t> capabilities; // capability indexes
    std::vector<std::vector<double>> share;  // [group position][capability position], 0..1
    std::vector<std::vector<std::uint64_t>> exchanges; // the same shape: counts
    TimelineData timeline;                   // campaigns as series, the baseline as baseline
    // Exchanges per bin of the group at `position`, empty when it has none in the period.
    std::vector<double> overTime(std::size_t position, std::uint32_t baselineGroup) const;
};

CampaignComparison compareCampaigns(const Investigation& inv, const Analysis& analysis, const Selection& selection,
                                    const std::vector<std::uint32_t>& groups);

// `analysis` is the selection's (selectionanalysis.h) or the whole investigation's; `groups` are
// campaign indexes or the baseline group, in column order.
TableData campaignDetailsTable(const Investigation& inv, const Analysis& analysis, const Selection& selection,
                               const std::vector<std::uint32_t>& groups);

} // namespace hs
