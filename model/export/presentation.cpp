// SPDX-License-Identifier: GPL-3.0-or-later
#include "presentation.h"

#include "displaytext.h"

#include "redaction.h"
#include "savedviews.h"
#include "timeline.h"
#include "timeutil.h"

#include <QLocale>

namespace hs {

std::shared_ptr<const Investigation> redactedCopy(const Investigation& inv, const Redactor& redactor)
{
    auto copy = std::make_shared<Investigation>(inv);
    for (AccountInfo& a : copy->accounts) {
        a.externalRef = redactor.account(a.externalRef);
        if (!a.paymentFingerprint.isEmpty())
            a.paymentFingerprint = redactor.payment(a.paymentFingerprint);
    }
    for (IndicatorInfo& i : copy->indicators)
        i.value = redactor.indicator(i.value);
    for (TemplateInfo& t : copy->templates)
        if (!t.sample.isEmpty())
            t.sample = redactor.sample(t.sample);
    for (FlagReason& r : copy->flagReasons) // (1.1) details quote account refs and indicator values
        r.detail = redactor.scrub(r.detail);
    return copy;
}

namespace {

SavedView pageView(const QString& name, PageId page)
{
    SavedView v;
    v.name = name;
    v.page = page;
    return v;
}

std::optional<Slide> pivotSlide(const Investigation& inv, const Analysis& analysis)
{
    const std::optional<StrongestPivot> best = strongestPivot(analysis);
    if (!best)
        return std::nullopt;
    const GroupFigures* g = best->group;
    const PivotFigure* p = best->pivot;
    Slide s;
    // One arg() call: a name holding "%2" must not take the place of a later argument.
    s.title = QStringLiteral("%1 moved %2% of its traffic to %3 within 24 h of its release (%4)")
                  .arg(shownEvidence(inv.campaigns[g->group].name, 60), QString::number(qRound(p->share24h * 100)),
                       shownEvidence(inv.models[p->model].name, 40), shortUtc(p->releasedAt));
    s.view = pageView(s.title, PageId::Timeline);
    s.view.allGroups = false;
    s.view.campaignIds = {inv.campaigns[g->group].id};
    s.view.baseline = true;
    const std::int64_t hour = binStart(p->releasedAt, Bin::Hour);
    s.view.from = hour;
    s.view.to = hour + 25 * 3600; // the whole release window, in whole hours
    s.zoomFrom = p->releasedAt - 3 * 86400;
    s.zoomTo = p->releasedAt + 4 * 86400;
    return s;
}

std::optional<Slide> clusterSlide(const Investigation& inv)
{
    std::vector<std::uint64_t> accounts(inv.clusters.size(), 0);
    std::vector<std::vector<bool>> groups(inv.clusters.size(), std::vector<bool>(inv.groupCount(), false));
    for (const AccountInfo& a : inv.accounts) {
        if (a.cluster == kNoIndex || a.cluster >= inv.clusters.size())
            continue;
        ++accounts[a.cluster];
        if (a.group != kNoIndex)
            groups[a.cluster][a.group] = true;
    }
    const auto largest = std::max_element(accounts.begin(), accounts.end());
    if (largest == accounts.end() || *largest == 0)
        return std::nullopt;
    const auto c = static_cast<std::size_t>(largest - accounts.begin());
    const auto campaigns = std::count(groups[c].begin(), groups[c].end() - 1, true);
    Slide s;
    // One arg() call: a name holding "%2" must not take the place of a later argument.
    s.title = QStringLiteral("%1: %2 accounts of %3%4 behind one proxy network")
                  .arg(shownEvidence(inv.clusters[c].name, 60), QLocale().toString(qulonglong(*largest)),
                       campaigns == 1 ? QStringLiteral("one campaign") : QStringLiteral("%1 campaigns").arg(campaigns),
                       groups[c].back() ? QStringLiteral(" and ordinary customers") : QString());
    s.view = pageView(s.title, PageId::Accounts);
    s.cluster = inv.clusters[c].id;
    return s;
}

} // namespace

QString slideScope(const Investigation& inv, const SavedView& view)
{
    const Selection s = selectionFromSavedView(inv, view);
    QStringList groups;
    for (std::uint32_t g = 0; g < inv.groupCount(); ++g)
        if (s.hasGroup(g))
            groups << (g == inv.baselineGroup() ? QStringLiteral("Organic baseline") : inv.campaigns[g].name);
    QString text = groups.size() == int(inv.groupCount()) ? QStringLiteral("Every group")
                   : groups.isEmpty()                    ? QStringLiteral("No group")
                                                         : groups.join(QStringLiteral(", "));
    text += QStringLiteral("; ") + (s.range ? QStringLiteral("%1 to %2").arg(shortUtc(s.range->from), shortUtc(s.range->to))
                                            : QStringLiteral("the whole period"));
    if (s.model)
        text += QStringLiteral("; model ") + inv.models[*s.model].name;
    if (s.capability)
        text += QStringLiteral("; capability ") + inv.capabilities[*s.capability].name;
    return text;
}

std::vector<Slide> presentationSlides(const Investigation& inv, const Analysis& analysis,
                                      const std::vector<SavedView>& views)
{
    std::vector<Slide> slides;
    for (const SavedView& v : views) {
        Slide s;
        s.title = shownEvidence(v.name, 120); // typed by a reviewer, perhaps pasted from evidence
        s.view = v;
        s.scope = slideScope(inv, v);
        if (v.from && v.to) {
            const std::int64_t pad = std::max<std::int64_t>(3600, (*v.to - *v.from) / 4);
            s.zoomFrom = *v.from - pad;
            s.zoomTo = *v.to + pad;
        }
        slides.push_back(std::move(s));
    }
    if (!slides.empty())
        return slides;
    slides.push_back({QStringLiteral("%1: the investigation at a glance").arg(shownEvidence(inv.title(), 120)),
                      pageView(inv.title(), PageId::Overview), {}, {}, {}, {}, {}});
    if (std::optional<Slide> s = pivotSlide(inv, analysis))
        slides.push_back(*s);
    slides.push_back({QStringLiteral("What each campaign asked for, against the organic baseline"),
                      pageView(QStringLiteral("capabilities"), PageId::Capabilities), {}, {}, {}, {}, {}});
    if (std::optional<Slide> s = clusterSlide(inv)) {
        Slide network;
        network.title = QStringLiteral("The same network through time: banned accounts and the ones that replaced them");
        network.view = pageView(network.title, PageId::Network);
        network.networkCluster = s->cluster;
        slides.push_back(*s);
        slides.push_back(std::move(network));
    }
    return slides;
}

} // namespace hs
