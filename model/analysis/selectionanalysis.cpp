// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectionanalysis.h"

#include <algorithm>
#include <map>

namespace hs {

AccountMask selectedAccounts(const Investigation& inv, const SelectionFigures& figures, bool withBaseline)
{
    const Selection& s = figures.selection;
    const bool filtered = figures.filtered();
    AccountMask mask(inv.accounts.size(), false);
    for (std::size_t i = 0; i < inv.accounts.size(); ++i) {
        const std::uint32_t g = inv.accounts[i].group;
        if (g == kNoIndex || !(s.hasGroup(g) || (withBaseline && g == inv.baselineGroup())))
            continue;
        mask[i] = !filtered || (i < figures.accounts.size() && figures.accounts[i].exchanges > 0);
    }
    return mask;
}

namespace {

void addTraffic(const Investigation& inv, const SelectionFigures& f, GroupFigures& g)
{
    const std::size_t caps = inv.capabilities.size();
    g.exchanges = f.groupExchanges[g.group];
    g.cotExchanges = f.groupCot[g.group];
    for (std::size_t c = 0; c < caps; ++c)
        if (const std::uint64_t n = f.groupCapabilities[g.group * caps + c])
            g.capabilities.push_back({static_cast<std::uint32_t>(c), inv.capabilities[c].name, n,
                                      double(n) / double(g.exchanges)});
    std::sort(g.capabilities.begin(), g.capabilities.end(), [](const CapabilityShare& a, const CapabilityShare& b) {
        return a.exchanges != b.exchanges ? a.exchanges > b.exchanges : a.name < b.name;
    });
    if (inv.hasCot && g.exchanges > 0)
        g.cotShare = double(g.cotExchanges) / double(g.exchanges);
}

void addFamilies(const SelectionFigures& f, std::vector<GroupFigures>& groups)
{
    for (const auto& [key, count] : f.families) {
        GroupFigures& g = groups[key.first];
        g.families.push_back({key.second, count, g.exchanges ? double(count) / double(g.exchanges) : 0.0});
    }
    for (GroupFigures& g : groups)
        std::stable_sort(g.families.begin(), g.families.end(),
                         [](const FamilyShare& a, const FamilyShare& b) { return a.exchanges > b.exchanges; });
}

} // namespace

Analysis selectionAnalysis(const Investigation& inv, const Analysis& whole, const SelectionFigures& f)
{
    const Selection& s = f.selection;
    Analysis out;
    out.threshold = whole.threshold;
    std::vector<GroupFigures> groups(inv.groupCount());
    for (std::uint32_t g = 0; g < groups.size(); ++g)
        groups[g].group = g;
    std::int64_t exchanges = 0, accounts = 0;
    for (GroupFigures& g : groups) {
        addTraffic(inv, f, g);
        exchanges += static_cast<std::int64_t>(g.exchanges);
    }
    addFamilies(f, groups);
    // The accounts active in the selection (all of them when nothing filters).
    accounts = addAccountFigures(inv, f.accounts, f.filtered(), groups);
    for (std::uint32_t g = 0; g + 1 < groups.size() && g < whole.campaigns.size(); ++g) {
        groups[g].lifecycle = whole.campaigns[g].lifecycle;
        for (const PivotFigure& p : whole.campaigns[g].pivots)
            if ((!s.range || s.range->contains(p.releasedAt)) && (!s.model || p.model == *s.model))
                groups[g].pivots.push_back(p);
    }
    // Without a filter the file's own totals, dangling rows included, as the whole Analysis says.
    out.evidenceExchanges = f.filtered() ? exchanges : whole.evidenceExchanges;
    out.evidenceAccounts = f.filtered() ? accounts : whole.evidenceAccounts;
    out.baseline = std::move(groups.back());
    groups.pop_back();
    out.campaigns = std::move(groups);
    return out;
}

std::optional<ClusterSummary> largestCluster(const Analysis& analysis, const std::vector<bool>& groups)
{
    std::map<std::uint32_t, ClusterSummary> clusters;
    auto add = [&](const GroupFigures& g, bool baseline) {
        if (!groups.empty() && (g.group >= groups.size() || !groups[g.group]))
            return;
        for (const ClusterShare& c : g.clusters) {
            ClusterSummary& s = clusters[c.cluster];
            s.cluster = c.cluster;
            s.accounts += c.accounts;
            if (baseline)
                s.baselineAccounts += c.accounts;
            else {
                s.campaignAccounts += c.accounts;
                s.campaigns.push_back(g.group);
            }
        }
    };
    for (const GroupFigures& g : analysis.campaigns)
        add(g, false);
    add(analysis.baseline, true);
    std::optional<ClusterSummary> best;
    for (const auto& [index, c] : clusters) // by index: the first of equal ones, as clusterSummaries()
        if (!best || c.accounts > best->accounts)
            best = c;
    return best;
}

} // namespace hs
