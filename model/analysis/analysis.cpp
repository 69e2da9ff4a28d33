// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis.h"

#include <algorithm>
#include <map>

namespace hs {

std::int64_t addAccountFigures(const Investigation& inv, const std::vector<AccountTotals>& totals, bool onlyActive,
                               std::vector<GroupFigures>& groups)
{
    std::int64_t counted = 0;
    std::vector<std::map<std::uint32_t, std::uint64_t>> clusters(groups.size());
    for (std::size_t i = 0; i < inv.accounts.size() && i < totals.size(); ++i) {
        const AccountInfo& a = inv.accounts[i];
        const AccountTotals& t = totals[i];
        if (a.group == kNoIndex || a.group >= groups.size() || (onlyActive && t.exchanges == 0))
            continue;
        GroupFigures& g = groups[a.group];
        ++g.accounts;
        ++counted;
        if (a.cluster != kNoIndex)
            ++clusters[a.group][a.cluster];
        if (t.exchanges == 0)
            continue;
        g.firstSeen = g.firstSeen ? std::min(*g.firstSeen, t.first) : t.first;
        g.lastSeen = g.lastSeen ? std::max(*g.lastSeen, t.last) : t.last;
    }
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        for (const auto& [cluster, count] : clusters[gi])
            groups[gi].clusters.push_back({cluster, count});
        std::stable_sort(groups[gi].clusters.begin(), groups[gi].clusters.end(),
                         [](const ClusterShare& a, const ClusterShare& b) { return a.accounts > b.accounts; });
    }
    return counted;
}

std::optional<int> hoursToThreshold(const std::array<std::uint64_t, 24>& all,
                                    const std::array<std::uint64_t, 24>& onModel, double threshold)
{
    for (int k = 1; k <= 24; ++k) {
        const std::uint64_t a = all[static_cast<std::size_t>(k - 1)];
        // An hour without traffic has no share: it cannot reach the threshold.
        if (a > 0 && double(onModel[static_cast<std::size_t>(k - 1)]) / double(a) >= threshold)
            return k;
    }
    return std::nullopt;
}

namespace {

void addTraffic(const Investigation& inv, std::vector<GroupFigures>& groups)
{
    std::vector<std::vector<std::uint64_t>> caps(groups.size(), std::vector<std::uint64_t>(inv.capabilities.size()));
    for (const HourCell& c : inv.aggregates.hours) {
        GroupFigures& g = groups[c.group];
        g.exchanges += c.exchanges;
        g.cotExchanges += c.cot;
        caps[c.group][c.capability] += c.exchanges;
    }
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        GroupFigures& g = groups[gi];
        for (std::size_t ci = 0; ci < caps[gi].size(); ++ci)
            if (caps[gi][ci] > 0)
                g.capabilities.push_back({static_cast<std::uint32_t>(ci), inv.capabilities[ci].name, caps[gi][ci],
                                          double(caps[gi][ci]) / double(g.exchanges)});
        std::sort(g.capabilities.begin(), g.capabilities.end(), [](const CapabilityShare& a, const CapabilityShare& b) {
            return a.exchanges != b.exchanges ? a.exchanges > b.exchanges : a.name < b.name;
        });
        if (inv.hasCot && g.exchanges > 0)
            g.cotShare = double(g.cotExchanges) / double(g.exchanges);
    }
}

void addFamilies(const Investigation& inv, std::vector<GroupFigures>& groups)
{
    std::vector<std::map<std::uint32_t, std::uint64_t>> families(groups.size());
    for (const DayTemplateCell& c : inv.aggregates.dayTemplates)
        families[c.group][c.tmpl] += c.exchanges;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        GroupFigures& g = groups[gi];
        for (const auto& [tmpl, count] : families[gi])
            g.families.push_back({tmpl, count, g.exchanges ? double(count) / double(g.exchanges) : 0.0});
        std::stable_sort(g.families.begin(), g.families.end(),
                         [](const FamilyShare& a, const FamilyShare& b) { return a.exchanges > b.exchanges; });
    }
}

void addPivots(const Investigation& inv, const AnalysisOptions& options, std::vector<GroupFigures>& groups)
{
    const std::uint32_t baseline = inv.baselineGroup();
    // The baseline's share in each model's window, once: looking it up per campaign made this
    // quadratic in the number of campaigns (100,000 campaigns took minutes).
    std::map<std::uint32_t, double> baselineShare;
    for (const ReleaseWindowCounts& b : inv.aggregates.releases) {
        if (b.group != baseline)
            continue;
        std::uint64_t all = 0, on = 0;
        for (int k = 0; k < 24; ++k) {
            all += b.all[k];
            on += b.onModel[k];
        }
        if (all > 0)
            baselineShare[b.model] = double(on) / double(all);
    }
    for (const ReleaseWindowCounts& r : inv.aggregates.releases) {
        if (r.group == baseline)
            continue;
        PivotFigure p;
        p.model = r.model;
        p.releasedAt = inv.models[r.model].releasedAt;
        std::copy(std::begin(r.all), std::end(r.all), p.hourAll.begin());
        std::copy(std::begin(r.onModel), std::end(r.onModel), p.hourOnModel.begin());
        for (int k = 0; k < 24; ++k) {
            p.windowExchanges += r.all[k];
            p.windowOnModel += r.onModel[k];
        }
        if (p.windowExchanges == 0)
            continue;
        p.share24h = double(p.windowOnModel) / double(p.windowExchanges);
        p.hoursToThreshold = hoursToThreshold(p.hourAll, p.hourOnModel, options.threshold);
        p.pivot = p.hoursToThreshold.has_value();
        if (const auto it = baselineShare.find(r.model); it != baselineShare.end())
            p.baselineShare24h = it->second;
        groups[r.group].pivots.push_back(p);
    }
    for (GroupFigures& g : groups)
        std::stable_sort(g.pivots.begin(), g.pivots.end(), [&](const PivotFigure& a, const PivotFigure& b) {
            return a.releasedAt != b.releasedAt ? a.releasedAt < b.releasedAt
                                                : inv.models[a.model].name < inv.models[b.model].name;
        });
}

} // namespace

Analysis analyze(const Investigation& inv, const AnalysisOptions& options)
{
    Analysis result;
    result.threshold = options.threshold;
    result.evidenceExchanges = inv.exchangeRows;
    result.evidenceAccounts = static_cast<std::int64_t>(inv.accounts.size());
    std::vector<GroupFigures> groups(inv.groupCount());
    for (std::uint32_t g = 0; g < groups.size(); ++g)
        groups[g].group = g;
    addTraffic(inv, groups);
    addAccountFigures(inv, inv.aggregates.accounts, false, groups);
    addFamilies(inv, groups);
    addPivots(inv, options, groups);
    for (std::uint32_t g = 0; g + 1 < groups.size(); ++g)
        groups[g].lifecycle = campaignLifecycle(inv, g);
    result.baseline = std::move(groups.back());
    groups.pop_back();
    result.campaigns = std::move(groups);
    return result;
}

std::optional<StrongestPivot> strongestPivot(const Analysis& analysis)
{
    std::optional<StrongestPivot> best;
    for (const GroupFigures& g : analysis.campaigns)
        for (const PivotFigure& p : g.pivots)
            if (p.pivot && (!best || p.share24h > best->pivot->share24h))
                best = StrongestPivot{&g, &p};
    return best;
}

} // namespace hs
