// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedviews.h"

namespace hs {

SavedView savedViewFromSelection(const Investigation& inv, const Selection& selection, const QString& name,
                                 PageId page)
{
    SavedView v;
    v.name = name;
    v.page = page;
    v.allGroups = selection.groups.empty();
    for (std::uint32_t g = 0; g < inv.campaigns.size(); ++g)
        if (!v.allGroups && selection.hasGroup(g))
            v.campaignIds.push_back(inv.campaigns[g].id);
    v.baseline = selection.hasGroup(inv.baselineGroup());
    if (selection.range) {
        v.from = selection.range->from;
        v.to = selection.range->to;
    }
    if (selection.model && *selection.model < inv.models.size())
        v.modelId = inv.models[*selection.model].id;
    if (selection.capability && *selection.capability < inv.capabilities.size()
        && !inv.capabilities[*selection.capability].implicit)
        v.capabilityId = inv.capabilities[*selection.capability].id;
    return v;
}

Selection selectionFromSavedView(const Investigation& inv, const SavedView& view, QStringList* warnings)
{
    auto warn = [warnings](const QString& text) {
        if (warnings)
            *warnings << text;
    };
    Selection s;
    if (!view.allGroups) {
        s.groups.assign(inv.groupCount(), false);
        for (std::int64_t id : view.campaignIds) {
            const std::uint32_t g = inv.campaignIndex(id);
            if (g == kNoIndex)
                warn(QStringLiteral("campaign %1 is not in this evidence").arg(id));
            else
                s.groups[g] = true;
        }
        s.groups[inv.baselineGroup()] = view.baseline;
    }
    if (view.from && view.to && *view.to > *view.from)
        s.range = TimeRange{*view.from, *view.to};
    if (view.modelId) {
        for (std::uint32_t m = 0; m < inv.models.size(); ++m)
            if (inv.models[m].id == *view.modelId)
                s.model = m;
        if (!s.model)
            warn(QStringLiteral("model %1 is not in this evidence").arg(*view.modelId));
    }
    if (view.capabilityId) {
        for (std::uint32_t c = 0; c < inv.capabilities.size(); ++c)
            if (!inv.capabilities[c].implicit && inv.capabilities[c].id == *view.capabilityId)
                s.capability = c;
        if (!s.capability)
            warn(QStringLiteral("capability %1 is not in this evidence").arg(*view.capabilityId));
    }
    return s;
}

} // namespace hs
