// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Account lifecycle figures of format 1.1 (spec, "Derived figures"): banned accounts, their
// replacements ("how fast banned heads grow back") and active accounts per day. Computed from
// the small tables and the scan's per-account aggregates (first/last exchange, prompt families),
// never from the exchanges themselves.

#include "investigation.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace hs {

constexpr std::int64_t kReplacementWindow = 72 * 3600; // [t, t + 72 h)

// status is `banned` or `suspended` and status_changed_at is not NULL.
bool isBanned(const AccountInfo& account);

struct Replacement
{
    std::uint32_t banned = 0;      // account index
    std::uint32_t replacement = 0; // account index of the replacing account
    std::int64_t bannedAt = 0;     // status_changed_at of the banned account
    std::int64_t firstExchange = 0; // of the replacement
    double hours = 0;              // replacement_hours
};

struct CampaignLifecycle
{
    std::uint32_t group = 0;
    std::vector<std::uint32_t> banned;     // account indexes, in the file's account order
    std::vector<Replacement> replacements; // one per replaced banned account, in that order
    std::optional<double> medianHours;     // replacement_median_hours; null when none replaced
    std::size_t replacedAccounts() const { return replacements.size(); }
};

// The lifecycle of campaign `group`; nullopt when the file has no accounts.status_changed_at.
std::optional<CampaignLifecycle> campaignLifecycle(const Investigation& inv, std::uint32_t group);

// The median of values (the mean of the two middle ones for an even count); null when empty.
std::optional<double> medianValue(std::vector<double> values);

// Active accounts per UTC day as a step function: from days[i] on (until days[i + 1]) the count is
// counts[i]. Exact for any span, also a hostile one of millions of years; valueAt() and dense()
// read it.
struct ActivitySteps
{
    std::vector<std::int64_t> days; // UTC day numbers (floor(ts / 86400)), increasing
    std::vector<std::uint32_t> counts;
    std::optional<std::int64_t> firstDay() const;
    std::optional<std::int64_t> lastDay() const; // the last day with a non-zero count
    std::uint32_t valueAt(std::int64_t day) const;
    std::vector<std::uint32_t> dense(std::int64_t fromDay, std::int64_t toDay) const; // inclusive
};

// Active accounts on day d: first exchange before the day's end, last at or after its start.
// Over the given account indexes.
ActivitySteps activeAccountsPerDay(const Investigation& inv, const std::vector<std::uint32_t>& accounts);
// Over the accounts of one group (a campaign or the baseline).
ActivitySteps activeAccountsPerDay(const Investigation& inv, std::uint32_t group);
std::vector<std::uint32_t> accountsOfGroup(const Investigation& inv, std::uint32_t group);

} // namespace hs
