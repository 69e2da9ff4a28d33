// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Traffic over time for the current selection, binned by hour, day or week (UTC), computed from
// the hourly aggregate cells. Also the capability mix of each group within the selection.

#include "investigation.h"
#include "selection.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace hs {

enum class Bin { Hour, Day, Week };
std::int64_t binSeconds(Bin bin);
QString binName(Bin bin); // "hour", "day", "week"
// The finest bin that keeps at least `minPixels` per bin for `span` seconds over `pixels`.
Bin binForSpan(std::int64_t span, int pixels, int minPixels = 3);
// Start (Unix seconds) of the bin holding t; weeks start on Monday 00:00 UTC.
std::int64_t binStart(std::int64_t t, Bin bin);

enum class SplitBy { Model, Campaign };

struct TimelineSeries
{
    std::uint32_t key = 0; // model index or group index
    QString name;
    std::vector<double> values; // one per bin
    double total = 0;
};

struct TimelineData
{
    Bin bin = Bin::Hour;
    std::int64_t first = 0;         // start of the first bin
    std::size_t bins = 0;
    std::vector<TimelineSeries> series; // the selected campaigns' traffic, split as asked
    std::vector<double> baseline;       // the baseline's traffic with the same model/capability filters
    std::int64_t start(std::size_t i) const { return first + static_cast<std::int64_t>(i) * binSeconds(bin); }
    bool empty() const { return bins == 0; }
};

// The selection's groups, model, capability and account filter the traffic; its time range does not
// (the timeline always spans the investigation and shows the range as a band). With a window,
// bins cover only [window.from, window.to) (a report's campaign). Bins never number more than
// kMaxBins: when the asked bin would need more (far-apart timestamps), the next coarser one is
// used, and data.bin says which.
constexpr std::size_t kMaxTimelineBins = std::size_t(1) << 20;
TimelineData computeTimeline(const Investigation& inv, const Selection& selection, Bin bin, SplitBy split,
                             std::optional<TimeRange> window = std::nullopt);

struct GroupCapabilityMix
{
    std::uint32_t group = 0;
    std::uint64_t exchanges = 0;
    std::vector<std::uint64_t> perCapability; // indexed by capability
};

// Each group's exchanges per capability within the selection's range (whole hours) and model.
// The capability filter does not apply: the mix is what a capability is compared within.
std::vector<GroupCapabilityMix> capabilityMix(const Investigation& inv, const Selection& selection);

// The selected campaign with the most exchanges in `mix` (the default of "over time"); the
// baseline when no selected campaign has traffic in it.
std::uint32_t largestSelectedCampaign(const Investigation& inv, const Selection& selection,
                                      const std::vector<GroupCapabilityMix>& mix);

// One group's capability mix per week (Monday 00:00 UTC), within the selection's range (whole
// hours, as capabilityMix) and model: the weeks with traffic, in order.
struct WeekCapabilityMix
{
    std::int64_t week = 0; // its Monday, Unix seconds
    std::vector<std::uint64_t> perCapability;
};
std::vector<WeekCapabilityMix> capabilityMixByWeek(const Investigation& inv, const Selection& selection,
                                                   std::uint32_t group);

} // namespace hs
