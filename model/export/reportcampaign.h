// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One campaign's section of a case report (used by reportcontent.cpp).

#include "flagreasonsummary.h"
#include "reportcontent.h"
#include "selection.h"

namespace hs {

// The campaign's traffic over `span` (default: its active period) with releases, its pivots' 24 h
// windows and the annotated ranges that overlap it.
ReportTimeline campaignTimeline(const Investigation& inv, const GroupFigures& g, const std::vector<Annotation>& notes,
                                std::optional<TimeRange> span);
// "Of N banned accounts, M were replaced, after a median of H hours."
QString lifecycleSentence(const CampaignLifecycle& l);
// Fills the campaign's "Why these accounts were flagged" tables (nothing without reasons).
void flagReasonSection(CampaignReport& c, const Investigation& inv, const CampaignReasons& reasons, const Redactor& r);
CampaignReport campaignReport(const Investigation& inv, const Analysis& analysis, const GroupFigures& g,
                              const std::vector<Annotation>& notes, const Redactor& r, std::optional<TimeRange> span);

} // namespace hs
