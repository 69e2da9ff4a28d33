// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The seven signals of one group of accounts, each with its score, whether it agrees (its
// threshold in DetectConfig) and a plain sentence with the values, and the same for one account
// of a flagged group. The release pivot follows the spec's definitions (release window, hourly
// share, hours_to_threshold) over the group's exchanges, compared with the organic accounts'.

#include "accountfeatures.h"
#include "detector.h"
#include "infrastructurelinks.h"
#include "timinglinks.h"

#include <cstdint>
#include <vector>

namespace hs::detect {

class GroupSignals
{
public:
    // groupOf: per account the candidate group index, -1 for none.
    GroupSignals(const DetectData& data, const DetectConfig& config, const Features& features, const TimingResult& timing,
                 const InfrastructureResult& infra, const std::vector<std::int32_t>& groupOf, std::size_t groups);

    std::vector<Signal> evaluate(std::int32_t group, const std::vector<std::int32_t>& accounts) const;
    // The reasons of one flagged account; `groupFamilyShare` is its share in the group's families.
    std::vector<Signal> accountSignals(std::int32_t account, double groupFamilyShare, std::int64_t groupFamilies) const;
    // A campaign name from the group's top capabilities: "agentic_coding, tool_use".
    std::string capabilityLabel(const std::vector<std::int32_t>& accounts) const;

private:
    struct PivotCounts
    {
        std::vector<std::int64_t> total, onModel; // 24 hours each
    };
    Signal pivot(std::int32_t group) const;
    std::vector<double> meanMix(const std::vector<std::int32_t>& accounts) const;
    std::string mixText(const std::vector<double>& mix, std::size_t top) const;

    const DetectData& m_data;
    const DetectConfig& m_config;
    const Features& m_features;
    const TimingResult& m_timing;
    const InfrastructureResult& m_infra;
    const std::vector<std::int32_t>& m_groupOf;
    std::vector<std::size_t> m_releasedModels;            // models released inside the logs' time span
    std::vector<std::vector<PivotCounts>> m_pivot;        // [group][released model]
    std::vector<PivotCounts> m_organicPivot;              // [released model]
    std::vector<std::int32_t> m_timingDegree;             // per account: timing links
    std::vector<double> m_bestJaccard;
    std::vector<std::int32_t> m_bestShared;
};

std::string percentText(double share);
std::string numberText(double v, int decimals);

} // namespace hs::detect
