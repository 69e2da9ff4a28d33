// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What one streaming pass over `exchanges` leaves behind: compact, sorted aggregate cells from
// which every figure is computed. Memory is independent of the row count (a few MB at 16 M rows).

#include "accounttemplates.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace hs {

// Exchanges of one group on one model with one capability in one UTC hour (floor(ts / 3600)).
struct HourCell
{
    std::int64_t hour = 0;
    std::uint32_t group = 0;
    std::uint32_t model = 0;      // model index; Investigation::models.size() when the id dangles
    std::uint32_t capability = 0; // capability index; unclassified is the last one
    std::uint32_t exchanges = 0;
    std::uint32_t cot = 0;        // of which asked for written-out reasoning
};

// Exchanges of one group with one prompt family (template index) on one UTC day.
struct DayTemplateCell
{
    std::int64_t day = 0;
    std::uint32_t group = 0;
    std::uint32_t tmpl = 0;
    std::uint32_t exchanges = 0;
};

// Exchanges of one account on one UTC day.
struct DayAccountCell
{
    std::int64_t day = 0;
    std::uint32_t account = 0;
    std::uint32_t exchanges = 0;
};

struct AccountTotals
{
    std::uint64_t exchanges = 0;
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
};

// Counts inside one model's release window for one group, per hour k = 1..24 (index k - 1).
struct ReleaseWindowCounts
{
    std::uint32_t model = 0;
    std::uint32_t group = 0;
    std::uint64_t all[24] = {};     // the group's exchanges on any model in hour k
    std::uint64_t onModel[24] = {}; // ... on the released model
};

struct Aggregates
{
    std::vector<HourCell> hours;              // sorted by hour, group, model, capability
    std::vector<DayTemplateCell> dayTemplates; // sorted by day, group, template
    std::vector<DayAccountCell> dayAccounts;  // sorted by day, account
    std::vector<AccountTotals> accounts;      // per account index
    std::vector<ReleaseWindowCounts> releases; // sorted by model, group; only where a group had traffic
    AccountTemplates accountTemplates;        // prompt families each campaign account sent

    std::uint64_t danglingAccountRows = 0;   // account_id not in accounts
    std::int64_t firstDanglingAccountRow = -1;
    std::uint64_t danglingModelRows = 0;     // model_id not in models
    std::int64_t firstDanglingModelRow = -1;
    std::uint64_t danglingCapabilityRows = 0;
    std::int64_t firstDanglingCapabilityRow = -1;
    std::uint64_t danglingTemplateRows = 0;
    std::int64_t firstDanglingTemplateRow = -1;
    std::uint64_t unattributedRows = 0;      // account exists but its campaign_id dangles
};

inline std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

} // namespace hs
