// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Find (Ctrl+F): an account reference, an indicator value (payment fingerprints included), a
// prompt family's fingerprint or a campaign name anywhere in the investigation, case-insensitive,
// as table rows the window jumps from.

#include "investigation.h"
#include "tablemodel.h"

namespace hs {

struct FindHit
{
    enum Kind { Campaign, Account, Indicator, Family } kind = Campaign;
    std::uint32_t index = 0; // campaign, account or template index (the indicator's account)
    QString kindName;        // for an indicator: its kind ("ip", "payment")
    QString value;           // what matched
};

// At most `limit` hits: campaigns first, then accounts, indicators, prompt families.
std::vector<FindHit> findInInvestigation(const Investigation& inv, const QString& text, std::size_t limit = 500);
TableData findTable(const Investigation& inv, const std::vector<FindHit>& hits);

} // namespace hs
