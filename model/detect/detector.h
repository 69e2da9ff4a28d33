// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Campaign detection over an imported investigation (docs/detection.md):
//  1. per-account features and the organic reference (accountfeatures.h);
//  2. links: synchronised timing (timinglinks.h) and shared infrastructure
//     (infrastructurelinks.h); their combined connected components are the candidate groups;
//  3. per group seven signals, each agreeing or not: near-duplicate prompts, capability
//     concentration, synchronised timing, shared infrastructure, release pivot, chain-of-thought
//     elicitation, volume. A group is flagged only when at least `min_signals` agree AND one
//     of them is near-duplicate prompts or synchronised timing (distillation is scripted,
//     repeated prompting: infrastructure, volume and capability alone also describe an
//     enterprise, a CI job or a class);
//  4. within a flagged group, an account is flagged when enough of its traffic is in the group's
//     own prompt families (an organic customer behind the same proxy is not);
//  5. reasons: for every campaign its agreeing signals, for every flagged account its own.
// Deterministic: the same investigation and configuration give the same result.

#include "detectconfig.h"
#include "detectdata.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hs::detect {

struct Signal
{
    std::string name;   // the spec's signal names: near_duplicate_prompts, ...
    bool agrees = false;
    double score = 0;   // 0..1
    std::string detail; // plain text with the values and the thresholds
};

struct DetectedCampaign
{
    std::string name, summary;
    std::int64_t firstTs = 0;
    std::vector<std::int32_t> accounts; // dense indexes, flagged
    std::vector<Signal> signals;        // all seven, agreeing ones first, strongest first
};

struct UnflaggedGroup
{
    std::int64_t accounts = 0;
    std::vector<Signal> signals;
    std::string why; // why it was not flagged
};

struct DetectedCluster
{
    std::string name, kind;
    std::vector<std::int32_t> accounts;
};

struct AccountReason
{
    std::int32_t account = 0;  // dense
    std::int32_t campaign = 0; // index into campaigns
    Signal signal;
};

struct DetectResult
{
    bool cancelled = false;
    std::vector<DetectedCampaign> campaigns;      // largest first: campaign i has id i + 1
    std::vector<UnflaggedGroup> unflagged;        // candidate groups left alone (for --explain)
    std::vector<DetectedCluster> clusters;
    std::vector<std::int32_t> campaignOf;         // per account: campaign index + 1, 0 unflagged
    std::vector<std::int32_t> clusterOf;          // per account: cluster index + 1, 0 none
    std::vector<AccountReason> reasons;
    std::vector<std::pair<std::string, double>> seconds; // time per step
    std::string organic;                          // one sentence on the organic reference
};

DetectResult detectCampaigns(const DetectData& data, const DetectConfig& config, const std::atomic<bool>* cancel = nullptr);

} // namespace hs::detect
