// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle.h"

#include <algorithm>
#include <limits>
#include <map>

namespace hs {
namespace {

constexpr std::int64_t kDaySeconds = 86400;

bool hasExchanges(const Investigation& inv, std::uint32_t account)
{
    const auto& totals = inv.aggregates.accounts;
    return account < totals.size() && totals[account].exchanges > 0;
}

// (first - t) as an unsigned distance; first >= t, so it cannot overflow even for hostile times.
std::uint64_t after(std::int64_t first, std::int64_t t)
{
    return static_cast<std::uint64_t>(first) - static_cast<std::uint64_t>(t);
}

// The spec's replacement of banned account `a`: among `candidates` (accounts of the campaign with
// exchanges, sorted by first exchange then id; only A's cluster when A has one), the first whose
// first exchange is in [t, t + 72 h) and that shares a prompt family with A.
std::optional<Replacement> findReplacement(const Investigation& inv, const std::vector<std::uint32_t>& candidates,
                                           std::uint32_t a)
{
    const AccountInfo& banned = inv.accounts[a];
    const std::int64_t t = *banned.statusChangedAt;
    const auto& totals = inv.aggregates.accounts;
    auto it = std::lower_bound(candidates.begin(), candidates.end(), t,
                               [&](std::uint32_t c, std::int64_t at) { return totals[c].first < at; });
    for (; it != candidates.end() && after(totals[*it].first, t) < std::uint64_t(kReplacementWindow); ++it) {
        const std::uint32_t b = *it;
        if (b == a)
            continue;
        if (!inv.aggregates.accountTemplates.share(a, b))
            continue;
        const std::int64_t first = totals[b].first;
        return Replacement{a, b, t, first, double(after(first, t)) / 3600.0};
    }
    return std::nullopt;
}

} // namespace

bool isBanned(const AccountInfo& account)
{
    return account.statusChangedAt.has_value() &&
           (account.status == QLatin1String("banned") || account.status == QLatin1String("suspended"));
}

std::optional<double> medianValue(std::vector<double> values)
{
    if (values.empty())
        return std::nullopt;
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(mid), values.end());
    const double upper = values[mid];
    if (values.size() % 2 == 1)
        return upper;
    const double lower = *std::max_element(values.begin(), values.begin() + std::ptrdiff_t(mid));
    return (lower + upper) / 2;
}

std::vector<std::uint32_t> accountsOfGroup(const Investigation& inv, std::uint32_t group)
{
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 0; i < inv.accounts.size(); ++i)
        if (inv.accounts[i].group == group)
            out.push_back(i);
    return out;
}

std::optional<CampaignLifecycle> campaignLifecycle(const Investigation& inv, std::uint32_t group)
{
    if (!inv.hasStatusChangedAt)
        return std::nullopt;
    CampaignLifecycle out;
    out.group = group;
    const auto& totals = inv.aggregates.accounts;
    std::vector<std::uint32_t> candidates;
    // Candidates per cluster id too: a banned account in a cluster is replaced from its cluster only,
    // and the hydra cluster's 20,000 accounts are one campaign, so this is the usual case.
    std::map<std::int64_t, std::vector<std::uint32_t>> byCluster;
    for (const std::uint32_t i : accountsOfGroup(inv, group)) {
        if (isBanned(inv.accounts[i]))
            out.banned.push_back(i);
        if (!hasExchanges(inv, i))
            continue;
        candidates.push_back(i);
        if (inv.accounts[i].clusterId)
            byCluster[*inv.accounts[i].clusterId].push_back(i);
    }
    auto order = [&](std::uint32_t x, std::uint32_t y) {
        return totals[x].first != totals[y].first ? totals[x].first < totals[y].first : inv.accounts[x].id < inv.accounts[y].id;
    };
    std::sort(candidates.begin(), candidates.end(), order);
    for (auto& entry : byCluster)
        std::sort(entry.second.begin(), entry.second.end(), order);
    const std::vector<std::uint32_t> none;
    std::vector<double> hours;
    for (const std::uint32_t a : out.banned) {
        const auto& cluster = inv.accounts[a].clusterId;
        const auto found = byCluster.find(cluster.value_or(0));
        const std::vector<std::uint32_t>& pool = !cluster ? candidates : found != byCluster.end() ? found->second : none;
        if (const auto r = findReplacement(inv, pool, a)) {
            out.replacements.push_back(*r);
            hours.push_back(r->hours);
        }
    }
    out.medianHours = medianValue(std::move(hours));
    return out;
}

std::optional<std::int64_t> ActivitySteps::firstDay() const
{
    for (std::size_t i = 0; i < days.size(); ++i)
        if (counts[i])
            return days[i];
    return std::nullopt;
}

std::optional<std::int64_t> ActivitySteps::lastDay() const
{
    // The last step is always back to zero (at lastDay + 1).
    for (std::size_t i = days.size(); i-- > 0;)
        if (counts[i])
            return i + 1 < days.size() ? days[i + 1] - 1 : days[i];
    return std::nullopt;
}

std::uint32_t ActivitySteps::valueAt(std::int64_t day) const
{
    const auto it = std::upper_bound(days.begin(), days.end(), day);
    return it == days.begin() ? 0 : counts[std::size_t(it - days.begin()) - 1];
}

std::vector<std::uint32_t> ActivitySteps::dense(std::int64_t fromDay, std::int64_t toDay) const
{
    std::vector<std::uint32_t> out;
    if (toDay < fromDay)
        return out;
    out.reserve(std::size_t(toDay - fromDay + 1));
    auto it = std::upper_bound(days.begin(), days.end(), fromDay);
    std::uint32_t value = it == days.begin() ? 0 : counts[std::size_t(it - days.begin()) - 1];
    for (std::int64_t d = fromDay; d <= toDay; ++d) {
        while (it != days.end() && *it <= d)
            value = counts[std::size_t(it++ - days.begin())];
        out.push_back(value);
    }
    return out;
}

ActivitySteps activeAccountsPerDay(const Investigation& inv, const std::vector<std::uint32_t>& accounts)
{
    // +1 on the first active day, -1 on the day after the last: a sorted sweep gives the steps.
    std::vector<std::pair<std::int64_t, int>> events;
    events.reserve(accounts.size() * 2);
    for (const std::uint32_t a : accounts) {
        if (!hasExchanges(inv, a))
            continue;
        const AccountTotals& t = inv.aggregates.accounts[a];
        events.emplace_back(floorDiv(t.first, kDaySeconds), 1);
        const std::int64_t lastDay = floorDiv(t.last, kDaySeconds);
        if (lastDay < std::numeric_limits<std::int64_t>::max())
            events.emplace_back(lastDay + 1, -1);
    }
    std::sort(events.begin(), events.end());
    ActivitySteps out;
    std::int64_t running = 0;
    for (std::size_t i = 0; i < events.size();) {
        const std::int64_t day = events[i].first;
        for (; i < events.size() && events[i].first == day; ++i)
            running += events[i].second;
        if (!out.counts.empty() && out.counts.back() == std::uint32_t(running))
            continue;
        out.days.push_back(day);
        out.counts.push_back(static_cast<std::uint32_t>(running));
    }
    return out;
}

ActivitySteps activeAccountsPerDay(const Investigation& inv, std::uint32_t group)
{
    return activeAccountsPerDay(inv, accountsOfGroup(inv, group));
}

} // namespace hs
