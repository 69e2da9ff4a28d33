// SPDX-License-Identifier: GPL-3.0-or-later
#include "networklayout.h"

#include <igraph/igraph.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <random>

namespace hs {
namespace {

constexpr int kIterations = 300;     // a cold layout
constexpr int kWarmIterations = 80;  // from an earlier layout: settle the new nodes, move the rest little

// igraph's random number generator and error handler are process-wide.
std::mutex& igraphMutex()
{
    static std::mutex m;
    return m;
}

struct Seeds
{
    std::vector<double> x, y;
};

Seeds seedPositions(const NetworkGraph& g, const std::vector<std::uint32_t>& nodes,
                    const std::vector<std::pair<std::uint32_t, std::uint32_t>>& links, const ClusterLayout* warm)
{
    const std::size_t n = nodes.size();
    Seeds s{std::vector<double>(n, NAN), std::vector<double>(n, NAN)};
    if (warm)
        for (std::size_t i = 0; i < n; ++i)
            if (const std::int64_t p = warm->position(nodes[i]); p >= 0) {
                s.x[i] = warm->x[std::size_t(p)];
                s.y[i] = warm->y[std::size_t(p)];
            }
    // New nodes beside a placed neighbour (two passes reach neighbours of neighbours), else anywhere
    // in the disk; the generator is seeded by the account, so the picture is the same every time.
    for (int pass = 0; pass < 2; ++pass)
        for (const auto& [a, b] : links) {
            const bool pa = !std::isnan(s.x[a]), pb = !std::isnan(s.x[b]);
            if (pa == pb)
                continue;
            const std::uint32_t from = pa ? a : b, to = pa ? b : a;
            std::mt19937 rng(g.nodes[nodes[to]].account);
            std::uniform_real_distribution<double> jitter(-1, 1);
            s.x[to] = s.x[from] + jitter(rng);
            s.y[to] = s.y[from] + jitter(rng);
        }
    // Half a unit per square root of the count, as igraph seeds itself: igraph's grid variant sizes
    // its grid to the spread every iteration, and a seed three times wider cost 8 times the CPU at
    // 20,741 nodes (bench_network's "layout alone": 7.2 s against 0.9 s).
    const double r = std::sqrt(double(n)) * 0.5;
    for (std::size_t i = 0; i < n; ++i)
        if (std::isnan(s.x[i])) {
            std::mt19937 rng(g.nodes[nodes[i]].account);
            std::uniform_real_distribution<double> u(0, 1);
            const double angle = u(rng) * 6.283185307179586, dist = r * std::sqrt(u(rng));
            s.x[i] = dist * std::cos(angle);
            s.y[i] = dist * std::sin(angle);
        }
    return s;
}

} // namespace

std::int64_t ClusterLayout::position(std::uint32_t node) const
{
    // nodes are kept sorted by node index (see layoutCluster) for this search.
    const auto it = std::lower_bound(sortedIndex.begin(), sortedIndex.end(), node,
                                     [&](std::uint32_t i, std::uint32_t n) { return nodes[i] < n; });
    return it != sortedIndex.end() && nodes[*it] == node ? std::int64_t(*it) : -1;
}

ClusterLayout layoutCluster(const NetworkGraph& g, std::uint32_t cluster, std::size_t limit, const ClusterLayout* warm,
                            const ProgressSink& progress)
{
    ClusterLayout out;
    if (progress.cancelled())
        return out;
    out.cluster = cluster;
    const auto& all = g.clusters[cluster].nodes;
    out.nodes.assign(all.begin(), all.begin() + std::ptrdiff_t(std::min(limit, all.size())));
    const std::size_t n = out.nodes.size();
    std::vector<std::uint32_t> local(g.nodes.size(), kNoIndex);
    for (std::uint32_t i = 0; i < n; ++i)
        local[out.nodes[i]] = i;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> links;
    for (const NetworkEdge& e : g.edges)
        if (e.shared <= kLayoutShareLimit && local[e.a] != kNoIndex && local[e.b] != kNoIndex)
            links.emplace_back(local[e.a], local[e.b]);
    for (const NetworkArrow& a : g.arrows) // a replacement near the account it replaced
        if (local[a.from] != kNoIndex && local[a.to] != kNoIndex)
            links.emplace_back(local[a.from], local[a.to]);
    Seeds seeds = seedPositions(g, out.nodes, links, warm && warm->cluster == cluster ? warm : nullptr);
    if (n >= 2 && !links.empty()) {
        std::lock_guard lock(igraphMutex());
        igraph_vector_int_t edges;
        igraph_vector_int_init(&edges, igraph_integer_t(links.size() * 2));
        for (std::size_t i = 0; i < links.size(); ++i) {
            VECTOR(edges)[2 * i] = links[i].first;
            VECTOR(edges)[2 * i + 1] = links[i].second;
        }
        igraph_t graph;
        igraph_create(&graph, &edges, igraph_integer_t(n), IGRAPH_UNDIRECTED);
        igraph_vector_int_destroy(&edges);
        igraph_matrix_t pos;
        igraph_matrix_init(&pos, igraph_integer_t(n), 2);
        for (std::size_t i = 0; i < n; ++i) {
            MATRIX(pos, igraph_integer_t(i), 0) = seeds.x[i];
            MATRIX(pos, igraph_integer_t(i), 1) = seeds.y[i];
        }
        igraph_rng_seed(igraph_rng_default(), 20260224);
        // One call: run in chunks (to check the cancellation flag between them) the grid variant cost
        // 50 times the CPU time at full scale (docs/performance.md); a cancelled job's result is
        // dropped after it returns.
        const int iterations = warm ? kWarmIterations : kIterations;
        const double startTemp = warm ? std::sqrt(double(n)) / 10 : std::sqrt(double(n));
        if (!progress.cancelled())
            igraph_layout_fruchterman_reingold(&graph, &pos, true, iterations, startTemp, IGRAPH_LAYOUT_GRID, nullptr, nullptr,
                                               nullptr, nullptr, nullptr);
        for (std::size_t i = 0; i < n; ++i) {
            seeds.x[i] = MATRIX(pos, igraph_integer_t(i), 0);
            seeds.y[i] = MATRIX(pos, igraph_integer_t(i), 1);
        }
        igraph_matrix_destroy(&pos);
        igraph_destroy(&graph);
        if (progress.cancelled())
            return {};
    }
    // Centred on the median node; nodes flung far out (no links) are pulled to the rim.
    std::vector<double> xs = seeds.x, ys = seeds.y;
    double cx = 0, cy = 0;
    if (n) {
        std::nth_element(xs.begin(), xs.begin() + std::ptrdiff_t(n / 2), xs.end());
        std::nth_element(ys.begin(), ys.begin() + std::ptrdiff_t(n / 2), ys.end());
        cx = xs[n / 2];
        cy = ys[n / 2];
    }
    std::vector<double> dist(n);
    for (std::size_t i = 0; i < n; ++i)
        dist[i] = std::hypot(seeds.x[i] - cx, seeds.y[i] - cy);
    std::vector<double> sorted = dist;
    const std::size_t q = n ? std::min(n - 1, n * 97 / 100) : 0;
    if (n)
        std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(q), sorted.end());
    const double rim = n ? std::max(sorted[q], 1.0) : 1.0;
    out.x.resize(n);
    out.y.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double f = dist[i] > rim ? rim / dist[i] : 1.0;
        out.x[i] = float((seeds.x[i] - cx) * f);
        out.y[i] = float((seeds.y[i] - cy) * f);
    }
    out.radius = float(rim);
    out.sortedIndex.resize(n);
    for (std::uint32_t i = 0; i < n; ++i)
        out.sortedIndex[i] = i;
    std::sort(out.sortedIndex.begin(), out.sortedIndex.end(), [&](std::uint32_t a, std::uint32_t b) { return out.nodes[a] < out.nodes[b]; });
    return out;
}

} // namespace hs
