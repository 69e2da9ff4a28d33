// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountfeatures.h"

#include <algorithm>
#include <cmath>

namespace hs::detect {

namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

} // namespace

double median(std::vector<double>& values)
{
    if (values.empty())
        return 0;
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(mid), values.end());
    double m = values[mid];
    if (values.size() % 2 == 0)
        m = (m + *std::max_element(values.begin(), values.begin() + std::ptrdiff_t(mid))) / 2;
    return m;
}

double jensenShannon(const std::vector<double>& p, const std::vector<double>& q)
{
    double d = 0;
    for (std::size_t i = 0; i < p.size() && i < q.size(); ++i) {
        const double m = (p[i] + q[i]) / 2;
        if (p[i] > 0)
            d += 0.5 * p[i] * std::log2(p[i] / m);
        if (q[i] > 0)
            d += 0.5 * q[i] * std::log2(q[i] / m);
    }
    return std::clamp(d, 0.0, 1.0);
}

std::vector<double> Features::mixOf(std::int32_t account) const
{
    std::vector<double> mix(capabilities, 0);
    const auto& a = accounts[std::size_t(account)];
    for (std::size_t c = 0; c < capabilities && a.requests > 0; ++c)
        mix[c] = double(capabilityCounts[std::size_t(account) * capabilities + c]) / double(a.requests);
    return mix;
}

Features computeFeatures(const DetectData& data, const DetectConfig& config)
{
    Features f;
    const std::size_t n = data.ts.size();
    f.accounts.resize(data.accountIds.size());
    f.capabilities = data.capabilityNames.size();
    f.capabilityCounts.assign(f.accounts.size() * f.capabilities, 0);
    f.familyAccounts.assign(data.templateIds.size(), 0);

    // Distinct (family, account) and (account, day) pairs by sorting packed keys.
    std::vector<std::uint64_t> keys;
    keys.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        if (data.family[i] >= 0)
            keys.push_back(std::uint64_t(data.family[i]) << 32 | std::uint32_t(data.account[i]));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const std::uint64_t k : keys)
        ++f.familyAccounts[k >> 32];
    keys.clear();
    for (std::size_t i = 0; i < n; ++i)
        keys.push_back(std::uint64_t(std::uint32_t(data.account[i])) << 32 | std::uint32_t(floorDiv(data.ts[i], kDay) & 0xffffffff));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const std::uint64_t k : keys)
        ++f.accounts[k >> 32].activeDays;
    keys = {};

    for (std::size_t i = 0; i < n; ++i) {
        AccountFeatures& a = f.accounts[std::size_t(data.account[i])];
        const std::int64_t t = data.ts[i];
        if (a.requests == 0 || t < a.firstTs)
            a.firstTs = t;
        if (a.requests == 0 || t > a.lastTs)
            a.lastTs = t;
        ++a.requests;
        a.cot += data.cot[i];
        if (data.family[i] >= 0 && f.familyAccounts[std::size_t(data.family[i])] >= config.familyMinAccounts)
            ++a.sharedFamilyRequests;
        ++f.capabilityCounts[std::size_t(data.account[i]) * f.capabilities + data.capability[i]];
    }

    // The organic reference (see the header).
    f.organic.assign(f.accounts.size(), 0);
    for (std::size_t a = 0; a < f.accounts.size(); ++a)
        f.organic[a] = f.accounts[a].requests > 0 && f.accounts[a].nearDupShare() < config.groupNearDupShare;
    f.organicAccounts = std::count(f.organic.begin(), f.organic.end(), 1);
    if (f.organicAccounts == 0) {
        f.organicIsEverything = true;
        for (std::size_t a = 0; a < f.accounts.size(); ++a)
            f.organic[a] = f.accounts[a].requests > 0;
        f.organicAccounts = std::count(f.organic.begin(), f.organic.end(), 1);
    }
    f.organicMix.assign(f.capabilities, 0);
    double total = 0, cot = 0;
    std::vector<double> rates;
    for (std::size_t a = 0; a < f.accounts.size(); ++a) {
        if (!f.organic[a])
            continue;
        for (std::size_t c = 0; c < f.capabilities; ++c)
            f.organicMix[c] += f.capabilityCounts[a * f.capabilities + c];
        total += double(f.accounts[a].requests);
        cot += double(f.accounts[a].cot);
        rates.push_back(f.accounts[a].perActiveDay());
    }
    for (double& v : f.organicMix)
        v = total > 0 ? v / total : 0;
    f.organicCotShare = total > 0 ? cot / total : 0;
    f.organicMedianPerDay = median(rates);
    return f;
}

} // namespace hs::detect
