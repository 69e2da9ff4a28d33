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

// Buckets as a CSR: members of bucket b are slots [start[b], start[b+1]); per account its slots,
// in bucket order.
struct Buckets
{
    std::vector<std::int32_t> member;    // by slot: account
    std::vector<std::uint32_t> bucketOf; // by slot
    std::vector<std::uint32_t> start;    // by bucket, plus one
    std::vector<std::uint32_t> accountStart, accountSlots; // CSR by account
    std::vector<std::uint32_t> accountBuckets; // bucketOf[accountSlots[i]], contiguous: read in order
};

Buckets buildBuckets(const DetectData& data, const DetectConfig& config, std::int64_t minTs)
{
    const auto window = std::max<std::int64_t>(60, std::llround(config.windowHours * 3600));
    // The actions (family, window, account), sorted and distinct: a counting sort by family, then
    // each family's (window << 32 | account) keys sorted on their own, families in parallel. The
    // same order as one sort of the triples, without sorting 16 million of them as one.
    std::int32_t families = 0;
    for (const std::int32_t f : data.family)
        families = std::max(families, f + 1);
    std::vector<std::uint64_t> familyStart(std::size_t(families) + 1, 0);
    for (const std::int32_t f : data.family)
        if (f >= 0)
            ++familyStart[std::size_t(f) + 1];
    for (std::size_t f = 1; f < familyStart.size(); ++f)
        familyStart[f] += familyStart[f - 1];
    std::vector<std::uint64_t> keys(familyStart.back());
    {
        std::vector<std::uint64_t> fill(familyStart.begin(), familyStart.end() - 1);
        for (std::size_t i = 0; i < data.ts.size(); ++i)
            if (data.family[i] >= 0)
                keys[fill[std::size_t(data.family[i])]++] =
                    std::uint64_t((data.ts[i] - minTs) / window) << 32 | std::uint64_t(std::uint32_t(data.account[i]));
    }
    std::vector<std::uint64_t> distinct(std::size_t(families), 0); // per family, after removing duplicates
    runInParallel(64, [&](std::size_t part) {
        for (std::size_t f = part; f < std::size_t(families); f += 64) {
            const auto first = keys.begin() + std::ptrdiff_t(familyStart[f]), last = keys.begin() + std::ptrdiff_t(familyStart[f + 1]);
            std::sort(first, last);
            distinct[f] = std::uint64_t(std::unique(first, last) - first);
        }
    });
    std::size_t slotCount = 0;
    for (const std::uint64_t d : distinct)
        slotCount += d;
    Buckets b;
    b.member.resize(slotCount);
    b.bucketOf.resize(slotCount);
    std::size_t slot = 0;
    for (std::size_t f = 0; f < std::size_t(families); ++f)
        for (std::size_t i = familyStart[f]; i < familyStart[f] + distinct[f]; ++i, ++slot) {
            if (i == familyStart[f] || keys[i] >> 32 != keys[i - 1] >> 32)
                b.start.push_back(std::uint32_t(slot));
            b.member[slot] = std::int32_t(keys[i] & 0xffffffffu);
            b.bucketOf[slot] = std::uint32_t(b.start.size() - 1);
        }
    b.start.push_back(std::uint32_t(slotCount));
    keys = {};
    // Large buckets: members in a hashed order, so that ring neighbours are a fair sample.
    const std::size_t parts = 16;
    runInParallel(parts, [&](std::size_t part) {
        std::vector<std::pair<std::uint64_t, std::int32_t>> hashed;
        for (std::size_t k = part; k + 1 < b.start.size(); k += parts) {
            const auto first = b.member.begin() + b.start[k], last = b.member.begin() + b.start[k + 1];
            if (last - first <= config.allPairsBucket)
                continue;
            // By mix(k * golden + account), a bijection of the account: the order is unique.
            hashed.clear();
            for (auto it = first; it != last; ++it)
                hashed.emplace_back(mix(k * 0x9e3779b97f4a7c15ull + std::uint64_t(*it)), *it);
            std::sort(hashed.begin(), hashed.end());
            for (std::size_t i = 0; i < hashed.size(); ++i)
                first[std::ptrdiff_t(i)] = hashed[i].second;
        }
    });
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

    // Phase 1, per account: the candidates, the partners it met most often. Partner mentions are
    // counted in a dense per-part array (no sort of the mentions); the kept ones are the first
    // `keep` under a strict total order (count, then the hash), so they do not depend on the order
    // in which they were met.
    const std::size_t perAccount = std::size_t(std::max(0, config.candidatesPerAccount));
    std::vector<std::int32_t> candidates(accounts * perAccount);
    std::vector<std::uint32_t> candidateCount(accounts, 0);
    const std::size_t parts = 64;
    runInParallel(parts, [&](std::size_t part) {
        std::vector<std::int32_t> count(accounts, 0), touched;
        std::vector<std::pair<std::int32_t, std::int32_t>> counted; // (count, partner)
        const auto mention = [&](std::int32_t p) {
            if (count[std::size_t(p)]++ == 0)
                touched.push_back(p);
        };
        for (std::size_t a = part; a < accounts; a += parts) {
            if (cancel && cancel->load())
                return;
            touched.clear();
            for (std::uint32_t i = b.accountStart[a]; i < b.accountStart[a + 1]; ++i) {
                // The bucket members around a slot a few slots ahead: one cache miss each, overlapped.
                if (i + 8 < b.accountStart[a + 1])
                    __builtin_prefetch(b.member.data() + b.accountSlots[i + 8]);
                const std::uint32_t slot = b.accountSlots[i], bucket = b.accountBuckets[i];
                const std::uint32_t first = b.start[bucket], size = b.start[bucket + 1] - first;
                if (size < 2)
                    continue;
                if (size <= std::uint32_t(config.allPairsBucket)) {
                    for (std::uint32_t s = first; s < first + size; ++s)
                        if (s != slot)
                            mention(b.member[s]);
                    continue;
                }
                const std::uint32_t pos = slot - first;
                const auto ring = std::min<std::uint32_t>(std::uint32_t(config.ringNeighbours), (size - 1) / 2);
                for (std::uint32_t k = 1; k <= ring; ++k) {
                    mention(b.member[first + (pos + k) % size]);
                    mention(b.member[first + (pos + size - k) % size]);
                }
            }
            counted.clear();
            for (const std::int32_t p : touched) {
                counted.emplace_back(count[std::size_t(p)], p);
                count[std::size_t(p)] = 0;
            }
            const auto keep = std::min(counted.size(), perAccount);
            const auto tieBreak = [a](std::int32_t p) { return mix(std::uint64_t(a) * 0x9e3779b97f4a7c15ull ^ std::uint64_t(p)); };
            std::partial_sort(counted.begin(), counted.begin() + std::ptrdiff_t(keep), counted.end(),
                              [&](const auto& x, const auto& y) {
                                  return x.first != y.first ? x.first > y.first : tieBreak(x.second) < tieBreak(y.second);
                              });
            for (std::size_t k = 0; k < keep; ++k)
                candidates[a * perAccount + k] = counted[k].second;
            candidateCount[a] = std::uint32_t(keep);
        }
    });
    if (cancel && cancel->load()) {
        result.cancelled = true;
        return result;
    }
    std::int64_t compared = 0;
    for (const std::uint32_t c : candidateCount)
        compared += c;

    // Phase 2: the exact Jaccard of each candidate pair, once per pair (a pair both accounts chose
    // is computed by the smaller one). The account's buckets are marked in a per-part bitmap (a
    // bit per bucket: 27 KB for 215,000 buckets, in the L1 or L2 cache), and a candidate's buckets are
    // looked up in it: no branchy merge of two ~600-long lists.
    const auto chose = [&](std::int32_t x, std::int32_t y) {
        const auto* first = candidates.data() + std::size_t(x) * perAccount;
        return std::find(first, first + candidateCount[std::size_t(x)], y) != first + candidateCount[std::size_t(x)];
    };
    std::mutex mutex;
    runInParallel(parts, [&](std::size_t part) {
        std::vector<TimingLink> links;
        std::vector<std::uint64_t> bits((std::size_t(result.buckets) + 63) / 64, 0);
        for (std::size_t a = part; a < accounts; a += parts) {
            if (cancel && cancel->load())
                return;
            const std::uint32_t first = b.accountStart[a], last = b.accountStart[a + 1];
            bool marked = false;
            for (std::uint32_t k = 0; k < candidateCount[a]; ++k) {
                const std::int32_t c = candidates[a * perAccount + k];
                if (c < std::int32_t(a) && chose(c, std::int32_t(a)))
                    continue; // computed by c
                if (!marked) {
                    for (std::uint32_t i = first; i < last; ++i)
                        bits[b.accountBuckets[i] >> 6] |= std::uint64_t(1) << (b.accountBuckets[i] & 63);
                    marked = true;
                }
                std::int32_t shared = 0;
                for (std::uint32_t j = b.accountStart[std::size_t(c)]; j < b.accountStart[std::size_t(c) + 1]; ++j)
                    shared += std::int32_t(bits[b.accountBuckets[j] >> 6] >> (b.accountBuckets[j] & 63) & 1);
                const double jaccard = double(shared) / double(result.actions[a] + result.actions[std::size_t(c)] - shared);
                if (shared >= config.minShared && jaccard >= config.minJaccard)
                    links.push_back({std::min(std::int32_t(a), c), std::max(std::int32_t(a), c), shared, jaccard});
            }
            if (marked)
                for (std::uint32_t i = first; i < last; ++i)
                    bits[b.accountBuckets[i] >> 6] = 0;
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
    result.pairsCompared = compared;
    return result;
}

} // namespace hs::detect
