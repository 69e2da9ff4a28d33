// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The derived figures of the format spec ("Derived figures"), computed from the aggregates.
// Every view, report and `analyze --json` uses these functions and nothing else.

#include "investigation.h"
#include "lifecycle.h"

#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace hs {

constexpr double kDefaultThreshold = 0.25;

struct AnalysisOptions
{
    double threshold = kDefaultThreshold; // hourly share that makes a pivot, 0 < t <= 1
};

struct CapabilityShare
{
    std::uint32_t capability = 0;
    QString name;
    std::uint64_t exchanges = 0;
    double share = 0; // of the group's exchanges
};

struct FamilyShare
{
    std::uint32_t tmpl = 0; // template index
    std::uint64_t exchanges = 0;
    double share = 0; // of the group's exchanges
};

struct ClusterShare
{
    std::uint32_t cluster = 0;
    std::uint64_t accounts = 0; // the group's accounts in this cluster
};

struct PivotFigure
{
    std::uint32_t model = 0;
    std::int64_t releasedAt = 0;
    std::uint64_t windowExchanges = 0; // the group's exchanges in [release, release + 24 h)
    std::uint64_t windowOnModel = 0;   // ... of which on the released model
    double share24h = 0;
    std::optional<int> hoursToThreshold; // 1..24
    bool pivot = false;
    std::optional<double> baselineShare24h;
    std::array<std::uint64_t, 24> hourAll{};   // per hour k = 1..24 (index k - 1)
    std::array<std::uint64_t, 24> hourOnModel{};
};

struct GroupFigures
{
    std::uint32_t group = 0;
    std::uint64_t exchanges = 0;
    std::uint64_t accounts = 0; // accounts rows of the group, active or not
    std::optional<std::int64_t> firstSeen, lastSeen;
    std::vector<CapabilityShare> capabilities; // with exchanges only, most first
    std::uint64_t cotExchanges = 0;
    std::optional<double> cotShare;            // null without the column or without exchanges
    std::vector<FamilyShare> families;         // all prompt families, most first
    std::vector<ClusterShare> clusters;        // most accounts first
    std::vector<PivotFigure> pivots;           // by release time (campaigns only)
    std::optional<CampaignLifecycle> lifecycle; // campaigns of a file with status_changed_at only
};

struct Analysis
{
    double threshold = kDefaultThreshold;
    std::int64_t evidenceExchanges = 0; // every row of exchanges
    std::int64_t evidenceAccounts = 0;  // every row of accounts
    std::vector<GroupFigures> campaigns; // in the file's campaign order
    GroupFigures baseline;
};

Analysis analyze(const Investigation& inv, const AnalysisOptions& options = {});

// The campaign pivot with the largest 24-hour share (the one a headline names); none without pivots.
struct StrongestPivot
{
    const GroupFigures* group = nullptr;
    const PivotFigure* pivot = nullptr;
};
std::optional<StrongestPivot> strongestPivot(const Analysis& analysis);

// Each group's accounts, clusters (largest first) and first/last seen from per-account `totals`
// (the file's, or a selection's); with `onlyActive`, accounts without exchanges in `totals` are
// left out. Returns how many accounts were counted.
std::int64_t addAccountFigures(const Investigation& inv, const std::vector<AccountTotals>& totals, bool onlyActive,
                               std::vector<GroupFigures>& groups);

// The hour k (1..24) at which the hourly share first reaches the threshold, per the spec.
std::optional<int> hoursToThreshold(const std::array<std::uint64_t, 24>& all,
                                    const std::array<std::uint64_t, 24>& onModel, double threshold);

} // namespace hs
