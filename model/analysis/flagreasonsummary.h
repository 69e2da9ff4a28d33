// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The reasons of flag_reasons (format 1.1) as every output shows them: per campaign its own
// (campaign-level) reasons strongest first and how many of its accounts carry account-level
// reasons, by signal; per account its own reasons. The JSON, the bundle, the report and the
// dashboard all read this, so their order and counts cannot disagree.

#include "investigation.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace hs {

// Strongest first: score descending, reasons without a score after those with one, then signal
// name, then id (so the order is total and the same everywhere).
bool strongerReason(const FlagReason& a, const FlagReason& b);

struct CampaignReasons
{
    std::vector<std::uint32_t> reasons;      // campaign-level reasons, indexes into inv.flagReasons, strongest first
    std::uint64_t accountsWithReasons = 0;   // distinct accounts of the campaign with an account-level reason
    std::vector<std::pair<QString, std::uint64_t>> accountsBySignal; // signal -> distinct accounts; most first, then name
    bool empty() const { return reasons.empty() && accountsWithReasons == 0; }
};

// One entry per campaign index (inv.campaigns.size() entries).
std::vector<CampaignReasons> reasonsByCampaign(const Investigation& inv);
// An account's own reasons, indexes into inv.flagReasons, strongest first.
std::vector<std::uint32_t> accountReasons(const Investigation& inv, std::uint32_t account);
// The same for every account at once (inv.accounts.size() entries), in one pass.
std::vector<std::vector<std::uint32_t>> reasonsByAccount(const Investigation& inv);

// "0.92", or "no score"; two decimals, the C locale.
QString reasonScoreText(const std::optional<double>& score);
// Compact "near_duplicate_prompts 0.92, volume 0.60" for a table cell (at most `limit`, then "+N").
QString reasonsCompact(const Investigation& inv, const std::vector<std::uint32_t>& reasons, int limit = 3);

} // namespace hs
