// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectioncells.h"

#include <map>
#include <mutex>
#include <tuple>

namespace hs {
namespace {

constexpr std::int64_t kHour = 3600;

std::vector<HourCell> accountCells(const Investigation& inv, std::uint32_t account)
{
    const std::uint32_t group = inv.accounts[account].group;
    std::map<std::tuple<std::int64_t, std::uint32_t, std::uint32_t>, HourCell> cells; // (hour, model, capability)
    auto add = [&](std::int64_t hour, std::uint32_t model, std::uint32_t capability, std::uint32_t n, std::uint32_t cot) {
        HourCell& c = cells[{hour, model, capability}];
        c = {hour, group, model, capability, c.exchanges + n, c.cot + cot};
    };
    if (inv.columns) {
        const ExchangeColumns& c = *inv.columns;
        for (std::size_t i = 0; i < c.size; ++i)
            if (c.account[i] == account) {
                const std::uint16_t kind = c.kind[i];
                add(floorDiv(std::int64_t(c.ts[i]), kHour), kindModel(kind), kindCapability(kind), 1, kindCot(kind) ? 1 : 0);
            }
    } else {
        const auto unknownModel = static_cast<std::uint32_t>(inv.models.size());
        const auto unclassified = static_cast<std::uint32_t>(inv.capabilities.empty() ? 0 : inv.capabilities.size() - 1);
        for (const DayAccountCell& d : inv.aggregates.dayAccounts)
            if (d.account == account)
                add(d.day * 24, unknownModel, unclassified, d.exchanges, 0);
    }
    std::vector<HourCell> out;
    out.reserve(cells.size());
    for (const auto& [key, cell] : cells)
        out.push_back(cell);
    return out;
}

// The last account's cells, by the columns they came from: a weak pointer, so the cache never
// keeps a closed investigation's columns, and a new investigation's columns never match it.
struct LastAccount
{
    std::mutex mutex;
    std::weak_ptr<const ExchangeColumns> columns;
    std::uint32_t account = kNoIndex;
    std::shared_ptr<const std::vector<HourCell>> cells;
};

LastAccount& lastAccount()
{
    static LastAccount last;
    return last;
}

bool sameColumns(const std::weak_ptr<const ExchangeColumns>& a, const std::shared_ptr<const ExchangeColumns>& b)
{
    return !a.expired() && !a.owner_before(b) && !b.owner_before(a);
}

} // namespace

SelectedHourCells selectedHourCells(const Investigation& inv, const Selection& s)
{
    if (!s.account)
        return SelectedHourCells(std::span<const HourCell>(inv.aggregates.hours));
    if (*s.account >= inv.accounts.size() || inv.accounts[*s.account].group == kNoIndex)
        return SelectedHourCells(std::make_shared<const std::vector<HourCell>>());
    if (!inv.columns) // day cells: a short pass, nothing to keep
        return SelectedHourCells(std::make_shared<const std::vector<HourCell>>(accountCells(inv, *s.account)));
    LastAccount& last = lastAccount();
    {
        const std::lock_guard lock(last.mutex);
        if (last.account == *s.account && sameColumns(last.columns, inv.columns))
            return SelectedHourCells(last.cells);
    }
    auto cells = std::make_shared<const std::vector<HourCell>>(accountCells(inv, *s.account));
    const std::lock_guard lock(last.mutex);
    last.columns = inv.columns;
    last.account = *s.account;
    last.cells = cells;
    return SelectedHourCells(std::move(cells));
}

} // namespace hs
