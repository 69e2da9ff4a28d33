// SPDX-License-Identifier: GPL-3.0-or-later
#include "networkgraph.h"

#include <QHash>

#include <algorithm>
#include <map>
#include <numeric>

namespace hs {
namespace {

constexpr std::int64_t kDaySeconds = 86400;
constexpr std::int64_t kMaxSparkDays = 2000; // the time bar's days (the last ones of a longer span)
const char* const kKindKeys[kLinkKinds] = {"payment", "ip", "ip24", "user_agent", "email_domain", "timing"};
const char* const kIndicatorKinds[kLinkKinds] = {"payment", "ip", "ip", "user_agent", "email_domain", ""};

// Links the members of one shared value as a star around the lowest account id.
void addStar(const Investigation& inv, NetworkGraph& g, LinkKind kind, std::vector<std::uint32_t> members)
{
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    if (members.size() < 2)
        return;
    ++g.valuesPerKind[std::size_t(kind)];
    const auto centre = *std::min_element(members.begin(), members.end(), [&](std::uint32_t x, std::uint32_t y) {
        return inv.accounts[g.nodes[x].account].id < inv.accounts[g.nodes[y].account].id;
    });
    for (const std::uint32_t m : members)
        if (m != centre)
            g.edges.push_back({centre, m, kind, std::uint32_t(members.size())});
}

void addIndicatorEdges(const Investigation& inv, NetworkGraph& g)
{
    for (int k = 0; k < kLinkKinds; ++k) {
        const auto kind = LinkKind(k);
        if (kind == LinkKind::Timing)
            continue;
        const QString wanted = indicatorKind(kind);
        QHash<QString, std::vector<std::uint32_t>> byValue;
        for (const IndicatorInfo& i : inv.indicators) {
            if (i.account >= g.nodeOf.size() || g.nodeOf[i.account] == kNoIndex || i.kind != wanted)
                continue;
            const QString value = kind == LinkKind::Subnet24 ? subnet24(i.value) : i.value;
            if (!value.isEmpty())
                byValue[value].push_back(g.nodeOf[i.account]);
        }
        for (auto it = byValue.begin(); it != byValue.end(); ++it)
            addStar(inv, g, kind, std::move(it.value()));
    }
}

// One edge per unordered pair and kind (two shared IPs link two accounts once).
void dedupeEdges(NetworkGraph& g)
{
    auto key = [](const NetworkEdge& e) {
        return std::tuple(int(e.kind), std::min(e.a, e.b), std::max(e.a, e.b));
    };
    std::stable_sort(g.edges.begin(), g.edges.end(), [&](const NetworkEdge& x, const NetworkEdge& y) { return key(x) < key(y); });
    g.edges.erase(std::unique(g.edges.begin(), g.edges.end(),
                              [&](const NetworkEdge& x, const NetworkEdge& y) { return key(x) == key(y); }),
                  g.edges.end());
    for (const NetworkEdge& e : g.edges) {
        ++g.edgesPerKind[std::size_t(e.kind)];
        ++g.nodes[e.a].links[std::size_t(e.kind)];
        ++g.nodes[e.b].links[std::size_t(e.kind)];
    }
}

void addLifecycle(const Investigation& inv, NetworkGraph& g, const Selection& selection)
{
    for (std::uint32_t group = 0; group < inv.groupCount(); ++group) {
        if (!selection.hasGroup(group))
            continue;
        const auto life = campaignLifecycle(inv, group);
        if (!life)
            return; // no status_changed_at in this file
        for (const std::uint32_t a : life->banned)
            g.nodes[g.nodeOf[a]].bannedAt = inv.accounts[a].statusChangedAt;
        for (const Replacement& r : life->replacements) {
            const std::uint32_t from = g.nodeOf[r.banned], to = g.nodeOf[r.replacement];
            g.arrows.push_back({from, to, r.hours});
            g.nodes[from].replacedBy = to;
            if (g.nodes[to].replacedFrom == kNoIndex)
                g.nodes[to].replacedFrom = from;
        }
        if (group != inv.baselineGroup() && !life->banned.empty())
            g.medians.emplace_back(group, life->medianHours.value_or(-1));
    }
}

void addClusters(const Investigation& inv, NetworkGraph& g)
{
    std::map<std::uint32_t, std::vector<std::uint32_t>> byCluster; // kNoIndex sorts last
    for (std::uint32_t n = 0; n < g.nodes.size(); ++n)
        byCluster[inv.accounts[g.nodes[n].account].cluster].push_back(n);
    for (auto& [cluster, nodes] : byCluster) {
        NetworkCluster c;
        c.cluster = cluster;
        std::sort(nodes.begin(), nodes.end(), [&](std::uint32_t x, std::uint32_t y) {
            const NetworkNode &a = g.nodes[x], &b = g.nodes[y];
            if (a.seen != b.seen)
                return a.seen;
            if (a.seen && a.first != b.first)
                return a.first < b.first;
            return inv.accounts[a.account].id < inv.accounts[b.account].id;
        });
        std::map<std::uint32_t, std::uint32_t> groups;
        for (const std::uint32_t n : nodes) {
            c.banned += g.nodes[n].bannedAt ? 1 : 0;
            c.replaced += g.nodes[n].replacedBy != kNoIndex ? 1 : 0;
            ++groups[g.nodes[n].group];
        }
        c.groups.assign(groups.begin(), groups.end());
        std::stable_sort(c.groups.begin(), c.groups.end(), [](auto x, auto y) { return x.second > y.second; });
        c.nodes = std::move(nodes);
        g.clusters.push_back(std::move(c));
    }
    std::stable_sort(g.clusters.begin(), g.clusters.end(),
                     [](const NetworkCluster& x, const NetworkCluster& y) { return x.nodes.size() > y.nodes.size(); });
    for (std::uint32_t c = 0; c < g.clusters.size(); ++c)
        for (const std::uint32_t n : g.clusters[c].nodes)
            g.nodes[n].cluster = c;
    std::map<std::tuple<std::uint32_t, std::uint32_t, int>, std::uint32_t> links;
    for (const NetworkEdge& e : g.edges) {
        const std::uint32_t ca = g.nodes[e.a].cluster, cb = g.nodes[e.b].cluster;
        if (ca != cb)
            ++links[{std::min(ca, cb), std::max(ca, cb), int(e.kind)}];
    }
    for (const auto& [key, count] : links)
        g.clusterLinks.push_back({std::get<0>(key), std::get<1>(key), LinkKind(std::get<2>(key)), count});
}

void addActivity(const Investigation& inv, NetworkGraph& g)
{
    std::vector<std::uint32_t> accounts;
    accounts.reserve(g.nodes.size());
    for (const NetworkNode& n : g.nodes)
        accounts.push_back(n.account);
    const ActivitySteps steps = activeAccountsPerDay(inv, accounts);
    const auto first = steps.firstDay(), last = steps.lastDay();
    if (!first || !last)
        return;
    g.toDay = *last;
    // An unsigned distance: a hostile span cannot overflow.
    g.fromDay = std::uint64_t(*last) - std::uint64_t(*first) >= std::uint64_t(kMaxSparkDays) ? *last - kMaxSparkDays + 1 : *first;
    g.activePerDay = steps.dense(g.fromDay, g.toDay);
}

} // namespace

QString linkKindKey(LinkKind kind) { return QString::fromLatin1(kKindKeys[std::size_t(kind)]); }
QString indicatorKind(LinkKind kind) { return QString::fromLatin1(kIndicatorKinds[std::size_t(kind)]); }

QString subnet24(const QString& ip)
{
    const QStringList parts = ip.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return {};
    for (const QString& p : parts) {
        bool ok = false;
        const int v = p.toInt(&ok);
        if (!ok || v < 0 || v > 255 || p.size() > 3)
            return {};
    }
    return ip.left(ip.lastIndexOf(QLatin1Char('.')));
}

std::uint32_t NetworkNode::degree() const { return std::accumulate(links.begin(), links.end(), 0u); }

NetworkGraph buildNetworkGraph(const Investigation& inv, const NetworkInput& input, const ProgressSink& progress)
{
    NetworkGraph g;
    g.nodeOf.assign(inv.accounts.size(), kNoIndex);
    const auto& totals = inv.aggregates.accounts;
    for (std::uint32_t a = 0; a < inv.accounts.size(); ++a) {
        const AccountInfo& info = inv.accounts[a];
        if (info.group == kNoIndex || !input.selection.hasGroup(info.group))
            continue;
        NetworkNode n;
        n.account = a;
        n.group = info.group;
        if (a < totals.size() && totals[a].exchanges > 0) {
            n.seen = true;
            n.first = totals[a].first;
            n.last = totals[a].last;
        }
        g.nodeOf[a] = std::uint32_t(g.nodes.size());
        g.nodes.push_back(n);
    }
    progress.report(QStringLiteral("Linking accounts"), 0.1);
    addIndicatorEdges(inv, g);
    for (const auto& set : input.timing) {
        std::vector<std::uint32_t> members;
        for (const std::uint32_t a : set)
            if (a < g.nodeOf.size() && g.nodeOf[a] != kNoIndex)
                members.push_back(g.nodeOf[a]);
        addStar(inv, g, LinkKind::Timing, std::move(members));
    }
    if (progress.cancelled())
        return {};
    dedupeEdges(g);
    progress.report(QStringLiteral("Bans and replacements"), 0.5);
    addLifecycle(inv, g, input.selection);
    if (progress.cancelled())
        return {};
    addClusters(inv, g);
    addActivity(inv, g);
    return g;
}

std::vector<std::uint32_t> replacementChain(const NetworkGraph& g, std::uint32_t node)
{
    std::vector<std::uint32_t> back;
    for (std::uint32_t n = g.nodes[node].replacedFrom; n != kNoIndex && n != node; n = g.nodes[n].replacedFrom) {
        if (std::find(back.begin(), back.end(), n) != back.end())
            break;
        back.push_back(n);
    }
    std::vector<std::uint32_t> out(back.rbegin(), back.rend());
    out.push_back(node);
    // A replacement may replace its own replaced account's replacement (a cycle in a hostile file):
    // at most one step per node.
    for (std::uint32_t n = g.nodes[node].replacedBy; n != kNoIndex && out.size() <= g.nodes.size(); n = g.nodes[n].replacedBy) {
        if (std::find(out.begin(), out.end(), n) != out.end())
            break;
        out.push_back(n);
    }
    return out;
}

} // namespace hs
