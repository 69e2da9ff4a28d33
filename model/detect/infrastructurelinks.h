// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared infrastructure: accounts that share an indicator value of a linking kind (payment
// fingerprint, IP address, /24 or /48 prefix, user agent, e-mail domain, organisation) are
// linked, and every link keeps the kind that made it. A value shared by more accounts than the
// kind's cap (DetectConfig::maxAccounts*) links nobody: one NAT address or a popular client
// would otherwise join thousands of unrelated accounts into one component. Other kinds (asn, ...)
// are not links: too coarse.

#include "detectconfig.h"
#include "detectdata.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hs::detect {

enum class LinkKind : std::uint8_t { Payment, Ip, IpPrefix, UserAgent, EmailDomain, OrgName };
inline constexpr int kLinkKinds = 6;
// Payment, address and prefix identify who pays and where requests come from: they join accounts
// into candidate groups. A user agent, an e-mail domain or an organisation name is shared by
// strangers (a popular SDK, a webmail provider, a big employer): they corroborate a group (the
// shared_infrastructure signal counts them) but never join one.
inline bool joinsGroups(LinkKind kind) { return kind == LinkKind::Payment || kind == LinkKind::Ip || kind == LinkKind::IpPrefix; }
inline constexpr std::uint8_t kJoiningKinds = 0x07; // the bits of Payment, Ip, IpPrefix
const char* linkKindName(LinkKind kind); // the indicator kind: "payment", "ip", ...

struct SharedValue
{
    LinkKind kind;
    std::string value;
    std::vector<std::int32_t> accounts; // sorted, 2..cap of them
};

struct InfrastructureResult
{
    std::vector<SharedValue> shared;              // every value that links
    std::vector<std::uint8_t> kindsOf;            // per account: bit k set when linked by LinkKind k
    std::vector<std::vector<std::int32_t>> valuesOf; // per account: indexes into `shared`
    std::int64_t ignoredOverCap = 0;              // values shared by more accounts than their cap
};

InfrastructureResult infrastructureLinks(const DetectData& data, const DetectConfig& config);

} // namespace hs::detect
