// SPDX-License-Identifier: GPL-3.0-or-later
#include "groupsignals.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

namespace hs::detect {

std::string numberText(double v, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

std::string percentText(double share)
{
    return numberText(100 * share, share < 0.1 ? 1 : 0) + "%";
}

namespace {

constexpr std::int64_t kHour = 3600;

Signal make(const char* name, bool agrees, double score, std::string detail)
{
    return Signal{name, agrees, std::clamp(score, 0.0, 1.0), std::move(detail)};
}

} // namespace

GroupSignals::GroupSignals(const DetectData& data, const DetectConfig& config, const Features& features,
                           const TimingResult& timing, const InfrastructureResult& infra,
                           const std::vector<std::int32_t>& groupOf, std::size_t groups)
    : m_data(data), m_config(config), m_features(features), m_timing(timing), m_infra(infra), m_groupOf(groupOf)
{
    m_timingDegree.assign(data.accountIds.size(), 0);
    m_bestJaccard.assign(data.accountIds.size(), 0);
    m_bestShared.assign(data.accountIds.size(), 0);
    for (const TimingLink& l : timing.links)
        for (const std::int32_t a : {l.a, l.b}) {
            ++m_timingDegree[std::size_t(a)];
            if (l.jaccard > m_bestJaccard[std::size_t(a)]) {
                m_bestJaccard[std::size_t(a)] = l.jaccard;
                m_bestShared[std::size_t(a)] = l.shared;
            }
        }
    if (data.ts.empty())
        return;
    const auto [lo, hi] = std::minmax_element(data.ts.begin(), data.ts.end());
    for (std::size_t m = 0; m < data.modelReleases.size(); ++m)
        if (data.modelReleases[m] >= *lo && data.modelReleases[m] < *hi)
            m_releasedModels.push_back(m);
    const PivotCounts empty{std::vector<std::int64_t>(24, 0), std::vector<std::int64_t>(24, 0)};
    m_pivot.assign(groups, std::vector<PivotCounts>(m_releasedModels.size(), empty));
    m_organicPivot.assign(m_releasedModels.size(), empty);
    if (m_releasedModels.empty())
        return;
    for (std::size_t i = 0; i < data.ts.size(); ++i) {
        const std::int32_t a = data.account[i];
        const std::int32_t g = groupOf[std::size_t(a)];
        const bool organic = features.organic[std::size_t(a)] != 0;
        if (g < 0 && !organic)
            continue;
        for (std::size_t r = 0; r < m_releasedModels.size(); ++r) {
            const std::size_t m = m_releasedModels[r];
            const std::int64_t dt = data.ts[i] - data.modelReleases[m];
            if (dt < 0 || dt >= 24 * kHour)
                continue;
            const auto hour = std::size_t(dt / kHour);
            const bool on = data.model[i] == m;
            if (g >= 0) {
                ++m_pivot[std::size_t(g)][r].total[hour];
                m_pivot[std::size_t(g)][r].onModel[hour] += on;
            }
            if (organic) {
                ++m_organicPivot[r].total[hour];
                m_organicPivot[r].onModel[hour] += on;
            }
        }
    }
}

std::vector<double> GroupSignals::meanMix(const std::vector<std::int32_t>& accounts) const
{
    // The mean of the accounts' own mixes, not the mix of their summed traffic: one very busy
    // account (a CI job) must not make a whole group look concentrated.
    std::vector<double> mix(m_features.capabilities, 0);
    std::size_t counted = 0;
    for (const std::int32_t a : accounts) {
        if (m_features.accounts[std::size_t(a)].requests == 0)
            continue;
        const std::vector<double> own = m_features.mixOf(a);
        for (std::size_t c = 0; c < mix.size(); ++c)
            mix[c] += own[c];
        ++counted;
    }
    for (double& v : mix)
        v = counted ? v / double(counted) : 0;
    return mix;
}

std::string GroupSignals::mixText(const std::vector<double>& mix, std::size_t top) const
{
    std::vector<std::size_t> order(mix.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return mix[x] > mix[y]; });
    std::string out;
    for (std::size_t k = 0; k < std::min(top, order.size()) && mix[order[k]] > 0; ++k)
        out += (out.empty() ? "" : ", ") + m_data.capabilityNames[order[k]] + " " + percentText(mix[order[k]]) +
               " (organic " + percentText(m_features.organicMix[order[k]]) + ")";
    return out;
}

std::string GroupSignals::capabilityLabel(const std::vector<std::int32_t>& accounts) const
{
    const std::vector<double> mix = meanMix(accounts);
    std::vector<std::size_t> order(mix.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return mix[x] > mix[y]; });
    std::string out;
    for (std::size_t k = 0; k < std::min<std::size_t>(3, order.size()); ++k)
        if (k == 0 || mix[order[k]] >= 0.15)
            out += (out.empty() ? "" : ", ") + m_data.capabilityNames[order[k]];
    return out;
}

Signal GroupSignals::pivot(std::int32_t group) const
{
    Signal best = make("release_pivot", false, 0, "no model was released while the logs ran");
    double bestShare = -1;
    for (std::size_t r = 0; r < m_releasedModels.size(); ++r) {
        const PivotCounts& p = m_pivot[std::size_t(group)][r];
        const PivotCounts& o = m_organicPivot[r];
        std::int64_t total = 0, on = 0, orgTotal = 0, orgOn = 0;
        int hoursToThreshold = 0;
        for (int h = 0; h < 24; ++h) {
            total += p.total[std::size_t(h)];
            on += p.onModel[std::size_t(h)];
            orgTotal += o.total[std::size_t(h)];
            orgOn += o.onModel[std::size_t(h)];
            if (hoursToThreshold == 0 && p.total[std::size_t(h)] > 0 &&
                double(p.onModel[std::size_t(h)]) / double(p.total[std::size_t(h)]) >= m_config.pivotThreshold)
                hoursToThreshold = h + 1;
        }
        if (total == 0)
            continue;
        const double share = double(on) / double(total);
        const double organic = orgTotal ? double(orgOn) / double(orgTotal) : 0;
        if (share <= bestShare)
            continue;
        bestShare = share;
        const std::string& model = m_data.modelNames[m_releasedModels[r]];
        const bool agrees = hoursToThreshold > 0 && share - organic >= m_config.pivotMinExcess;
        best = make("release_pivot", agrees, share,
                    percentText(share) + " of its requests in the 24 hours after " + model + " was released went to it (organic " +
                        (orgTotal ? percentText(organic) : std::string("none")) + "); " +
                        (hoursToThreshold ? "an hourly share of " + percentText(m_config.pivotThreshold) + " reached in hour " +
                                                std::to_string(hoursToThreshold)
                                          : "the hourly share never reached " + percentText(m_config.pivotThreshold)) +
                        " (agrees from " + percentText(m_config.pivotMinExcess) + " above organic)");
    }
    return best;
}

std::vector<Signal> GroupSignals::evaluate(std::int32_t group, const std::vector<std::int32_t>& accounts) const
{
    std::int64_t requests = 0, shared = 0, cot = 0, timed = 0, linked = 0;
    std::vector<double> rates;
    const std::unordered_set<std::int32_t> members(accounts.begin(), accounts.end());
    int kindCount[kLinkKinds] = {};
    for (const std::int32_t a : accounts) {
        const AccountFeatures& f = m_features.accounts[std::size_t(a)];
        requests += f.requests;
        shared += f.sharedFamilyRequests;
        cot += f.cot;
        rates.push_back(f.perActiveDay());
        timed += m_timingDegree[std::size_t(a)] > 0;
        // Linked inside the group: a value it shares with another of the group's accounts.
        std::uint8_t kinds = 0;
        for (const std::int32_t v : m_infra.valuesOf[std::size_t(a)]) {
            const SharedValue& sv = m_infra.shared[std::size_t(v)];
            for (const std::int32_t other : sv.accounts)
                if (other != a && members.count(other)) {
                    kinds |= std::uint8_t(1u << int(sv.kind));
                    break;
                }
        }
        linked += kinds != 0;
        for (int k = 0; k < kLinkKinds; ++k)
            kindCount[k] += (kinds >> k) & 1;
    }
    const double n = double(accounts.size());
    std::vector<Signal> s;
    const double dup = requests ? double(shared) / double(requests) : 0;
    s.push_back(make("near_duplicate_prompts", dup >= m_config.groupNearDupShare, dup,
                     percentText(dup) + " of " + std::to_string(requests) + " requests are in prompt families sent by " +
                         std::to_string(m_config.familyMinAccounts) + " or more accounts (agrees from " +
                         percentText(m_config.groupNearDupShare) + ")"));
    const std::vector<double> mix = meanMix(accounts);
    const double jsd = jensenShannon(mix, m_features.organicMix);
    s.push_back(make("capability_concentration", jsd >= m_config.minJsd, jsd,
                     "Jensen-Shannon divergence " + numberText(jsd, 2) + " from the organic mix (agrees from " +
                         numberText(m_config.minJsd, 2) + "); top: " + mixText(mix, 3)));
    const double timedShare = double(timed) / n;
    s.push_back(make("synchronized_timing", timedShare >= m_config.groupTimingShare, timedShare,
                     std::to_string(timed) + " of " + std::to_string(accounts.size()) + " accounts sent the same prompt family in the same " +
                         numberText(m_config.windowHours, m_config.windowHours < 1 ? 2 : 0) + "-hour window as another account at least " +
                         std::to_string(m_config.minShared) + " times with a Jaccard similarity of " +
                         numberText(m_config.minJaccard, 3) + " or more (agrees from " + percentText(m_config.groupTimingShare) + ")"));
    const double linkedShare = double(linked) / n;
    std::string kinds;
    for (int k = 0; k < kLinkKinds; ++k)
        if (kindCount[k] > 0)
            kinds += (kinds.empty() ? "" : ", ") + std::string(linkKindName(LinkKind(k))) + " " + std::to_string(kindCount[k]);
    s.push_back(make("shared_infrastructure", linkedShare >= m_config.groupInfraShare, linkedShare,
                     std::to_string(linked) + " of " + std::to_string(accounts.size()) + " accounts share an indicator with another account of the group" +
                         (kinds.empty() ? std::string() : " (accounts linked by " + kinds + ")") + " (agrees from " +
                         percentText(m_config.groupInfraShare) + ")"));
    s.push_back(pivot(group));
    const double cotShare = requests ? double(cot) / double(requests) : 0;
    s.push_back(make("cot_elicitation",
                     cotShare >= m_config.cotMinShare && cotShare >= m_config.cotMinRatio * m_features.organicCotShare, cotShare,
                     percentText(cotShare) + " of its requests ask for the reasoning to be written out (organic " +
                         percentText(m_features.organicCotShare) + "; agrees from " + percentText(m_config.cotMinShare) + " and " +
                         numberText(m_config.cotMinRatio, 1) + " times organic)"));
    const double rate = median(rates);
    const double ratio = m_features.organicMedianPerDay > 0 ? rate / m_features.organicMedianPerDay : 0;
    s.push_back(make("volume", ratio >= m_config.volumeMinRatio, ratio > 0 ? 1 - 1 / std::max(1.0, ratio) : 0,
                     "median " + numberText(rate, 1) + " requests per active day and account, " + numberText(ratio, 1) +
                         " times the organic median of " + numberText(m_features.organicMedianPerDay, 1) + " (agrees from " +
                         numberText(m_config.volumeMinRatio, 1) + " times)"));
    std::stable_sort(s.begin(), s.end(), [](const Signal& x, const Signal& y) {
        return x.agrees != y.agrees ? x.agrees : x.score > y.score;
    });
    return s;
}

std::vector<Signal> GroupSignals::accountSignals(std::int32_t a, double groupFamilyShare, std::int64_t groupFamilies) const
{
    const AccountFeatures& f = m_features.accounts[std::size_t(a)];
    std::vector<Signal> s;
    s.push_back(make("near_duplicate_prompts", true, groupFamilyShare,
                     percentText(groupFamilyShare) + " of its " + std::to_string(f.requests) + " requests are in the campaign's " +
                         std::to_string(groupFamilies) + " shared prompt families (flagged from " +
                         percentText(m_config.accountGroupFamilyShare) + ")"));
    if (m_timingDegree[std::size_t(a)] > 0)
        s.push_back(make("synchronized_timing", true, m_bestJaccard[std::size_t(a)],
                         "linked by timing to " + std::to_string(m_timingDegree[std::size_t(a)]) +
                             " accounts; closest: " + std::to_string(m_bestShared[std::size_t(a)]) + " shared (family, " +
                             numberText(m_config.windowHours, m_config.windowHours < 1 ? 2 : 0) + "-hour window) actions of its " +
                             std::to_string(m_timing.actions[std::size_t(a)]) + ", Jaccard " +
                             numberText(m_bestJaccard[std::size_t(a)], 3)));
    if (m_infra.kindsOf[std::size_t(a)] != 0) {
        std::string detail;
        std::size_t shown = 0;
        for (const std::int32_t v : m_infra.valuesOf[std::size_t(a)]) {
            const SharedValue& sv = m_infra.shared[std::size_t(v)];
            if (shown++ < 4)
                detail += (detail.empty() ? "shares " : "; ") + std::string(linkKindName(sv.kind)) + " " + sv.value.substr(0, 120) +
                          " with " + std::to_string(sv.accounts.size() - 1) + " other accounts";
        }
        if (shown > 4)
            detail += "; and " + std::to_string(shown - 4) + " more shared values";
        s.push_back(make("shared_infrastructure", true, 1, detail));
    }
    const double jsd = jensenShannon(m_features.mixOf(a), m_features.organicMix);
    if (jsd >= m_config.minJsd)
        s.push_back(make("capability_concentration", true, jsd,
                         "Jensen-Shannon divergence " + numberText(jsd, 2) + " from the organic mix; top: " +
                             mixText(m_features.mixOf(a), 2)));
    const double cotShare = f.requests ? double(f.cot) / double(f.requests) : 0;
    if (cotShare >= m_config.cotMinShare && cotShare >= m_config.cotMinRatio * m_features.organicCotShare)
        s.push_back(make("cot_elicitation", true, cotShare, percentText(cotShare) + " of its requests ask for the reasoning"));
    const double ratio = m_features.organicMedianPerDay > 0 ? f.perActiveDay() / m_features.organicMedianPerDay : 0;
    if (ratio >= m_config.volumeMinRatio)
        s.push_back(make("volume", true, 1 - 1 / ratio,
                         numberText(f.perActiveDay(), 1) + " requests per active day, " + numberText(ratio, 1) +
                             " times the organic median"));
    std::stable_sort(s.begin(), s.end(), [](const Signal& x, const Signal& y) { return x.score > y.score; });
    return s;
}

} // namespace hs::detect
