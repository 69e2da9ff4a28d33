// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the Network page says about one account when it is clicked: its row of the accounts
// table, its indicators and its replacement chain, as plain text (attacker-written values are
// isolated for display, never markup).

#include "networkgraph.h"

#include <QString>

namespace hs {

QString accountDetails(const Investigation& inv, const NetworkGraph& graph, std::uint32_t node);
// "Payment 12 · IP 3 · ..." for a cluster: its accounts, bans, replacements and campaigns.
QString clusterDetails(const Investigation& inv, const NetworkGraph& graph, std::uint32_t cluster);

} // namespace hs
