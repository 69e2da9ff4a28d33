// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Every threshold of `hydrascope detect`, with its default. docs/detection.md says what each one
// does and why its default is what it is; `--config DETECT.toml` overrides any of them:
//
//   [timing]
//   window_hours = 6
//   min_jaccard = 0.01
//
// A key or section this file does not know, a value of the wrong type or out of its range is an
// error naming the file, the key and the allowed range: a typo never silently keeps a default.

#include <cstdint>
#include <string>

namespace hs::detect {

struct DetectConfig
{
    // [near_duplicate]
    int familyMinAccounts = 3;       // a prompt family is "shared" when at least this many accounts send it
    double groupNearDupShare = 0.5;  // a group agrees when this share of its traffic is in shared families
    double accountGroupFamilyShare = 0.3; // an account of a flagged group is flagged when this share of its
                                          // traffic is in the group's own families
    // [capability]
    double minJsd = 0.15;            // Jensen-Shannon divergence (base 2, 0..1) from the organic mix
    // [timing]
    double windowHours = 6;          // the time window of an action (prompt family, window)
    int minShared = 5;               // shared actions for a timing link
    double minJaccard = 0.01;        // Jaccard similarity of two accounts' action sets for a link
    int allPairsBucket = 32;         // a bucket (family, window) with at most this many accounts: all pairs
    int ringNeighbours = 4;          // larger buckets: each account meets this many on each side
    int candidatesPerAccount = 16;   // partners whose Jaccard is computed, per account
    double groupTimingShare = 0.5;   // a group agrees when this share of its accounts has a timing link
    // [infrastructure]: an indicator value shared by more accounts than this is ignored (a NAT
    // address, a carrier range, a common client); 0 ignores the kind altogether.
    int maxAccountsPayment = 1000;
    int maxAccountsIp = 1000;
    int maxAccountsIpPrefix = 256;
    int maxAccountsUserAgent = 50;
    int maxAccountsEmailDomain = 50;
    int maxAccountsOrgName = 50;
    double groupInfraShare = 0.5;    // a group agrees when this share of its accounts has an infrastructure link
    // [pivot]
    double pivotThreshold = 0.25;    // hourly share on the new model (the spec's hours_to_threshold)
    double pivotMinExcess = 0.2;     // group share_24h above the organic share_24h by at least this
    // [cot]
    double cotMinShare = 0.25;       // group share of exchanges eliciting chain-of-thought ...
    double cotMinRatio = 3;          // ... and at least this many times the organic share
    // [volume]
    double volumeMinRatio = 3;       // group median requests per active day / organic median
    // [grouping]
    int minGroupAccounts = 3;        // a smaller component is never a campaign
    int minSignals = 3;              // independent signals that must agree to flag a group
};

// Parses the TOML text (`name` for messages) over the defaults already in *config.
bool parseDetectConfig(const std::string& text, const std::string& name, DetectConfig* config, std::string* error);
bool loadDetectConfig(const std::string& path, DetectConfig* config, std::string* error);
// The whole configuration as TOML (every key, its current value): `detect --explain` prints it.
std::string detectConfigToml(const DetectConfig& config);

} // namespace hs::detect
