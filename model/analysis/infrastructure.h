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
    std::vector<std::uint64_t> groupAccounts; // [group] the accounts counted
};

// `include`, when given, names the accounts (by index) to count: those of a selection
// (selectionanalysis.h); without it every account counts.
using AccountMask = std::vector<bool>;
// Most accounts first; with a mask, clusters without an included account are left out.
std::vector<ClusterSummary> clusterSummaries(const Investigation& inv, const AccountMask* include = nullptr);
// Indicator values shared by at least two (included) accounts, largest groups first.
std::vector<IndicatorGroup> indicatorGroups(const Investigation& inv, const AccountMask* include = nullptr);
// The groups of all indicators narrowed to the included accounts (cheaper than grouping again).
std::vector<IndicatorGroup> narrowIndicatorGroups(const Investigation& inv, const std::vector<IndicatorGroup>& all,
                                                  const AccountMask& include);
enum class AccountAttribute { AccessPath, Country };
// Each account's value of one attribute as an index into `values` ("(none)" for an empty one):
// the texts hashed once per investigation, not once per account at every selection.
struct AttributeValues
{
    QStringList values;
    std::vector<std::uint32_t> ofAccount; // per account index
};
AttributeValues attributeValues(const Investigation& inv, AccountAttribute attribute);
AttributeMix attributeMix(const Investigation& inv, const AttributeValues& values, const AccountMask* include = nullptr);
AttributeMix attributeMix(const Investigation& inv, AccountAttribute attribute, const AccountMask* include = nullptr);

} // namespace hs
