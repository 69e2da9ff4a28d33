// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Per-account figures every signal starts from, computed in one pass over the exchanges, and the
// organic reference they are compared with. The reference is the traffic of the accounts whose
// requests are mostly NOT in widely shared prompt families (near-duplicate share below the
// group threshold): organic users write their own prompts, so this needs no flags to exist
// first; when every account looks scripted, the reference falls back to all traffic.

#include "detectconfig.h"
#include "detectdata.h"

#include <cstdint>
#include <vector>

namespace hs::detect {

struct AccountFeatures
{
    std::int64_t requests = 0, cot = 0, sharedFamilyRequests = 0; // in families sent by >= family_min_accounts accounts
    std::int64_t activeDays = 0, firstTs = 0, lastTs = 0;
    double nearDupShare() const { return requests ? double(sharedFamilyRequests) / double(requests) : 0; }
    double perActiveDay() const { return activeDays ? double(requests) / double(activeDays) : 0; }
};

struct Features
{
    std::vector<AccountFeatures> accounts;
    std::vector<std::uint32_t> capabilityCounts; // accounts.size() x capabilities, row-major
    std::size_t capabilities = 0;
    std::vector<std::int32_t> familyAccounts;    // distinct accounts per family
    std::vector<char> organic;                   // per account: part of the organic reference
    std::vector<double> organicMix;              // capability shares of the organic traffic
    double organicCotShare = 0, organicMedianPerDay = 0;
    std::int64_t organicAccounts = 0;
    bool organicIsEverything = false;            // the fallback above

    std::vector<double> mixOf(std::int32_t account) const; // capability shares of one account
};

Features computeFeatures(const DetectData& data, const DetectConfig& config);

// Jensen-Shannon divergence, base 2 (0: the same mix, 1: no capability in common).
double jensenShannon(const std::vector<double>& p, const std::vector<double>& q);

// The median of the values (0 when empty); reorders them.
double median(std::vector<double>& values);

} // namespace hs::detect
