// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Exchanges view's own filters over the selection's exchanges (an account, a campaign, a
// model, a capability, a prompt family, a time span) and its order (by id or by time), computed
// from the exchange columns off the GUI thread; and where a time falls in a time-ordered list.

#include "investigation.h"
#include "selection.h"

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace hs {

struct ExchangeFilter
{
    std::optional<std::uint32_t> account;    // account index
    std::optional<std::uint32_t> group;      // campaign index or the baseline group
    std::optional<std::uint32_t> model;      // model index
    std::optional<std::uint32_t> capability; // capability index
    std::optional<std::uint32_t> tmpl;       // template (prompt family) index
    std::optional<TimeRange> range;
    bool byTime = false; // ordered by time (ties by id), else by id
    bool operator==(const ExchangeFilter&) const = default;
};

// The positions of `positions` (column positions in id order) that pass, in the asked order; null
// when cancelled.
std::shared_ptr<const std::vector<std::uint32_t>> filterExchanges(const Investigation& inv,
                                                                  const std::vector<std::uint32_t>& positions,
                                                                  const ExchangeFilter& filter,
                                                                  const std::atomic<bool>* cancel = nullptr);

// The first row of a time-ordered list at or after `t` (the row count when none is).
std::size_t firstRowAtOrAfter(const Investigation& inv, const std::vector<std::uint32_t>& byTime, std::int64_t t);

} // namespace hs
