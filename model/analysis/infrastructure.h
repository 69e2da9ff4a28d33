// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared infrastructure: what each cluster mixes, which accounts are linked by a shared indicator,
// and the access paths and countries each group uses (evasion of regional restrictions shows as a
// mix unlike the baseline's).

#include "investigation.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace hs {

struct ClusterSummary
{
    std::uint32_t cluster = 0;
    std::uint64_t accounts = 0;
    std::uint64_t campaignAccounts = 0;
    std::uint64_t baselineAccounts = 0;
    std::vector<std::uint32_t> campaigns; // campaign indexes with accounts here
};

struct IndicatorGroup
{
    QString kind;
    QString value;
    std::vector<std::uint32_t> accounts;  // two or more
    std::vector<std::uint32_t> campaigns; // campaign indexes among them
    std::uint64_t baselineAccounts = 0;
};

// Share of a group's accounts per value of one account attribute ("reseller", "SG", ...).
struct AttributeMix
{
    QStringList values;                     // most used first over all groups; "(none)" for empty
    std::vector<std::vector<double>> share; // [group][value], fractions of the group's accounts
};

std::vector<ClusterSummary> clusterSummaries(const Investigation& inv); // most accounts first
// Indicator values shared by at least two accounts, largest groups first.
std::vector<IndicatorGroup> indicatorGroups(const Investigation& inv);
enum class AccountAttribute { AccessPath, Country };
AttributeMix attributeMix(const Investigation& inv, AccountAttribute attribute);

} // namespace hs
