// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The churn of one campaign's accounts per UTC day: created (created_at), first seen (first
// exchange), banned (status_changed_at of banned accounts, lifecycle.h) and active (lifecycle.h).
// What the Network page's churn chart and the report's draw.

#include "investigation.h"

#include <cstdint>
#include <vector>

namespace hs {

struct ChurnSeries
{
    std::uint32_t group = 0;
    std::int64_t fromDay = 0; // UTC day numbers (floor(ts / 86400)), inclusive
    std::int64_t toDay = -1;
    std::vector<std::uint32_t> created, firstSeen, banned, active; // one value per day
    std::uint64_t createdBefore = 0; // created before fromDay (not in `created`)
    std::size_t days() const { return active.size(); }
    bool empty() const { return active.empty(); }
};

// The days from the campaign's first exchange to its last, at most kMaxChurnDays (the last ones);
// empty without exchanges. Events outside are not drawn (createdBefore counts the creations).
constexpr std::int64_t kMaxChurnDays = 400;
ChurnSeries campaignChurn(const Investigation& inv, std::uint32_t group);

} // namespace hs
