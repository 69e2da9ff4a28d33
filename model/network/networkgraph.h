// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Network page's graph for a selection's campaigns (and baseline): every account a node, with
// its first and last exchange, its ban and the account that replaced it (lifecycle.h); accounts
// linked by shared indicators, each link keeping its kind; the accounts grouped by cluster.
//
// A value shared by n accounts links them as a star around the one with the lowest id (n - 1
// edges, not the n(n-1)/2 pairs: one user agent shared by 20,000 accounts would be 200 million
// pairs). Synchronised timing: the format has no per-pair timing links (flag_reasons names
// accounts, not pairs); a detector that finds them hands them in as NetworkInput::timing and they
// become LinkKind::Timing edges like any other kind.
// The selection's time range does not change the graph: the page fades nodes by time, so the
// layout never moves when the window does.

#include "investigation.h"
#include "lifecycle.h"
#include "progress.h"
#include "selection.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace hs {

enum class LinkKind : std::uint8_t { Payment, Ip, Subnet24, UserAgent, EmailDomain, Timing };
constexpr int kLinkKinds = 6;
QString linkKindKey(LinkKind kind); // "payment", "ip", "ip24", "user_agent", "email_domain", "timing"
// The indicator kind a link kind reads ("ip" for /24 too); empty for Timing.
QString indicatorKind(LinkKind kind);
// "203.0.113" for "203.0.113.7"; empty when `ip` is not dotted IPv4.
QString subnet24(const QString& ip);

struct NetworkNode
{
    std::uint32_t account = 0;      // account index
    std::uint32_t group = 0;        // campaign index or the baseline group
    std::uint32_t cluster = 0;      // position in NetworkGraph::clusters
    bool seen = false;              // has exchanges
    std::int64_t first = 0, last = 0; // first and last exchange (when seen)
    std::optional<std::int64_t> bannedAt; // banned (lifecycle.h isBanned)
    std::uint32_t replacedBy = kNoIndex;   // node index of its replacement
    std::uint32_t replacedFrom = kNoIndex; // a node this one replaced (the first)
    std::array<std::uint32_t, kLinkKinds> links{}; // drawn edges per kind at this node
    std::uint32_t degree() const;
};

struct NetworkEdge
{
    std::uint32_t a = 0, b = 0; // node indexes; a is the star's centre (lowest account id)
    LinkKind kind = LinkKind::Payment;
    std::uint32_t shared = 0;   // accounts sharing the value (the star's size)
    bool operator==(const NetworkEdge&) const = default;
};

struct NetworkArrow // a replacement: banned -> replacement
{
    std::uint32_t from = 0, to = 0; // node indexes
    double hours = 0;
};

struct NetworkCluster
{
    std::uint32_t cluster = kNoIndex; // cluster index; kNoIndex: the accounts without a cluster
    std::vector<std::uint32_t> nodes; // node indexes, by first exchange (unseen last), then id
    std::uint32_t banned = 0, replaced = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> groups; // (group, accounts), most first
};

struct ClusterLink // edges between two clusters' nodes, drawn as one line when either is closed
{
    std::uint32_t a = 0, b = 0; // cluster positions, a < b
    LinkKind kind = LinkKind::Payment;
    std::uint32_t edges = 0;
};

struct NetworkInput
{
    Selection selection;
    // Accounts detected as acting in step, one vector of account indexes per synchronised set
    // (the extension point for a timing detector; empty today).
    std::vector<std::vector<std::uint32_t>> timing;
};

struct NetworkGraph
{
    std::vector<NetworkNode> nodes;         // in the file's account order
    std::vector<std::uint32_t> nodeOf;      // account index -> node index or kNoIndex
    std::vector<NetworkEdge> edges;         // sorted by kind, a, b
    std::vector<NetworkArrow> arrows;       // replacements, by banned account
    std::vector<NetworkCluster> clusters;   // most accounts first; "no cluster" among them
    std::vector<ClusterLink> clusterLinks;  // sorted by a, b, kind
    std::array<std::uint64_t, kLinkKinds> edgesPerKind{};
    std::array<std::uint32_t, kLinkKinds> valuesPerKind{}; // shared values per kind
    std::vector<std::uint32_t> activePerDay; // selected accounts active per UTC day, fromDay..toDay
    std::int64_t fromDay = 0, toDay = -1;
    std::vector<std::pair<std::uint32_t, double>> medians; // (group, replacement_median_hours)
};

// Empty (no nodes) when cancelled.
NetworkGraph buildNetworkGraph(const Investigation& inv, const NetworkInput& input, const ProgressSink& progress = {});

// The replacement chain through `node`: the accounts it replaced back to the first, itself, and
// the accounts that replaced it in turn (node indexes, oldest first).
std::vector<std::uint32_t> replacementChain(const NetworkGraph& graph, std::uint32_t node);

} // namespace hs
