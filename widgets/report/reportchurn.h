// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A campaign's bans and replacements in the report (format 1.1 files with bans): the sentence
// "Of N banned accounts, M were replaced, after a median of H hours.", the churn chart as vectors
// (QCustomPlot::toPainter) and the first replacements, account refs already through the redactor.

#include "reportcontent.h"

namespace hs {

class ReportPages;

// Nothing for a campaign without bans.
void churnSection(ReportPages& pages, const CampaignReport& campaign);

} // namespace hs
