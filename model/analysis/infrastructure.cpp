// SPDX-License-Identifier: GPL-3.0-or-later
#include "infrastructure.h"

#include <QHash>

#include <algorithm>
#include <unordered_map>
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

AttributeValues attributeValues(const Investigation& inv, AccountAttribute attribute)
{
    const QString none = QStringLiteral("(none)");
    AttributeValues out;
    QHash<QString, std::uint32_t> index;
    out.ofAccount.reserve(inv.accounts.size());
    for (const AccountInfo& a : inv.accounts) {
        const QString& text = attribute == AccountAttribute::AccessPath ? a.accessPath : a.country;
        const QString& v = text.isEmpty() ? none : text;
        auto it = index.find(v);
        if (it == index.end()) {
            it = index.insert(v, static_cast<std::uint32_t>(out.values.size()));
            out.values << v;
        }
        out.ofAccount.push_back(*it);
    }
    return out;
}

AttributeMix attributeMix(const Investigation& inv, const AttributeValues& values, const AccountMask* include)
{
    const auto valueCount = static_cast<std::size_t>(values.values.size());
    std::vector<std::uint64_t> totals(valueCount, 0);
    // Keyed group * values + value: as many entries as (group, value) pairs the accounts have.
    std::unordered_map<std::uint64_t, std::uint64_t> perGroup;
    std::vector<std::uint64_t> groupAccounts(inv.groupCount(), 0);
    for (std::size_t i = 0; i < inv.accounts.size() && i < values.ofAccount.size(); ++i) {
        const std::uint32_t group = inv.accounts[i].group;
        if (group == kNoIndex || !included(include, i))
            continue;
        const std::uint32_t v = values.ofAccount[i];
        ++totals[v];
        ++perGroup[std::uint64_t(group) * valueCount + v];
        ++groupAccounts[group];
    }
    // The values the counted accounts have, most used first, then by text.
    std::vector<std::uint32_t> order;
    for (std::uint32_t v = 0; v < valueCount; ++v)
        if (totals[v])
            order.push_back(v);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return totals[a] != totals[b] ? totals[a] > totals[b] : values.values[a] < values.values[b];
    });
    AttributeMix mix;
    for (const std::uint32_t v : order)
        mix.values << values.values[v];
    mix.share.resize(inv.groupCount());
    mix.groupAccounts = groupAccounts;
    for (std::size_t g = 0; g < inv.groupCount(); ++g) {
        for (const std::uint32_t v : order) {
            const auto it = groupAccounts[g] ? perGroup.find(std::uint64_t(g) * valueCount + v) : perGroup.end();
            mix.share[g].push_back(it == perGroup.end() ? 0.0 : double(it->second) / double(groupAccounts[g]));
        }
    }
    return mix;
}

AttributeMix attributeMix(const Investigation& inv, AccountAttribute attribute, const AccountMask* include)
{
    return attributeMix(inv, attributeValues(inv, attribute), include);
}

} // namespace hs
