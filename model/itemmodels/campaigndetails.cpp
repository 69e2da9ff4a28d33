// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaigndetails.h"

#include "textformat.h"
#include "timeline.h"
#include "timeutil.h"
#include "viewtables.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <map>

namespace hs {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("hs::CampaignDetails", text); }

const GroupFigures& figuresOf(const Analysis& a, std::uint32_t g)
{
    return g < a.campaigns.size() ? a.campaigns[g] : a.baseline;
}

} // namespace

std::vector<double> CampaignComparison::overTime(std::size_t position, std::uint32_t baselineGroup) const
{
    const std::uint32_t g = groups.at(position);
    if (g == baselineGroup)
        return timeline.baseline;
    for (const TimelineSeries& s : timeline.series)
        if (s.key == g)
            return s.values;
    return std::vector<double>(timeline.bins, 0.0);
}

CampaignComparison compareCampaigns(const Investigation& inv, const Analysis& analysis, const Selection& selection,
                                    const std::vector<std::uint32_t>& groups)
{
    CampaignComparison out;
    out.groups = groups;
    for (std::uint32_t c = 0; c < inv.capabilities.size(); ++c)
        for (std::uint32_t g : groups)
            for (const CapabilityShare& s : figuresOf(analysis, g).capabilities)
                if (s.capability == c && std::find(out.capabilities.begin(), out.capabilities.end(), c) == out.capabilities.end())
                    out.capabilities.push_back(c);
    for (std::uint32_t g : groups) {
        std::vector<double> share(out.capabilities.size(), 0.0);
        std::vector<std::uint64_t> count(out.capabilities.size(), 0);
        for (const CapabilityShare& s : figuresOf(analysis, g).capabilities) {
            const auto it = std::find(out.capabilities.begin(), out.capabilities.end(), s.capability);
            const auto i = static_cast<std::size_t>(it - out.capabilities.begin());
            share[i] = s.share;
            count[i] = s.exchanges;
        }
        out.share.push_back(std::move(share));
        out.exchanges.push_back(std::move(count));
    }
    // Only the compared groups, as the Timeline page would draw them; bins for the period shown.
    Selection only = selection;
    only.groups.assign(inv.groupCount(), false);
    for (std::uint32_t g : groups)
        if (g < only.groups.size())
            only.groups[g] = true;
    std::int64_t span = 0;
    if (selection.range)
        span = selection.range->to - selection.range->from;
    else if (!inv.aggregates.hours.empty())
        span = (inv.aggregates.hours.back().hour - inv.aggregates.hours.front().hour + 1) * 3600;
    out.timeline = computeTimeline(inv, only, binForSpan(span, 600, 4), SplitBy::Campaign, selection.range);
    return out;
}

TableData campaignDetailsTable(const Investigation& inv, const Analysis& analysis, const Selection& selection,
                               const std::vector<std::uint32_t>& groups)
{
    TableData t;
    t.headers << tr("Detail");
    t.numeric.push_back(false);
    for (std::uint32_t g : groups) {
        t.headers << groupName(inv, g);
        t.numeric.push_back(false);
    }
    const QLocale locale;
    auto row = [&](const QString& label, auto cell) {
        std::vector<QString> text{label};
        for (std::uint32_t g : groups)
            text.push_back(cell(g));
        t.sortKey.push_back(std::vector<QVariant>(text.size()));
        t.text.push_back(std::move(text));
    };
    auto campaign = [&](std::uint32_t g) -> const CampaignInfo* { return g < inv.campaigns.size() ? &inv.campaigns[g] : nullptr; };
    row(tr("Attributed to"), [&](std::uint32_t g) { return campaign(g) ? campaign(g)->attributedTo : QString(); });
    row(tr("Status"), [&](std::uint32_t g) { return campaign(g) ? campaign(g)->status : QString(); });
    row(tr("First flagged"), [&](std::uint32_t g) {
        return campaign(g) && campaign(g)->firstFlaggedAt ? shortUtc(*campaign(g)->firstFlaggedAt) : QString();
    });
    row(tr("Summary"), [&](std::uint32_t g) { return campaign(g) ? campaign(g)->summary : QString(); });
    row(tr("Exchanges"), [&](std::uint32_t g) { return locale.toString(qulonglong(figuresOf(analysis, g).exchanges)); });
    row(tr("Accounts"), [&](std::uint32_t g) { return locale.toString(qulonglong(figuresOf(analysis, g).accounts)); });
    row(tr("First seen"), [&](std::uint32_t g) {
        const auto& f = figuresOf(analysis, g).firstSeen;
        return f ? shortUtc(*f) : QString();
    });
    row(tr("Last seen"), [&](std::uint32_t g) {
        const auto& f = figuresOf(analysis, g).lastSeen;
        return f ? shortUtc(*f) : QString();
    });
    row(tr("CoT elicitation"), [&](std::uint32_t g) {
        const auto& f = figuresOf(analysis, g).cotShare;
        return f ? percent(*f, 1) : QString();
    });
    row(tr("Pivots"), [&](std::uint32_t g) {
        QStringList pivots;
        for (const PivotFigure& p : figuresOf(analysis, g).pivots)
            if (p.pivot)
                pivots << QStringLiteral("%1 → %2").arg(percent(p.share24h), inv.models[p.model].name);
        return pivots.join(QStringLiteral(", "));
    });
    // Every capability any of them used, in the investigation's order (the comparison's charts too).
    const CampaignComparison compared = compareCampaigns(inv, analysis, selection, groups);
    for (std::size_t c = 0; c < compared.capabilities.size(); ++c)
        row(tr("Capability: %1").arg(inv.capabilities[compared.capabilities[c]].name), [&](std::uint32_t g) {
            const auto at = static_cast<std::size_t>(std::find(groups.begin(), groups.end(), g) - groups.begin());
            if (compared.exchanges[at][c] == 0)
                return QString();
            return QStringLiteral("%1 (%2)").arg(percent(compared.share[at][c], 1), locale.toString(qulonglong(compared.exchanges[at][c])));
        });
    // Exchanges per week (Monday, UTC) within the selection's range, model and capability: their timelines.
    std::map<std::int64_t, std::map<std::uint32_t, std::uint64_t>> weeks;
    for (std::uint32_t g : groups)
        for (const WeekCapabilityMix& w : capabilityMixByWeek(inv, selection, g)) {
            std::uint64_t n = 0;
            for (std::size_t c = 0; c < w.perCapability.size(); ++c)
                if (!selection.capability || *selection.capability == c)
                    n += w.perCapability[c];
            weeks[w.week][g] += n;
        }
    for (const auto& [week, counts] : weeks)
        row(tr("Week of %1").arg(shortUtc(week).left(10)), [&](std::uint32_t g) {
            const auto it = counts.find(g);
            return it == counts.end() ? QString() : locale.toString(qulonglong(it->second));
        });
    return t;
}

} // namespace hs
