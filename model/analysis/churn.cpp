// SPDX-License-Identifier: GPL-3.0-or-later
#include "churn.h"

#include "lifecycle.h"

#include <algorithm>
#include <limits>

namespace hs {
namespace {

constexpr std::int64_t kDaySeconds = 86400;

void count(std::vector<std::uint32_t>& series, std::int64_t fromDay, std::int64_t day)
{
    if (day >= fromDay && day - fromDay < std::int64_t(series.size()))
        ++series[std::size_t(day - fromDay)];
}

} // namespace

ChurnSeries campaignChurn(const Investigation& inv, std::uint32_t group)
{
    ChurnSeries out;
    out.group = group;
    const std::vector<std::uint32_t> accounts = accountsOfGroup(inv, group);
    const ActivitySteps activity = activeAccountsPerDay(inv, accounts);
    // The days of the campaign's traffic: accounts are often created weeks before they are used,
    // and those days would squeeze the bans into a corner (they are counted in createdBefore).
    const auto firstActive = activity.firstDay(), lastActive = activity.lastDay();
    if (!firstActive)
        return out;
    const std::int64_t hi = *lastActive;
    const std::int64_t lo = std::max(*firstActive, hi - (kMaxChurnDays - 1));
    out.fromDay = lo;
    out.toDay = hi;
    const auto days = std::size_t(hi - lo + 1);
    out.created.assign(days, 0);
    out.firstSeen.assign(days, 0);
    out.banned.assign(days, 0);
    out.active = activity.dense(lo, hi);
    const auto& totals = inv.aggregates.accounts;
    for (const std::uint32_t a : accounts) {
        const AccountInfo& info = inv.accounts[a];
        if (info.createdAt) {
            const std::int64_t day = floorDiv(*info.createdAt, kDaySeconds);
            if (day < lo)
                ++out.createdBefore;
            count(out.created, lo, day);
        }
        if (a < totals.size() && totals[a].exchanges > 0)
            count(out.firstSeen, lo, floorDiv(totals[a].first, kDaySeconds));
        if (isBanned(info))
            count(out.banned, lo, floorDiv(*info.statusChangedAt, kDaySeconds));
    }
    return out;
}

} // namespace hs
