// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Synchronised timing, after SynchroTrap (Cao et al., CCS 2014): an account's actions are the
// (prompt family, time window) pairs it sent requests in; two accounts are similar by the
// Jaccard index of their action sets; pairs above the thresholds are linked, and linked
// accounts are clustered by single linkage (the union-find of the caller).
//
// Never all pairs: accounts meet only in a bucket (one action: a family in a window). A bucket of
// at most `all_pairs_bucket` accounts offers every pair; a larger one (a popular family in a busy
// window of a 20,000-account ring) places its accounts on a ring in a hashed order and offers
// each account only its `ring_neighbours` on each side. Of the partners offered, an account keeps
// the `candidates_per_account` it met most often (ties broken by a hash, not by id), and only
// for those is the exact Jaccard computed, once per pair (the account's actions marked in a
// bitmap, the candidate's looked up in it). Single linkage needs only enough links to connect a
// group, not every pair, so the sample is enough; the cost is O(actions x 2 x ring_neighbours)
// instead of O(accounts^2). Accounts run in parallel; so do the per-family sorts of the actions.

#include "detectconfig.h"
#include "detectdata.h"

#include <atomic>
#include <cstdint>
#include <vector>

namespace hs::detect {

struct TimingLink
{
    std::int32_t a = 0, b = 0; // a < b
    std::int32_t shared = 0;   // shared actions
    double jaccard = 0;
};

struct TimingResult
{
    std::vector<TimingLink> links;         // each pair once
    std::vector<std::int32_t> actions;     // per account: its distinct actions
    // pairsCompared: the candidates kept, summed over the accounts (a pair two accounts chose counts twice)
    std::int64_t buckets = 0, largeBuckets = 0, pairsCompared = 0;
    bool cancelled = false;
};

TimingResult timingLinks(const DetectData& data, const DetectConfig& config, const std::atomic<bool>* cancel = nullptr);

} // namespace hs::detect
