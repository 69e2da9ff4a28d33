// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Figures of the current selection that hour aggregates cannot give: each account's activity and
// each group's prompt families within a time range, for one model or one capability. Exact from
// the exchange columns in one pass; without columns, approximated from aggregates (and said):
// group traffic from hour cells (model and capability exact, the range in whole hours: an hour
// counts when its start lies in it), accounts and families from day cells (whole UTC days).

#include "investigation.h"
#include "selection.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

namespace hs {

struct Analysis;
struct TableData;

struct SelectionFigures
{
    Selection selection; // what these figures are of
    bool exact = true;   // false: whole UTC days around the range, model/capability not applied
    bool cancelled = false;
    std::vector<AccountTotals> accounts;              // per account index, within the selection
    std::vector<std::uint64_t> groupExchanges;        // per group, within the selection
    std::vector<std::uint64_t> groupCot;              // per group: of which asked for written-out reasoning
    std::vector<std::uint64_t> groupCapabilities;     // [group * capabilities + capability]
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t> families; // (group, template) -> exchanges
    // Column positions of the selection's exchanges (its groups too), in id order; shared with the
    // exchanges view.
    std::shared_ptr<std::vector<std::uint32_t>> matches = std::make_shared<std::vector<std::uint32_t>>();
    // The views' tables, built on the worker too, so the GUI thread only swaps them in.
    std::shared_ptr<const TableData> accountsTable, familiesTable, repetitionTable;
    // The Overview's figures and the Accounts page's other tables within the selection
    // (selectionanalysis.h); the types are opaque here, filled by the selection job.
    std::shared_ptr<const Analysis> analysis;
    std::shared_ptr<const TableData> clustersTable, linkedTable, accessPathsTable, countriesTable;

    bool filtered() const { return selection.range || selection.model || selection.capability || selection.account; }
};

// The selection's groups do not filter: every group's figures are computed, views pick theirs.
SelectionFigures computeSelectionFigures(const Investigation& inv, const Selection& selection,
                                         const std::atomic<bool>* cancel = nullptr);

} // namespace hs
