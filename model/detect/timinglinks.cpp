// SPDX-License-Identifier: GPL-3.0-or-later
#include "timinglinks.h"

#include "job.h"

#include <algorithm>
#include <cmath>
#include <mutex>

namespace hs::detect {

namespace {

std::uint64_t mix(std::uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    return x ^ (x >> 33);
}

struct Entry
{
    std::uint64_t action;
    std::int32_t account;
    bool operator<(const Entry& o) const { return action != o.action ? action < o.action : account < o.account; }
    bool operator==(const Entry& o) const { return action == o.action && account == o.account; }
};

// Buckets as a CSR: members of bucket b are slots [start[b], start[b+1]); per account its slots,
// in bucket order (so its bucket list is sorted, ready for merging).
struct Buckets
{
    std::vector<std::int32_t> member;    // by slot: account
    std::vector<std::uint32_t> bucketOf; // by slot
    std::vector<std::uint32_t> start;    // by bucket, plus one
    std::vector<std::uint32_t> accountStart, accountSlots; // CSR by account
    std::vector<std::uint32_t> accountBuckets; // bucketOf[accountSlots[i]], contiguous: merges read memory in order
};

Buckets buildBuckets(const DetectData& data, const DetectConfig& config, std::int64_t minTs)
{
    const auto window = std::max<std::int64_t>(60, std::llround(config.windowHours * 3600));
    std::vector<Entry> entries;
    entries.reserve(data.ts.size());
    for (std::size_t i = 0; i < data.ts.size(); ++i)
        if (data.family[i] >= 0)
            entries.push_back({std::uint64_t(data.family[i]) << 32 | std::uint64_t((data.ts[i] - minTs) / window), data.account[i]});
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    Buckets b;
    b.member.resize(entries.size());
    b.bucketOf.resize(entries.size());
    for (std::size_t s = 0; s < entries.size(); ++s) {
        if (s == 0 || entries[s].action != entries[s - 1].action)
            b.start.push_back(std::uint32_t(s));
        b.member[s] = entries[s].account;
        b.bucketOf[s] = std::uint32_t(b.start.size() - 1);
    }
    b.start.push_back(std::uint32_t(entries.size()));
    entries = {};
    // Large buckets: members in a hashed order, so that ring neighbours are a fair sample.
    for (std::size_t k = 0; k + 1 < b.start.size(); ++k) {
        const auto first = b.member.begin() + b.start[k], last = b.member.begin() + b.start[k + 1];
        if (last - first > config.allPairsBucket)
            std::sort(first, last, [k](std::int32_t x, std::int32_t y) {
                return mix(k * 0x9e3779b97f4a7c15ull + std::uint64_t(x)) < mix(k * 0x9e3779b97f4a7c15ull + std::uint64_t(y));
            });
    }
    b.accountStart.assign(data.accountIds.size() + 1, 0);
    for (const std::int32_t a : b.member)
        ++b.accountStart[std::size_t(a) + 1];
    for (std::size_t a = 1; a < b.accountStart.size(); ++a)
        b.accountStart[a] += b.accountStart[a - 1];
    b.accountSlots.resize(b.member.size());
    std::vector<std::uint32_t> fill(b.accountStart.begin(), b.accountStart.end() - 1);
    for (std::size_t s = 0; s < b.member.size(); ++s)
        b.accountSlots[fill[std::size_t(b.member[s])]++] = std::uint32_t(s);
    b.accountBuckets.resize(b.accountSlots.size());
    for (std::size_t i = 0; i < b.accountSlots.size(); ++i)
        b.accountBuckets[i] = b.bucketOf[b.accountSlots[i]];
    return b;
}

std::int32_t sharedBuckets(const Buckets& b, std::int32_t x, std::int32_t y)
{
    std::uint32_t i = b.accountStart[std::size_t(x)], j = b.accountStart[std::size_t(y)];
    const std::uint32_t ie = b.accountStart[std::size_t(x) + 1], je = b.accountStart[std::size_t(y) + 1];
    std::int32_t shared = 0;
    while (i < ie && j < je) {
        const std::uint32_t bx = b.accountBuckets[i], by = b.accountBuckets[j];
        shared += bx == by;
        i += bx <= by;
        j += by <= bx;
    }
    return shared;
}

} // namespace

TimingResult timingLinks(const DetectData& data, const DetectConfig& config, const std::atomic<bool>* cancel)
{
    TimingResult result;
    if (data.ts.empty())
        return result;
    const std::int64_t minTs = *std::min_element(data.ts.begin(), data.ts.end());
    const Buckets b = buildBuckets(data, config, minTs);
    const std::size_t accounts = data.accountIds.size();
    result.buckets = std::int64_t(b.start.size()) - 1;
    for (std::size_t k = 0; k + 1 < b.start.size(); ++k)
        result.largeBuckets += b.start[k + 1] - b.start[k] > std::uint32_t(config.allPairsBucket);
    result.actions.resize(accounts);
    for (std::size_t a = 0; a < accounts; ++a)
        result.actions[a] = std::int32_t(b.accountStart[a + 1] - b.accountStart[a]);

    std::mutex mutex;
    std::atomic<std::int64_t> compared{0};
    const std::size_t parts = 64;
    runInParallel(parts, [&](std::size_t part) {
        std::vector<TimingLink> links;
        std::vector<std::int32_t> partners;
        std::vector<std::pair<std::int32_t, std::int32_t>> counted; // (count, partner)
        for (std::size_t a = part; a < accounts; a += parts) {
            if (cancel && cancel->load())
                return;
            partners.clear();
            for (std::uint32_t i = b.accountStart[a]; i < b.accountStart[a + 1]; ++i) {
                const std::uint32_t slot = b.accountSlots[i], bucket = b.bucketOf[slot];
                const std::uint32_t first = b.start[bucket], size = b.start[bucket + 1] - first;
                if (size < 2)
                    continue;
                if (size <= std::uint32_t(config.allPairsBucket)) {
                    for (std::uint32_t s = first; s < first + size; ++s)
                        if (s != slot)
                            partners.push_back(b.member[s]);
                    continue;
                }
                const std::uint32_t pos = slot - first;
                const auto ring = std::min<std::uint32_t>(std::uint32_t(config.ringNeighbours), (size - 1) / 2);
                for (std::uint32_t k = 1; k <= ring; ++k) {
                    partners.push_back(b.member[first + (pos + k) % size]);
                    partners.push_back(b.member[first + (pos + size - k) % size]);
                }
            }
            std::sort(partners.begin(), partners.end());
            counted.clear();
            for (std::size_t i = 0; i < partners.size();) {
                std::size_t j = i;
                while (j < partners.size() && partners[j] == partners[i])
                    ++j;
                counted.emplace_back(std::int32_t(j - i), partners[i]);
                i = j;
            }
            const auto keep = std::min(counted.size(), std::size_t(config.candidatesPerAccount));
            const auto tieBreak = [a](std::int32_t p) { return mix(std::uint64_t(a) * 0x9e3779b97f4a7c15ull ^ std::uint64_t(p)); };
            std::partial_sort(counted.begin(), counted.begin() + std::ptrdiff_t(keep), counted.end(),
                              [&](const auto& x, const auto& y) {
                                  return x.first != y.first ? x.first > y.first : tieBreak(x.second) < tieBreak(y.second);
                              });
            for (std::size_t k = 0; k < keep; ++k) {
                const std::int32_t c = counted[k].second;
                const std::int32_t shared = sharedBuckets(b, std::int32_t(a), c);
                const double jaccard = double(shared) / double(result.actions[a] + result.actions[std::size_t(c)] - shared);
                if (shared >= config.minShared && jaccard >= config.minJaccard)
                    links.push_back({std::min(std::int32_t(a), c), std::max(std::int32_t(a), c), shared, jaccard});
            }
            compared += std::int64_t(keep);
        }
        const std::lock_guard lock(mutex);
        result.links.insert(result.links.end(), links.begin(), links.end());
    });
    if (cancel && cancel->load()) {
        result.cancelled = true;
        return result;
    }
    std::sort(result.links.begin(), result.links.end(),
              [](const TimingLink& x, const TimingLink& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
    result.links.erase(std::unique(result.links.begin(), result.links.end(),
                                   [](const TimingLink& x, const TimingLink& y) { return x.a == y.a && x.b == y.b; }),
                       result.links.end());
    result.pairsCompared = compared.load();
    return result;
}

} // namespace hs::detect
