// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline.h"

#include "selectioncells.h"
#include "timeutil.h"

#include <algorithm>
#include <limits>
#include <span>
#include <map>

namespace hs {

namespace {
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kWeek = 7 * kDay;
constexpr std::int64_t kMondayOffset = 3 * kDay; // 1970-01-01 was a Thursday

bool cellSelected(const HourCell& c, const Selection& s)
{
    return (!s.model || c.model == *s.model) && (!s.capability || c.capability == *s.capability);
}
} // namespace

std::int64_t binSeconds(Bin bin)
{
    switch (bin) {
    case Bin::Hour: return kHour;
    case Bin::Day: return kDay;
    case Bin::Week: return kWeek;
    }
    return kHour;
}

QString binName(Bin bin)
{
    switch (bin) {
    case Bin::Hour: return QStringLiteral("hour");
    case Bin::Day: return QStringLiteral("day");
    case Bin::Week: return QStringLiteral("week");
    }
    return {};
}

Bin binForSpan(std::int64_t span, int pixels, int minPixels)
{
    const double perPixel = double(std::max<std::int64_t>(span, 1)) / std::max(pixels, 1);
    if (perPixel * minPixels <= double(kHour))
        return Bin::Hour;
    if (perPixel * minPixels <= double(kDay))
        return Bin::Day;
    return Bin::Week;
}

std::int64_t binStart(std::int64_t t, Bin bin)
{
    // t less its place in the bin, both computed without leaving int64 (t may be any value); a
    // start before the smallest int64 is clamped to it.
    const std::int64_t size = binSeconds(bin);
    std::int64_t place = t % size; // C++ remainder: -size < place < size
    if (bin == Bin::Week)
        place = (place + kMondayOffset) % size;
    if (place < 0)
        place += size;
    if (t < std::numeric_limits<std::int64_t>::min() + place)
        return std::numeric_limits<std::int64_t>::min();
    return t - place;
}

TimelineData computeTimeline(const Investigation& inv, const Selection& s, Bin bin, SplitBy split,
                             std::optional<TimeRange> window)
{
    TimelineData data;
    data.bin = bin;
    const SelectedHourCells selected = selectedHourCells(inv, s);
    auto cells = selected.cells();
    if (window) { // a window may come from a case file: within the times evidence can hold
        window->from = std::clamp(window->from, kMinTime, kMaxTime + 1);
        window->to = std::clamp(window->to, kMinTime, kMaxTime + 1);
    }
    if (window) { // cells are sorted by hour: the window's cells are one run
        auto hourOf = [](const HourCell& c, std::int64_t h) { return c.hour < h; };
        const auto lo = std::lower_bound(cells.begin(), cells.end(), floorDiv(window->from, kHour), hourOf);
        const auto hi = std::lower_bound(lo, cells.end(), floorDiv(window->to - 1, kHour) + 1, hourOf);
        cells = cells.subspan(static_cast<std::size_t>(lo - cells.begin()), static_cast<std::size_t>(hi - lo));
    }
    if (cells.empty() || (window && window->to <= window->from))
        return data;
    // Times are within kMinTime..kMaxTime (validated on load), so these products fit.
    const std::int64_t from = window ? window->from : cells.front().hour * kHour;
    const std::int64_t to = window ? window->to - 1 : cells.back().hour * kHour;
    for (;;) {
        data.first = binStart(from, bin);
        const auto bins = static_cast<std::uint64_t>((binStart(to, bin) - data.first) / binSeconds(bin)) + 1;
        if (bins <= kMaxTimelineBins || bin == Bin::Week) {
            data.bins = static_cast<std::size_t>(std::min<std::uint64_t>(bins, kMaxTimelineBins));
            break;
        }
        bin = bin == Bin::Hour ? Bin::Day : Bin::Week;
    }
    data.bin = bin;
    const std::int64_t size = binSeconds(bin);
    data.baseline.assign(data.bins, 0);

    const std::uint32_t baseline = inv.baselineGroup();
    std::map<std::uint32_t, std::size_t> seriesOf; // key -> index into data.series
    for (const HourCell& c : cells) {
        if (!cellSelected(c, s))
            continue;
        const auto i = static_cast<std::size_t>((binStart(c.hour * kHour, bin) - data.first) / size);
        if (i >= data.bins)
            continue; // past the last bin kMaxTimelineBins allows
        if (c.group == baseline) {
            data.baseline[i] += c.exchanges;
            continue;
        }
        if (!s.hasGroup(c.group))
            continue;
        const std::uint32_t key = split == SplitBy::Model ? c.model : c.group;
        auto [it, added] = seriesOf.try_emplace(key, data.series.size());
        if (added) {
            TimelineSeries series;
            series.key = key;
            series.name = split == SplitBy::Campaign ? inv.campaigns[key].name
                          : key < inv.models.size()  ? inv.models[key].name
                                                     : QStringLiteral("(unknown model)");
            series.values.assign(data.bins, 0);
            data.series.push_back(std::move(series));
        }
        TimelineSeries& series = data.series[it->second];
        series.values[i] += c.exchanges;
        series.total += c.exchanges;
    }
    // Models in release order, campaigns in file order: stable colours and legend order.
    std::sort(data.series.begin(), data.series.end(), [&](const TimelineSeries& a, const TimelineSeries& b) {
        if (split == SplitBy::Model && a.key < inv.models.size() && b.key < inv.models.size())
            return std::tie(inv.models[a.key].releasedAt, a.key) < std::tie(inv.models[b.key].releasedAt, b.key);
        return a.key < b.key;
    });
    return data;
}

std::vector<GroupCapabilityMix> capabilityMix(const Investigation& inv, const Selection& s)
{
    std::vector<GroupCapabilityMix> mix(inv.groupCount());
    for (std::uint32_t g = 0; g < mix.size(); ++g) {
        mix[g].group = g;
        mix[g].perCapability.assign(inv.capabilities.size(), 0);
    }
    const SelectedHourCells selected = selectedHourCells(inv, s);
    for (const HourCell& c : selected.cells()) {
        if (s.model && c.model != *s.model)
            continue;
        // A range covers whole hours: an hour counts when its start lies in the range.
        if (s.range && !s.range->contains(c.hour * kHour))
            continue;
        mix[c.group].exchanges += c.exchanges;
        mix[c.group].perCapability[c.capability] += c.exchanges;
    }
    return mix;
}

std::uint32_t largestSelectedCampaign(const Investigation& inv, const Selection& s,
                                      const std::vector<GroupCapabilityMix>& mix)
{
    std::uint32_t best = inv.baselineGroup();
    std::uint64_t most = 0;
    for (std::uint32_t g = 0; g < inv.campaigns.size() && g < mix.size(); ++g)
        if (s.hasGroup(g) && mix[g].exchanges > most) {
            best = g;
            most = mix[g].exchanges;
        }
    return best;
}

std::vector<WeekCapabilityMix> capabilityMixByWeek(const Investigation& inv, const Selection& s, std::uint32_t group)
{
    std::map<std::int64_t, std::vector<std::uint64_t>> weeks;
    const SelectedHourCells selected = selectedHourCells(inv, s);
    for (const HourCell& c : selected.cells()) {
        if (c.group != group || (s.model && c.model != *s.model) || (s.range && !s.range->contains(c.hour * kHour)))
            continue;
        auto& counts = weeks[binStart(c.hour * kHour, Bin::Week)];
        counts.resize(inv.capabilities.size());
        counts[c.capability] += c.exchanges;
    }
    std::vector<WeekCapabilityMix> out;
    for (auto& [week, counts] : weeks)
        out.push_back({week, std::move(counts)});
    return out;
}

} // namespace hs
