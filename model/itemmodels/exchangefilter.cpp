// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchangefilter.h"

#include <algorithm>

namespace hs {

std::shared_ptr<const std::vector<std::uint32_t>> filterExchanges(const Investigation& inv,
                                                                  const std::vector<std::uint32_t>& positions,
                                                                  const ExchangeFilter& f, const std::atomic<bool>* cancel)
{
    auto out = std::make_shared<std::vector<std::uint32_t>>();
    if (!inv.columns)
        return out;
    const ExchangeColumns& c = *inv.columns;
    auto stop = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
    for (std::size_t n = 0; n < positions.size(); ++n) {
        if ((n & 0xfffff) == 0 && stop())
            return nullptr;
        const std::uint32_t i = positions[n];
        const std::uint32_t account = c.account[i];
        const std::uint16_t kind = c.kind[i];
        if ((f.account && account != *f.account) || (f.group && inv.accounts[account].group != *f.group) ||
            (f.model && kindModel(kind) != *f.model) || (f.capability && kindCapability(kind) != *f.capability) ||
            (f.tmpl && c.tmpl[i] != *f.tmpl) || (f.range && !f.range->contains(c.ts[i])))
            continue;
        out->push_back(i);
    }
    if (f.byTime) {
        if (stop())
            return nullptr;
        // Positions are in id order, so ties keep it.
        std::stable_sort(out->begin(), out->end(), [&c](std::uint32_t a, std::uint32_t b) { return c.ts[a] < c.ts[b]; });
    }
    return out;
}

std::size_t firstRowAtOrAfter(const Investigation& inv, const std::vector<std::uint32_t>& byTime, std::int64_t t)
{
    if (!inv.columns)
        return 0;
    const ExchangeColumns& c = *inv.columns;
    const auto it = std::lower_bound(byTime.begin(), byTime.end(), t,
                                     [&c](std::uint32_t position, std::int64_t time) { return std::int64_t(c.ts[position]) < time; });
    return static_cast<std::size_t>(it - byTime.begin());
}

} // namespace hs
