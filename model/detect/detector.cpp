// SPDX-License-Identifier: GPL-3.0-or-later
#include "detector.h"

#include "accountfeatures.h"
#include "groupsignals.h"
#include "infrastructurelinks.h"
#include "timinglinks.h"
#include "unionfind.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <unordered_map>

namespace hs::detect {

namespace {

using Clock = std::chrono::steady_clock;

class Stopwatch
{
public:
    explicit Stopwatch(DetectResult* r) : m_result(r) {}
    void lap(const char* name)
    {
        const auto now = Clock::now();
        m_result->seconds.emplace_back(name, std::chrono::duration<double>(now - m_last).count());
        m_last = now;
    }

private:
    DetectResult* m_result;
    Clock::time_point m_last = Clock::now();
};

struct Group
{
    std::vector<std::int32_t> accounts;
    std::vector<Signal> signals;
    bool flagged = false;
    std::string why;
};

// Per flagged group, its own prompt families (shared families of which at least half the senders
// are in the group), and per account the share of its requests in them.
void groupFamilyShares(const DetectData& data, const Features& features, const DetectConfig& config,
                       const std::vector<std::int32_t>& groupOf, const std::vector<Group>& groups,
                       std::vector<double>* share, std::vector<std::int64_t>* familiesOfGroup)
{
    std::vector<std::uint64_t> pairs; // (group, family) per distinct (family, account) of a flagged group
    {
        std::vector<std::uint64_t> fa;
        for (std::size_t i = 0; i < data.ts.size(); ++i) {
            const std::int32_t g = groupOf[std::size_t(data.account[i])];
            if (g >= 0 && groups[std::size_t(g)].flagged && data.family[i] >= 0)
                fa.push_back(std::uint64_t(data.family[i]) << 32 | std::uint32_t(data.account[i]));
        }
        std::sort(fa.begin(), fa.end());
        fa.erase(std::unique(fa.begin(), fa.end()), fa.end());
        for (const std::uint64_t k : fa)
            pairs.push_back(std::uint64_t(groupOf[std::size_t(k & 0xffffffff)]) << 32 | (k >> 32));
    }
    std::unordered_map<std::uint64_t, std::int32_t> inGroup;
    for (const std::uint64_t p : pairs)
        ++inGroup[p];
    std::unordered_map<std::uint64_t, char> own;
    familiesOfGroup->assign(groups.size(), 0);
    for (const auto& [key, count] : inGroup) {
        const std::int32_t total = features.familyAccounts[key & 0xffffffff];
        if (total >= config.familyMinAccounts && 2 * count >= total) {
            own[key] = 1;
            ++(*familiesOfGroup)[key >> 32];
        }
    }
    std::vector<std::int64_t> inOwn(data.accountIds.size(), 0);
    for (std::size_t i = 0; i < data.ts.size(); ++i) {
        const std::int32_t g = groupOf[std::size_t(data.account[i])];
        if (g >= 0 && groups[std::size_t(g)].flagged && data.family[i] >= 0 &&
            own.count(std::uint64_t(g) << 32 | std::uint32_t(data.family[i])))
            ++inOwn[std::size_t(data.account[i])];
    }
    share->assign(data.accountIds.size(), 0);
    for (std::size_t a = 0; a < inOwn.size(); ++a)
        if (features.accounts[a].requests > 0)
            (*share)[a] = double(inOwn[a]) / double(features.accounts[a].requests);
}

std::string agreeingNames(const std::vector<Signal>& signals)
{
    std::string out;
    for (const Signal& s : signals)
        if (s.agrees)
            out += (out.empty() ? "" : ", ") + s.name;
    return out.empty() ? "none" : out;
}

} // namespace

DetectResult detectCampaigns(const DetectData& data, const DetectConfig& config, const std::atomic<bool>* cancel)
{
    DetectResult result;
    Stopwatch watch(&result);
    const std::size_t n = data.accountIds.size();
    const Features features = computeFeatures(data, config);
    watch.lap("features (near-duplicate share, capability mix, volume)");
    const TimingResult timing = timingLinks(data, config, cancel);
    watch.lap("synchronized_timing");
    if (timing.cancelled) {
        result.cancelled = true;
        return result;
    }
    const InfrastructureResult infra = infrastructureLinks(data, config);
    watch.lap("shared_infrastructure");
    result.organic = std::to_string(features.organicAccounts) + " accounts make the organic reference" +
                     (features.organicIsEverything ? " (every account: none has most of its traffic outside shared families)"
                                                   : " (accounts with most of their traffic outside widely shared prompt families)");

    // Candidate groups: components of the combined graph (timing links and shared values).
    UnionFind components(n);
    for (const TimingLink& l : timing.links)
        components.unite(l.a, l.b);
    for (const SharedValue& v : infra.shared)
        if (joinsGroups(v.kind))
            for (std::size_t i = 1; i < v.accounts.size(); ++i)
                components.unite(v.accounts[0], v.accounts[i]);
    std::map<std::int32_t, std::int32_t> groupOfRoot;
    std::vector<std::int32_t> groupOf(n, -1);
    std::vector<Group> groups;
    for (std::size_t a = 0; a < n; ++a) {
        const std::int32_t root = components.find(std::int32_t(a));
        if (components.sizeOf(root) < config.minGroupAccounts || features.accounts[a].requests == 0)
            continue;
        const auto [it, inserted] = groupOfRoot.emplace(root, std::int32_t(groups.size()));
        if (inserted)
            groups.emplace_back();
        groupOf[a] = it->second;
        groups[std::size_t(it->second)].accounts.push_back(std::int32_t(a));
    }
    const GroupSignals signals(data, config, features, timing, infra, groupOf, groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        Group& group = groups[g];
        if (std::int64_t(group.accounts.size()) < config.minGroupAccounts) {
            group.why = "fewer than " + std::to_string(config.minGroupAccounts) + " accounts with requests";
            continue;
        }
        group.signals = signals.evaluate(std::int32_t(g), group.accounts);
        int agreeing = 0;
        bool scripted = false;
        for (const Signal& s : group.signals) {
            agreeing += s.agrees;
            scripted = scripted || (s.agrees && (s.name == "near_duplicate_prompts" || s.name == "synchronized_timing"));
        }
        group.flagged = agreeing >= config.minSignals && scripted;
        if (!group.flagged)
            group.why = !scripted ? "neither near-duplicate prompts nor synchronised timing agree (agreeing: " + agreeingNames(group.signals) + ")"
                                  : std::to_string(agreeing) + " of 7 signals agree, fewer than " + std::to_string(config.minSignals) +
                                        " (agreeing: " + agreeingNames(group.signals) + ")";
    }
    watch.lap("group signals (capability, pivot, cot, volume)");

    // Within each flagged group, the accounts that send the group's own prompt families.
    std::vector<double> familyShare;
    std::vector<std::int64_t> familiesOfGroup;
    groupFamilyShares(data, features, config, groupOf, groups, &familyShare, &familiesOfGroup);
    std::vector<std::size_t> flagged;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        Group& group = groups[g];
        if (!group.flagged)
            continue;
        std::vector<std::int32_t> members;
        for (const std::int32_t a : group.accounts)
            if (familyShare[std::size_t(a)] >= config.accountGroupFamilyShare)
                members.push_back(a);
        if (std::int64_t(members.size()) < config.minGroupAccounts) {
            group.flagged = false;
            group.why = "only " + std::to_string(members.size()) + " accounts send mostly the group's own prompt families";
            continue;
        }
        if (members.size() < group.accounts.size())
            group.signals = signals.evaluate(std::int32_t(g), members); // the values of what is flagged
        group.accounts = std::move(members);
        flagged.push_back(g);
    }
    std::stable_sort(flagged.begin(), flagged.end(),
                     [&](std::size_t x, std::size_t y) { return groups[x].accounts.size() > groups[y].accounts.size(); });
    result.campaignOf.assign(n, 0);
    for (std::size_t k = 0; k < flagged.size(); ++k) {
        Group& group = groups[flagged[k]];
        DetectedCampaign c;
        c.accounts = group.accounts;
        c.signals = group.signals;
        c.name = "Campaign " + std::to_string(k + 1) + ": " + signals.capabilityLabel(group.accounts);
        std::int64_t requests = 0;
        c.firstTs = features.accounts[std::size_t(group.accounts.front())].firstTs;
        for (const std::int32_t a : group.accounts) {
            result.campaignOf[std::size_t(a)] = std::int32_t(k + 1);
            requests += features.accounts[std::size_t(a)].requests;
            c.firstTs = std::min(c.firstTs, features.accounts[std::size_t(a)].firstTs);
            for (Signal& s : signals.accountSignals(a, familyShare[std::size_t(a)], familiesOfGroup[flagged[k]]))
                result.reasons.push_back({a, std::int32_t(k), std::move(s)});
        }
        c.summary = "Flagged by hydrascope detect: " + std::to_string(group.accounts.size()) + " accounts, " +
                    std::to_string(requests) + " requests; agreeing signals: " + agreeingNames(group.signals) + ".";
        result.campaigns.push_back(std::move(c));
    }
    for (const Group& group : groups)
        if (!group.flagged && !group.signals.empty())
            result.unflagged.push_back({std::int64_t(group.accounts.size()), group.signals, group.why});

    // Clusters: the shared-infrastructure components that hold a flagged account.
    UnionFind infraOnly(n);
    for (const SharedValue& v : infra.shared)
        if (joinsGroups(v.kind))
            for (std::size_t i = 1; i < v.accounts.size(); ++i)
                infraOnly.unite(v.accounts[0], v.accounts[i]);
    std::map<std::int32_t, std::int32_t> clusterOfRoot;
    result.clusterOf.assign(n, 0);
    for (std::size_t a = 0; a < n; ++a)
        if (result.campaignOf[a] && (infra.kindsOf[a] & kJoiningKinds))
            clusterOfRoot.emplace(infraOnly.find(std::int32_t(a)), 0);
    for (std::size_t a = 0; a < n; ++a) {
        const auto it = clusterOfRoot.find(infraOnly.find(std::int32_t(a)));
        if (it == clusterOfRoot.end() || !(infra.kindsOf[a] & kJoiningKinds))
            continue;
        if (it->second == 0) {
            result.clusters.emplace_back();
            it->second = std::int32_t(result.clusters.size());
        }
        result.clusterOf[a] = it->second;
        result.clusters[std::size_t(it->second - 1)].accounts.push_back(std::int32_t(a));
    }
    for (std::size_t k = 0; k < result.clusters.size(); ++k) {
        DetectedCluster& cl = result.clusters[k];
        std::uint8_t kinds = 0;
        for (const std::int32_t a : cl.accounts)
            kinds |= infra.kindsOf[std::size_t(a)] & kJoiningKinds;
        std::string names;
        for (int b = 0; b < kLinkKinds; ++b)
            if ((kinds >> b) & 1)
                names += (names.empty() ? "" : ", ") + std::string(linkKindName(LinkKind(b)));
        cl.name = "Shared infrastructure " + std::to_string(k + 1) + ": " + names;
        cl.kind = "shared_infrastructure";
    }
    watch.lap("campaigns, accounts and clusters");
    return result;
}

} // namespace hs::detect
