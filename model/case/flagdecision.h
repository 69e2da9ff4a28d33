// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A reviewer's decision on a flag, as the annotation the "Why flagged" dock adds to the case:
// its subject is the campaign (or the one account) the reasons are about, its title says
// confirmed or rejected, its note names the reason(s) the decision is about, its tag
// ("flag-confirmed" / "flag-rejected") lets a saved search or an export find every decision.
// The case store fills in the author and the time.

#include "casedata.h"
#include "investigation.h"

#include <cstdint>
#include <vector>

namespace hs {

enum class FlagDecision { Confirmed, Rejected };

// `account` kNoIndex: the decision is about campaign `campaign`; else about that account (an
// account index of `inv`). `reasons` are indexes into inv.flagReasons (those the reviewer chose,
// or every reason shown).
Annotation flagDecisionAnnotation(const Investigation& inv, std::uint32_t campaign, std::uint32_t account,
                                  FlagDecision decision, const std::vector<std::uint32_t>& reasons);

} // namespace hs
