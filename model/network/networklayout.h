// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the Network page draws the nodes of one open cluster: igraph's Fruchterman-Reingold layout
// (grid variant) over the cluster's links, seeded, so the same selection always gives the same
// picture; warm-started from an earlier layout of the same cluster so nodes already placed stay
// near where they were. Measured against Graphviz sfdp and igraph DrL in docs/performance.md.
// Runs on the job pool (networkjob.h), never on the GUI thread.

#include "networkgraph.h"

#include <cstdint>
#include <vector>

namespace hs {

// Values shared by more accounts than this (a common user agent, a /24 of a proxy) link nearly
// everyone and carry no shape: they are drawn but do not pull in the layout.
constexpr std::uint32_t kLayoutShareLimit = 1000;

struct ClusterLayout
{
    std::uint32_t cluster = kNoIndex;   // position in NetworkGraph::clusters
    std::vector<std::uint32_t> nodes;   // node indexes laid out (the cluster's first `limit`)
    std::vector<float> x, y;            // centred on 0, about one unit between neighbours
    float radius = 1;                   // every node within it
    std::vector<std::uint32_t> sortedIndex; // positions in nodes, by node index (for position())
    std::int64_t position(std::uint32_t node) const; // index into x, y, or -1
};

// Lays out the first `limit` nodes of cluster `cluster`. `warm`: an earlier layout of the same
// cluster (its positions seed the nodes it has; new ones start beside a placed neighbour).
// Empty (no nodes) when cancelled.
ClusterLayout layoutCluster(const NetworkGraph& graph, std::uint32_t cluster, std::size_t limit,
                            const ClusterLayout* warm, const ProgressSink& progress = {});

} // namespace hs
