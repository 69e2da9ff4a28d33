// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Prompt families: near-duplicate prompts grouped by MinHash with LSH banding.
//
// Signature: one-permutation MinHash (Li, Owen and Zhang, NIPS 2012) over the shingle hashes
// (shingles.h): each shingle hash falls into one of kBins bins by its top bits and the bin keeps
// the smallest; empty bins borrow from a non-empty bin chosen by a fixed probe sequence
// (densification, Shrivastava and Li, ICML 2014). One hash per shingle instead of kBins: the
// classic form (minhashClassic, kept as the benchmark's baseline) costs kBins per shingle.
// LSH: kBands bands of kRows bins; prompts sharing any band are candidates, and a candidate joins
// the family whose representative (its first member) has an estimated Jaccard similarity of at
// least kFamilyThreshold, else it founds a new family. Candidate probability at similarity s is
// 1 - (1 - s^4)^16: 0.64 at 0.5, 0.89 at 0.6, 0.99 at 0.7 (docs/log-import.md has the measured
// similarities of template variants and of unrelated prompts).
// Leader clustering in input order: deterministic for a given input, and memory grows with the
// number of families, not of prompts.

#include <array>
#include <cstdint>
#include <vector>

namespace hs::logimport {

constexpr int kBins = 64;
constexpr int kBands = 16;
constexpr int kRows = 4;
constexpr double kFamilyThreshold = 0.5;

struct Signature
{
    std::array<std::uint32_t, kBins> bins{};
    bool empty = true; // no shingles: the prompt was not logged
};

void minhashSignature(const std::vector<std::uint64_t>& shingles, Signature* out);
// The textbook form: kBins independent hash functions (multiply-shift), each taking its minimum
// over all shingles. Same estimator; the benchmark's single-threaded baseline.
void minhashClassic(const std::vector<std::uint64_t>& shingles, Signature* out);
double estimatedSimilarity(const Signature& a, const Signature& b);

// The LSH keys of a signature's bands: hashed apart from assign() so that this part of the work
// runs on every core and only the bucket lookups stay in input order.
using BandKeys = std::array<std::uint64_t, kBands>;
void bandKeys(const Signature& s, BandKeys* keys);

class FamilyIndex
{
public:
    explicit FamilyIndex(double threshold = kFamilyThreshold) : m_threshold(threshold) {}
    // The family (0-based) of a non-empty signature; *created when it founded a new one.
    int assign(const Signature& s, bool* created = nullptr);
    // The same with the signature's bandKeys() already computed.
    int assign(const Signature& s, const BandKeys& keys, bool* created = nullptr);
    int size() const { return int(m_representatives.size()); }
    const Signature& representative(int family) const { return m_representatives[std::size_t(family)]; }

private:
    // (band, its bins) -> the first family there. Open addressing with linear probing in one
    // array: at full scale it holds millions of keys (16 per family) and is probed 16 times per
    // request in input order, so one cache miss per probe instead of a node-based map's two or
    // three matters. Key 0 marks an empty slot; a real key of 0 is kept apart (m_zeroKeyFamily).
    struct Bucket
    {
        std::uint64_t key = 0;
        int family = -1;
    };
    std::size_t slotOf(std::uint64_t key) const;
    int findBucket(std::uint64_t key) const;
    void addBucket(std::uint64_t key, int family);
    void grow();

    double m_threshold;
    std::vector<Signature> m_representatives;
    std::vector<Bucket> m_buckets;
    std::size_t m_bucketCount = 0;
    int m_zeroKeyFamily = -1; // the family of key 0, which cannot be stored in the table
};

} // namespace hs::logimport
