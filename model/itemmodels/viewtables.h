// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Table contents of the Accounts & infrastructure view, built from model/ figures.

#include "infrastructure.h"
#include "selection.h"
#include "selectionfigures.h"
#include "tablemodel.h"

namespace hs {

// Each account's indicators as one line ("[ip 203.0.113.7] [payment pm_…]"), by account index:
// the accounts table shows them, so filtering it by an indicator value finds the accounts, and by
// indicatorText() exactly those sharing it ("[ip 10.0.0.1]" does not match 10.0.0.12).
QString indicatorText(const QString& kind, const QString& value);
std::vector<QString> accountIndicatorText(const Investigation& inv);

// Accounts of the selected groups; with a time range, model or capability only those active in it.
// Columns: the account, its activity in the selection, its created and status-changed times (empty
// where the evidence has none), its payment fingerprint and indicators.
enum AccountsColumn { AccountRef, AccountCampaign, AccountCluster, AccountCountry, AccountAccessPath, AccountStatus,
                      AccountExchanges, AccountFirstSeen, AccountLastSeen, AccountCreated, AccountStatusChanged,
                      AccountPayment, AccountIndicators };
TableData accountsTable(const Investigation& inv, const Selection& selection, const SelectionFigures& figures,
                        const std::vector<QString>* indicatorText = nullptr);
// With a mask (selectedAccounts()), only the accounts of the selection count.
TableData clustersTable(const Investigation& inv, const AccountMask* include = nullptr);
// Every account sharing each indicator, listed in full (column "Account references").
TableData linkedAccountsTable(const Investigation& inv, const std::vector<IndicatorGroup>& groups,
                              std::size_t maxGroups = 2000);
TableData linkedAccountsTable(const Investigation& inv, std::size_t maxGroups = 2000);
constexpr int kLinkedKindColumn = 0;
constexpr int kLinkedValueColumn = 1;
constexpr int kLinkedAccountsColumn = 5;
// Share of each group's (included) accounts per access path or country; the baseline always shown.
// `values`, when given, is attributeValues() of the same attribute (computed once per file).
TableData attributeMixTable(const Investigation& inv, const Selection& selection, bool countries,
                            const AccountMask* include = nullptr, const AttributeValues* values = nullptr);
// Prompt families of the selected groups within the selection, most used first.
TableData familiesTable(const Investigation& inv, const Selection& selection, const SelectionFigures& figures);

// How concentrated each selected group's traffic is in its prompt families.
TableData repetitionTable(const Investigation& inv, const Selection& selection, const SelectionFigures& figures);

QString groupName(const Investigation& inv, std::uint32_t group);

} // namespace hs
