// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectionfigures.h"

#include "job.h"
#include "selectioncells.h"

#include <algorithm>

namespace hs {
namespace {

// One slice [begin, end) of the columns into `out` (whose vectors are sized by the caller).
void fromColumns(const Investigation& inv, const Selection& s, const std::atomic<bool>* cancel, SelectionFigures& out,
                 std::size_t begin, std::size_t end)
{
    const ExchangeColumns& c = *inv.columns;
    const std::uint64_t templates = std::max<std::size_t>(1, inv.templates.size());
    std::vector<std::uint64_t> families(inv.groupCount() * templates, 0);
    const std::size_t capabilities = inv.capabilities.size();
    const std::int64_t from = s.range ? s.range->from : std::numeric_limits<std::int64_t>::min();
    const std::int64_t to = s.range ? s.range->to : std::numeric_limits<std::int64_t>::max();
    for (std::size_t i = begin; i < end;) {
        const std::size_t block = i / ExchangeColumns::kTsBlock;
        const std::size_t stop = std::min(end, (block + 1) * ExchangeColumns::kTsBlock);
        if (!c.blockMayHold(block, from, to)) {
            i = stop;
            continue;
        }
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            out.cancelled = true;
            return;
        }
        for (; i < stop; ++i) {
            const std::int64_t ts = c.ts[i];
            if (ts < from || ts >= to)
                continue;
            const std::uint16_t kind = c.kind[i];
            if ((s.model && kindModel(kind) != *s.model) || (s.capability && kindCapability(kind) != *s.capability))
                continue;
            const std::uint32_t account = c.account[i];
            if (s.account && account != *s.account)
                continue;
            AccountTotals& a = out.accounts[account];
            ++a.exchanges;
            a.first = std::min(a.first, ts);
            a.last = std::max(a.last, ts);
            const std::uint32_t group = inv.accounts[account].group;
            ++out.groupExchanges[group];
            out.groupCot[group] += kindCot(kind) ? 1 : 0;
            ++out.groupCapabilities[group * capabilities + kindCapability(kind)];
            if (s.hasGroup(group))
                out.matches->push_back(static_cast<std::uint32_t>(i));
            if (c.tmpl[i] != kNoTemplate)
                ++families[group * templates + c.tmpl[i]];
        }
    }
    for (std::size_t i = 0; i < families.size(); ++i)
        if (families[i])
            out.families[{static_cast<std::uint32_t>(i / templates), static_cast<std::uint32_t>(i % templates)}] = families[i];
}

// Both cores (through the pool): the columns in two halves, then the halves merged (in order, for
// the matches).
void fromColumnsParallel(const Investigation& inv, const Selection& s, const std::atomic<bool>* cancel, SelectionFigures& out)
{
    const std::size_t size = inv.columns->size;
    SelectionFigures second;
    second.accounts.resize(inv.accounts.size());
    second.groupExchanges.assign(inv.groupCount(), 0);
    second.groupCot.assign(inv.groupCount(), 0);
    second.groupCapabilities.assign(out.groupCapabilities.size(), 0);
    runInParallel(2, [&](std::size_t half) {
        if (half == 0)
            fromColumns(inv, s, cancel, out, 0, size / 2);
        else
            fromColumns(inv, s, cancel, second, size / 2, size);
    });
    out.cancelled = out.cancelled || second.cancelled;
    for (std::size_t a = 0; a < out.accounts.size(); ++a) {
        const AccountTotals& b = second.accounts[a];
        out.accounts[a].exchanges += b.exchanges;
        out.accounts[a].first = std::min(out.accounts[a].first, b.first);
        out.accounts[a].last = std::max(out.accounts[a].last, b.last);
    }
    for (std::size_t g = 0; g < out.groupExchanges.size(); ++g) {
        out.groupExchanges[g] += second.groupExchanges[g];
        out.groupCot[g] += second.groupCot[g];
    }
    for (std::size_t i = 0; i < out.groupCapabilities.size(); ++i)
        out.groupCapabilities[i] += second.groupCapabilities[i];
    for (const auto& [key, count] : second.families)
        out.families[key] += count;
    out.matches->insert(out.matches->end(), second.matches->begin(), second.matches->end());
}

// Without columns: groups' traffic from hour cells (an hour counts when its start lies in the
// range), accounts and families from whole days overlapping the range (model and capability not
// applied); first/last seen stay the accounts' overall ones.
void fromAggregates(const Investigation& inv, const Selection& s, SelectionFigures& out)
{
    out.exact = !s.range && !s.model && !s.capability && !s.account;
    const std::size_t capabilities = inv.capabilities.size();
    const SelectedHourCells selected = selectedHourCells(inv, s);
    for (const HourCell& c : selected.cells()) {
        if ((s.range && !s.range->contains(c.hour * 3600)) || (s.model && c.model != *s.model) ||
            (s.capability && c.capability != *s.capability))
            continue;
        out.groupExchanges[c.group] += c.exchanges;
        out.groupCot[c.group] += c.cot;
        out.groupCapabilities[c.group * capabilities + c.capability] += c.exchanges;
    }
    const std::int64_t fromDay = s.range ? floorDiv(s.range->from, 86400) : std::numeric_limits<std::int64_t>::min();
    const std::int64_t toDay = s.range ? floorDiv(s.range->to - 1, 86400) : std::numeric_limits<std::int64_t>::max();
    for (const DayAccountCell& d : inv.aggregates.dayAccounts) {
        if (d.day < fromDay || d.day > toDay || (s.account && d.account != *s.account))
            continue;
        AccountTotals& a = out.accounts[d.account];
        a.exchanges += d.exchanges;
        a.first = inv.aggregates.accounts[d.account].first;
        a.last = inv.aggregates.accounts[d.account].last;
    }
    // Day cells of families have no account: with an account filter its group's families stand.
    for (const DayTemplateCell& d : inv.aggregates.dayTemplates)
        if (d.day >= fromDay && d.day <= toDay && (!s.account || d.group == inv.accounts[*s.account].group))
            out.families[{d.group, d.tmpl}] += d.exchanges;
}

} // namespace

SelectionFigures computeSelectionFigures(const Investigation& inv, const Selection& s, const std::atomic<bool>* cancel)
{
    SelectionFigures out;
    out.selection = s;
    out.accounts.resize(inv.accounts.size());
    out.groupExchanges.assign(inv.groupCount(), 0);
    out.groupCot.assign(inv.groupCount(), 0);
    out.groupCapabilities.assign(std::size_t(inv.groupCount()) * inv.capabilities.size(), 0);
    if (inv.columns)
        fromColumnsParallel(inv, s, cancel, out);
    else
        fromAggregates(inv, s, out);
    return out;
}

} // namespace hs
