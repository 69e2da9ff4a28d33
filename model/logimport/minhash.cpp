// SPDX-License-Identifier: GPL-3.0-or-later
#include "minhash.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <limits>

namespace hs::logimport {

namespace {

std::uint64_t splitmix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();

} // namespace

void minhashSignature(const std::vector<std::uint64_t>& shingles, Signature* out)
{
    out->bins.fill(kEmpty);
    out->empty = shingles.empty();
    if (out->empty)
        return;
    for (const std::uint64_t h0 : shingles) {
        const std::uint64_t h = splitmix(h0); // shingle hashes are already mixed; this spreads the top bits
        const auto bin = std::size_t(h >> 58);
        const auto value = std::uint32_t(h); // low bits: independent of the bin
        if (value < out->bins[bin])
            out->bins[bin] = value;
    }
    // Densification: an empty bin takes the value of the first non-empty bin on its own probe
    // sequence (salted with the bin, so that empty bins do not all copy the same neighbour).
    std::array<std::uint32_t, kBins> filled = out->bins;
    for (std::size_t b = 0; b < std::size_t(kBins); ++b) {
        if (out->bins[b] != kEmpty)
            continue;
        for (std::uint64_t attempt = 1;; ++attempt) {
            const auto j = std::size_t(splitmix(b * 0x100000001B3ULL + attempt) % kBins);
            if (out->bins[j] != kEmpty) {
                filled[b] = out->bins[j] ^ std::uint32_t(b * 0x9E3779B9u); // keep bins distinct
                break;
            }
        }
    }
    out->bins = filled;
}

void minhashClassic(const std::vector<std::uint64_t>& shingles, Signature* out)
{
    out->bins.fill(kEmpty);
    out->empty = shingles.empty();
    for (const std::uint64_t h : shingles)
        for (std::size_t k = 0; k < std::size_t(kBins); ++k) {
            const std::uint64_t a = splitmix(2 * k + 1) | 1, b = splitmix(2 * k + 2);
            const auto v = std::uint32_t((a * h + b) >> 32);
            if (v < out->bins[k])
                out->bins[k] = v;
        }
}

double estimatedSimilarity(const Signature& a, const Signature& b)
{
    if (a.empty || b.empty)
        return 0;
    int same = 0;
    for (std::size_t k = 0; k < std::size_t(kBins); ++k)
        same += a.bins[k] == b.bins[k] ? 1 : 0;
    return double(same) / kBins;
}

void bandKeys(const Signature& s, BandKeys* keys)
{
    for (int band = 0; band < kBands; ++band)
        (*keys)[std::size_t(band)] = XXH3_64bits_withSeed(s.bins.data() + band * kRows, kRows * sizeof(std::uint32_t),
                                                           std::uint64_t(band));
}

int FamilyIndex::assign(const Signature& s, bool* created)
{
    BandKeys keys;
    bandKeys(s, &keys);
    return assign(s, keys, created);
}

std::size_t FamilyIndex::slotOf(std::uint64_t key) const
{
    // Keys are XXH3 outputs: their low bits are already uniform.
    return std::size_t(key) & (m_buckets.size() - 1);
}

int FamilyIndex::findBucket(std::uint64_t key) const
{
    if (key == 0)
        return m_zeroKeyFamily;
    if (m_buckets.empty())
        return -1;
    for (std::size_t slot = slotOf(key);; slot = (slot + 1) & (m_buckets.size() - 1)) {
        const Bucket& b = m_buckets[slot];
        if (b.key == key)
            return b.family;
        if (b.key == 0)
            return -1;
    }
}

void FamilyIndex::addBucket(std::uint64_t key, int family)
{
    if (key == 0) {
        if (m_zeroKeyFamily < 0)
            m_zeroKeyFamily = family;
        return;
    }
    if ((m_bucketCount + 1) * 4 > m_buckets.size() * 3) // at most 3/4 full
        grow();
    for (std::size_t slot = slotOf(key);; slot = (slot + 1) & (m_buckets.size() - 1)) {
        Bucket& b = m_buckets[slot];
        if (b.key == key)
            return; // the first family in a bucket keeps it
        if (b.key == 0) {
            b = Bucket{key, family};
            ++m_bucketCount;
            return;
        }
    }
}

void FamilyIndex::grow()
{
    std::vector<Bucket> old(std::max<std::size_t>(1024, m_buckets.size() * 2));
    old.swap(m_buckets);
    for (const Bucket& b : old)
        if (b.key != 0)
            for (std::size_t slot = slotOf(b.key);; slot = (slot + 1) & (m_buckets.size() - 1))
                if (m_buckets[slot].key == 0) {
                    m_buckets[slot] = b;
                    break;
                }
}

int FamilyIndex::assign(const Signature& s, const BandKeys& keys, bool* created)
{
    if (!m_buckets.empty())
        for (const std::uint64_t key : keys) // the probes are independent: let them overlap
            __builtin_prefetch(&m_buckets[slotOf(key)]);
    int best = -1;
    double bestSimilarity = 0;
    for (const std::uint64_t key : keys) {
        const int family = findBucket(key);
        if (family < 0 || family == best)
            continue;
        const double similarity = estimatedSimilarity(s, m_representatives[std::size_t(family)]);
        if (similarity >= m_threshold && (similarity > bestSimilarity || (similarity == bestSimilarity && family < best))) {
            best = family;
            bestSimilarity = similarity;
        }
    }
    if (created)
        *created = best < 0;
    if (best >= 0)
        return best;
    const int family = int(m_representatives.size());
    m_representatives.push_back(s);
    for (const std::uint64_t key : keys)
        addBucket(key, family);
    return family;
}

} // namespace hs::logimport
