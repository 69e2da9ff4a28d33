// SPDX-License-Identifier: GPL-3.0-or-later
#include "infrastructure.h"

#include <QHash>

#include <algorithm>
#include <map>
#include <set>

namespace hs {

namespace {
bool included(const AccountMask* include, std::size_t account) { return !include || (*include)[account]; }

// Counts, campaigns and order of one group of accounts sharing an indicator value.
void describe(const Investigation& inv, IndicatorGroup& g)
{
    std::set<std::uint32_t> campaigns;
    g.baselineAccounts = 0;
    for (std::uint32_t a : g.accounts) {
        const std::uint32_t group = inv.accounts[a].group;
        if (group == inv.baselineGroup())
            ++g.baselineAccounts;
        else if (group != kNoIndex)
            campaigns.insert(group);
    }
    g.campaigns.assign(campaigns.begin(), campaigns.end());
}

void largestFirst(std::vector<IndicatorGroup>& groups)
{
    std::stable_sort(groups.begin(), groups.end(), [](const IndicatorGroup& a, const IndicatorGroup& b) {
        return a.accounts.size() > b.accounts.size();
    });
}
} // namespace

std::vector<ClusterSummary> clusterSummaries(const Investigation& inv, const AccountMask* include)
{
    std::vector<ClusterSummary> out(inv.clusters.size());
    std::vector<std::set<std::uint32_t>> campaigns(inv.clusters.size());
    for (std::uint32_t c = 0; c < out.size(); ++c)
        out[c].cluster = c;
    for (std::size_t i = 0; i < inv.accounts.size(); ++i) {
        const AccountInfo& a = inv.accounts[i];
        if (a.cluster == kNoIndex || !included(include, i))
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
    if (include)
        std::erase_if(out, [](const ClusterSummary& c) { return c.accounts == 0; });
    std::stable_sort(out.begin(), out.end(), [](const ClusterSummary& a, const ClusterSummary& b) { return a.accounts > b.accounts; });
    return out;
}

std::vector<IndicatorGroup> indicatorGroups(const Investigation& inv, const AccountMask* include)
{
    std::map<std::pair<QString, QString>, std::set<std::uint32_t>> byValue;
    for (const IndicatorInfo& i : inv.indicators)
        if (i.account != kNoIndex && included(include, i.account))
            byValue[{i.kind, i.value}].insert(i.account);
    std::vector<IndicatorGroup> out;
    for (const auto& [key, accounts] : byValue) {
        if (accounts.size() < 2)
            continue;
        IndicatorGroup g{key.first, key.second, {accounts.begin(), accounts.end()}, {}, 0};
        describe(inv, g);
        out.push_back(std::move(g));
    }
    largestFirst(out);
    return out;
}

std::vector<IndicatorGroup> narrowIndicatorGroups(const Investigation& inv, const std::vector<IndicatorGroup>& all,
                                                  const AccountMask& include)
{
    std::vector<IndicatorGroup> out;
    for (const IndicatorGroup& g : all) {
        IndicatorGroup n{g.kind, g.value, {}, {}, 0};
        for (std::uint32_t a : g.accounts)
            if (include[a])
                n.accounts.push_back(a);
        if (n.accounts.size() < 2)
            continue;
        describe(inv, n);
        out.push_back(std::move(n));
    }
    largestFirst(out); // stable: equal sizes keep the order of `all`, that of indicatorGroups()
    return out;
}

AttributeMix attributeMix(const Investigation& inv, AccountAttribute attribute, const AccountMask* include)
{
    const QString none = QStringLiteral("(none)");
    QHash<QString, std::uint64_t> totals;
    std::vector<QHash<QString, std::uint64_t>> perGroup(inv.groupCount());
    std::vector<std::uint64_t> groupAccounts(inv.groupCount(), 0);
    for (std::size_t i = 0; i < inv.accounts.size(); ++i) {
        const AccountInfo& a = inv.accounts[i];
        if (a.group == kNoIndex || !included(include, i))
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
    mix.groupAccounts = groupAccounts;
    for (std::size_t g = 0; g < perGroup.size(); ++g)
        for (const QString& v : mix.values)
            mix.share[g].push_back(groupAccounts[g] ? double(perGroup[g].value(v)) / double(groupAccounts[g]) : 0.0);
    return mix;
}

} // namespace hs
