// SPDX-License-Identifier: GPL-3.0-or-later
#include "infrastructure.h"

#include <QHash>

#include <algorithm>
#include <map>
#include <set>

namespace hs {

std::vector<ClusterSummary> clusterSummaries(const Investigation& inv)
{
    std::vector<ClusterSummary> out(inv.clusters.size());
    std::vector<std::set<std::uint32_t>> campaigns(inv.clusters.size());
    for (std::uint32_t c = 0; c < out.size(); ++c)
        out[c].cluster = c;
    for (const AccountInfo& a : inv.accounts) {
        if (a.cluster == kNoIndex)
            continue;
        ClusterSummary& s = out[a.cluster];
        ++s.accounts;
        if (a.group == inv.baselineGroup())
            ++s.baselineAccounts;
        else if (a.group != kNoIndex) {
            ++s.campaignAccounts;
            campaigns[a.cluster].insert(a.group);
        }
    }
    for (std::size_t c = 0; c < out.size(); ++c)
        out[c].campaigns.assign(campaigns[c].begin(), campaigns[c].end());
    std::stable_sort(out.begin(), out.end(), [](const ClusterSummary& a, const ClusterSummary& b) { return a.accounts > b.accounts; });
    return out;
}

std::vector<IndicatorGroup> indicatorGroups(const Investigation& inv)
{
    std::map<std::pair<QString, QString>, std::set<std::uint32_t>> byValue;
    for (const IndicatorInfo& i : inv.indicators)
        byValue[{i.kind, i.value}].insert(i.account);
    std::vector<IndicatorGroup> out;
    for (const auto& [key, accounts] : byValue) {
        if (accounts.size() < 2)
            continue;
        IndicatorGroup g{key.first, key.second, {accounts.begin(), accounts.end()}, {}, 0};
        std::set<std::uint32_t> campaigns;
        for (std::uint32_t a : accounts) {
            const std::uint32_t group = inv.accounts[a].group;
            if (group == inv.baselineGroup())
                ++g.baselineAccounts;
            else if (group != kNoIndex)
                campaigns.insert(group);
        }
        g.campaigns.assign(campaigns.begin(), campaigns.end());
        out.push_back(std::move(g));
    }
    std::stable_sort(out.begin(), out.end(), [](const IndicatorGroup& a, const IndicatorGroup& b) {
        return a.accounts.size() > b.accounts.size();
    });
    return out;
}

AttributeMix attributeMix(const Investigation& inv, AccountAttribute attribute)
{
    const QString none = QStringLiteral("(none)");
    QHash<QString, std::uint64_t> totals;
    std::vector<QHash<QString, std::uint64_t>> perGroup(inv.groupCount());
    std::vector<std::uint64_t> groupAccounts(inv.groupCount(), 0);
    for (const AccountInfo& a : inv.accounts) {
        if (a.group == kNoIndex)
            continue;
        QString v = attribute == AccountAttribute::AccessPath ? a.accessPath : a.country;
        if (v.isEmpty())
            v = none;
        ++totals[v];
        ++perGroup[a.group][v];
        ++groupAccounts[a.group];
    }
    AttributeMix mix;
    mix.values = totals.keys();
    std::sort(mix.values.begin(), mix.values.end(), [&](const QString& a, const QString& b) {
        return totals[a] != totals[b] ? totals[a] > totals[b] : a < b;
    });
    mix.share.resize(inv.groupCount());
    for (std::size_t g = 0; g < perGroup.size(); ++g)
        for (const QString& v : mix.values)
            mix.share[g].push_back(groupAccounts[g] ? double(perGroup[g].value(v)) / double(groupAccounts[g]) : 0.0);
    return mix;
}

} // namespace hs
