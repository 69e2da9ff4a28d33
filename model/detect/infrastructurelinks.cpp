// SPDX-License-Identifier: GPL-3.0-or-later
#include "infrastructurelinks.h"

#include <algorithm>
#include <map>

namespace hs::detect {

const char* linkKindName(LinkKind kind)
{
    static const char* const kNames[] = {"payment", "ip", "ip_prefix", "user_agent", "email_domain", "org_name"};
    return kNames[int(kind)];
}

InfrastructureResult infrastructureLinks(const DetectData& data, const DetectConfig& config)
{
    const int caps[kLinkKinds] = {config.maxAccountsPayment,   config.maxAccountsIp,          config.maxAccountsIpPrefix,
                                  config.maxAccountsUserAgent, config.maxAccountsEmailDomain, config.maxAccountsOrgName};
    std::map<std::pair<int, std::string>, std::vector<std::int32_t>> byValue;
    for (const DetectData::Indicator& ind : data.indicators) {
        for (int k = 0; k < kLinkKinds; ++k)
            if (ind.kind == linkKindName(LinkKind(k)) && !ind.value.empty() && caps[k] > 0)
                byValue[{k, ind.value}].push_back(ind.account);
    }
    InfrastructureResult r;
    r.kindsOf.assign(data.accountIds.size(), 0);
    r.valuesOf.resize(data.accountIds.size());
    for (auto& [key, accounts] : byValue) {
        std::sort(accounts.begin(), accounts.end());
        accounts.erase(std::unique(accounts.begin(), accounts.end()), accounts.end());
        if (accounts.size() < 2)
            continue;
        if (accounts.size() > std::size_t(caps[key.first])) {
            ++r.ignoredOverCap;
            continue;
        }
        const auto index = std::int32_t(r.shared.size());
        for (const std::int32_t a : accounts) {
            r.kindsOf[std::size_t(a)] |= std::uint8_t(1u << key.first);
            r.valuesOf[std::size_t(a)].push_back(index);
        }
        r.shared.push_back({LinkKind(key.first), key.second, std::move(accounts)});
    }
    return r;
}

} // namespace hs::detect
