// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Table contents of the Accounts & infrastructure view, built from model/ figures.

#include "selection.h"
#include "selectionfigures.h"
#include "tablemodel.h"

namespace hs {

// Accounts of the selected groups; with a time range, model or capability only those active in it.
TableData accountsTable(const Investigation& inv, const Selection& selection, const SelectionFigures& figures);
TableData clustersTable(const Investigation& inv);
TableData linkedAccountsTable(const Investigation& inv, std::size_t maxGroups = 2000);
TableData attributeMixTable(const Investigation& inv, const Selection& selection, bool countries);
// Prompt families of the selected groups within the selection, most used first.
TableData familiesTable(const Investigation& inv, const Selection& selection, const SelectionFigures& figures);

// How concentrated each selected group's traffic is in its prompt families.
TableData repetitionTable(const Investigation& inv, const Selection& selection, const SelectionFigures& figures);

QString groupName(const Investigation& inv, std::uint32_t group);

} // namespace hs
