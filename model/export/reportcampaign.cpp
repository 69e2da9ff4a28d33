// SPDX-License-Identifier: GPL-3.0-or-later
// The per-campaign part of a case report (reportcontent.h): facts, releases, timeline, capability
// mix beside the baseline, and the top clusters, accounts and prompt families.
#include "reportcampaign.h"

#include "analysistext.h"
#include "displaytext.h"
#include "textformat.h"
#include "redaction.h"
#include "timeutil.h"

#include <algorithm>

namespace hs {
namespace {

constexpr std::size_t kTopRows = 10;
constexpr std::size_t kTopClusters = 5;
constexpr std::size_t kTopCapabilities = 8;
constexpr qsizetype kSampleChars = 600;

// A table cell holds at most a few lines of a sample; the rest is said, not silently dropped.
QString sampleCell(const QString& sample)
{
    if (sample.size() <= kSampleChars)
        return sample;
    qsizetype cut = kSampleChars;
    if (sample.at(cut - 1).isHighSurrogate())
        --cut;
    return sample.left(cut) + QStringLiteral("\u2026 (%1 more characters: the whole sample is in prompt_families.csv "
                                             "of the case bundle)").arg(sample.size() - cut);
}

QString number(std::uint64_t n) { return reportNumber(n); }

std::vector<std::pair<QString, QString>> campaignFacts(const CampaignInfo& c, const GroupFigures& g)
{
    std::vector<std::pair<QString, QString>> f;
    f.emplace_back(QStringLiteral("Attributed to"), c.attributedTo.isEmpty() ? QStringLiteral("(not recorded)")
                                                                            : visibleText(c.attributedTo));
    f.emplace_back(QStringLiteral("Status"), c.status.isEmpty() ? QStringLiteral("(not recorded)") : visibleText(c.status));
    if (c.firstFlaggedAt)
        f.emplace_back(QStringLiteral("First flagged"), shortUtc(*c.firstFlaggedAt));
    f.emplace_back(QStringLiteral("Exchanges"), number(g.exchanges));
    f.emplace_back(QStringLiteral("Accounts"), number(g.accounts));
    if (g.firstSeen)
        f.emplace_back(QStringLiteral("Active"), shortUtc(*g.firstSeen) + QStringLiteral(" to ") + shortUtc(*g.lastSeen));
    if (g.cotShare)
        f.emplace_back(QStringLiteral("Chain-of-thought share"), percent(*g.cotShare, 1));
    if (!c.summary.isEmpty())
        f.emplace_back(QStringLiteral("Summary"), visibleText(c.summary));
    return f;
}

std::vector<CapabilityBar> capabilityBars(const GroupFigures& g, const GroupFigures& baseline)
{
    std::vector<CapabilityBar> bars;
    for (std::size_t i = 0; i < g.capabilities.size() && i < kTopCapabilities; ++i) {
        const CapabilityShare& c = g.capabilities[i];
        CapabilityBar bar{visibleText(c.name), c.share, 0};
        for (const CapabilityShare& b : baseline.capabilities)
            if (b.capability == c.capability)
                bar.baseline = b.share;
        bars.push_back(bar);
    }
    return bars;
}

ReportTable clusterTable(const Investigation& inv, const GroupFigures& g)
{
    ReportTable t{{QStringLiteral("Cluster"), QStringLiteral("Kind"), QStringLiteral("Accounts of the campaign")},
                  {false, false, true}, {}};
    for (std::size_t i = 0; i < g.clusters.size() && i < kTopClusters; ++i) {
        const ClusterInfo& c = inv.clusters[g.clusters[i].cluster];
        t.rows.push_back({visibleText(c.name), visibleText(c.kind), number(g.clusters[i].accounts)});
    }
    return t;
}

ReportTable accountTable(const Investigation& inv, const GroupFigures& g, const Redactor& r)
{
    std::vector<std::uint32_t> ids;
    for (std::uint32_t i = 0; i < inv.accounts.size(); ++i)
        if (inv.accounts[i].group == g.group)
            ids.push_back(i);
    const auto& totals = inv.aggregates.accounts;
    auto exchanges = [&](std::uint32_t i) { return i < totals.size() ? totals[i].exchanges : 0; };
    const std::size_t n = std::min(kTopRows, ids.size());
    std::partial_sort(ids.begin(), ids.begin() + std::ptrdiff_t(n), ids.end(), [&](std::uint32_t a, std::uint32_t b) {
        return exchanges(a) != exchanges(b) ? exchanges(a) > exchanges(b) : a < b;
    });
    ReportTable t{{QStringLiteral("Account"), QStringLiteral("Cluster"), QStringLiteral("Country"), QStringLiteral("Access path"),
                   QStringLiteral("Payment fingerprint"), QStringLiteral("Status"), QStringLiteral("Exchanges")},
                  {false, false, false, false, false, false, true}, {}};
    for (std::size_t k = 0; k < n; ++k) {
        const AccountInfo& a = inv.accounts[ids[k]];
        t.rows.push_back({visibleText(r.account(a.externalRef)),
                          a.cluster == kNoIndex ? QString() : visibleText(inv.clusters[a.cluster].name),
                          visibleText(a.country), visibleText(a.accessPath), visibleText(r.payment(a.paymentFingerprint)),
                          visibleText(a.status), number(exchanges(ids[k]))});
    }
    return t;
}

ReportTable familyTable(const Investigation& inv, const GroupFigures& g, const Redactor& r)
{
    ReportTable t{{QStringLiteral("Fingerprint"), QStringLiteral("Sample"), QStringLiteral("Exchanges"), QStringLiteral("Share")},
                  {false, false, true, true}, {}};
    for (std::size_t i = 0; i < g.families.size() && i < kTopRows; ++i) {
        const TemplateInfo& tmpl = inv.templates[g.families[i].tmpl];
        t.rows.push_back({visibleText(tmpl.fingerprint), sampleCell(visibleText(r.sample(tmpl.sample))), number(g.families[i].exchanges),
                          percent(g.families[i].share, 1)});
    }
    return t;
}

// The first replacements by ban time: who was banned when, who took over, how soon.
ReportTable replacementTable(const Investigation& inv, const CampaignLifecycle& l, const Redactor& r)
{
    ReportTable t{{QStringLiteral("Banned account"), QStringLiteral("Banned (UTC)"), QStringLiteral("Replaced by"),
                   QStringLiteral("First exchange (UTC)"), QStringLiteral("After (hours)")},
                  {false, false, false, false, true}, {}};
    std::vector<Replacement> byTime = l.replacements;
    std::stable_sort(byTime.begin(), byTime.end(), [](const Replacement& a, const Replacement& b) { return a.bannedAt < b.bannedAt; });
    for (std::size_t i = 0; i < byTime.size() && i < kTopRows; ++i) {
        const Replacement& x = byTime[i];
        t.rows.push_back({visibleText(r.account(inv.accounts[x.banned].externalRef)), shortUtc(x.bannedAt),
                          visibleText(r.account(inv.accounts[x.replacement].externalRef)), shortUtc(x.firstExchange),
                          QString::number(x.hours, 'f', 1)});
    }
    return t;
}

} // namespace

QString lifecycleSentence(const CampaignLifecycle& l)
{
    const std::size_t banned = l.banned.size(), replaced = l.replacedAccounts();
    const QString of = QStringLiteral("Of %1 banned account%2, ").arg(reportNumber(banned), banned == 1 ? QString() : QStringLiteral("s"));
    if (replaced == 0 || !l.medianHours)
        return of + QStringLiteral("none was replaced within 72 hours.");
    return of + QStringLiteral("%1 %2 replaced, after a median of %3 hours.")
                    .arg(reportNumber(replaced), replaced == 1 ? QStringLiteral("was") : QStringLiteral("were"),
                         QString::number(*l.medianHours, 'f', 1));
}

ReportTimeline campaignTimeline(const Investigation& inv, const GroupFigures& g, const std::vector<Annotation>& notes,
                                std::optional<TimeRange> span)
{
    ReportTimeline t;
    if (!g.firstSeen && !span)
        return t; // no traffic: nothing to draw
    Selection s;
    s.groups.assign(inv.groupCount(), false);
    s.groups[g.group] = true;
    // Seen times lie within kMinTime..kMaxTime (validated on load); a view's span comes from a case
    // file and may be any int64: clamped to the same range, so no sum below leaves int64.
    const std::int64_t first = std::clamp(span ? span->from : g.firstSeen.value_or(0), kMinTime, kMaxTime);
    const std::int64_t last = std::clamp(span ? span->to : g.lastSeen.value_or(0) + 1, kMinTime, kMaxTime + 1);
    t.from = first;
    t.to = std::max(last, first + 3600);
    // About 120 bins across the page: fine enough to show a pivot, coarse enough to read. Bins
    // cover the campaign's own span (or the view's), never the whole investigation's.
    t.data = computeTimeline(inv, s, binForSpan(t.to - t.from, 600, 5), SplitBy::Model, TimeRange{t.from, t.to});
    for (const ModelInfo& m : inv.models)
        if (m.releasedAt >= t.from && m.releasedAt < t.to)
            t.releases.push_back({visibleText(m.name), m.releasedAt, m.releasedAt});
    for (const PivotFigure& p : g.pivots)
        if (p.pivot)
            t.pivots.push_back({QStringLiteral("pivot to %1: %2").arg(isolated(reportName(inv.models[p.model].name)), percent(p.share24h)),
                                p.releasedAt, p.releasedAt + 86400});
    for (const Annotation& a : notes) {
        if (isTimeKind(a.kind) && a.to >= t.from && a.from < t.to) {
            Annotation shown = a;
            shown.title = visibleText(a.title);
            t.notes.push_back(std::move(shown));
        }
    }
    return t;
}

namespace {
// A detail as one table cell: at most kReportDetailChars characters (a detail is evidence, and a
// megabyte of it is not something to lay out), visible markers for invisible characters.
constexpr qsizetype kReportDetailChars = 600;
QString reportDetail(const QString& detail)
{
    if (detail.size() <= kReportDetailChars)
        return visibleText(detail);
    return visibleText(detail.left(kReportDetailChars))
           + QStringLiteral(" … (%1 more characters)").arg(reportNumber(std::uint64_t(detail.size() - kReportDetailChars)));
}
} // namespace

void flagReasonSection(CampaignReport& c, const Investigation& inv, const CampaignReasons& reasons, const Redactor& r)
{
    if (reasons.empty())
        return;
    c.flagReasons.headers = {QStringLiteral("Signal"), QStringLiteral("Score"), QStringLiteral("Detail")};
    c.flagReasons.numeric = {false, true, false};
    for (const std::uint32_t i : reasons.reasons) {
        const FlagReason& f = inv.flagReasons[i];
        c.flagReasons.rows.push_back({reportName(f.signal), reasonScoreText(f.score), reportDetail(r.scrub(f.detail))});
    }
    const std::uint64_t members = [&] {
        std::uint64_t n = 0;
        for (const AccountInfo& a : inv.accounts)
            n += a.group == c.group ? 1 : 0;
        return n;
    }();
    c.flaggedAccounts = reasons.accountsWithReasons == 0
        ? (members == 1 ? QStringLiteral("Its one account has no reason of its own.")
                        : QStringLiteral("None of its %1 accounts has a reason of its own.").arg(reportNumber(members)))
        : QStringLiteral("%1 of its %2 accounts have reasons of their own, by signal:")
              .arg(reportNumber(reasons.accountsWithReasons), reportNumber(members));
    c.flaggedAccountsBySignal.headers = {QStringLiteral("Signal"), QStringLiteral("Accounts")};
    c.flaggedAccountsBySignal.numeric = {false, true};
    for (const auto& [signal, accounts] : reasons.accountsBySignal)
        c.flaggedAccountsBySignal.rows.push_back({reportName(signal), reportNumber(accounts)});
}

CampaignReport campaignReport(const Investigation& inv, const Analysis& analysis, const GroupFigures& g,
                              const std::vector<Annotation>& notes, const Redactor& r, std::optional<TimeRange> span)
{
    CampaignReport c;
    c.group = g.group;
    c.name = reportName(inv.campaigns[g.group].name);
    c.facts = campaignFacts(inv.campaigns[g.group], g);
    for (const PivotFigure& p : g.pivots)
        c.releases << (p.pivot ? QStringLiteral("Pivot: ") : QStringLiteral("Release: "))
                          + visibleText(pivotSentence(inv, p, analysis.threshold));
    c.timeline = campaignTimeline(inv, g, notes, span);
    c.capabilities = capabilityBars(g, analysis.baseline);
    if (g.capabilities.size() > c.capabilities.size())
        c.capabilityNote = QStringLiteral("The %1 largest of %2 capabilities.").arg(c.capabilities.size()).arg(g.capabilities.size());
    c.clusters = clusterTable(inv, g);
    c.accounts = accountTable(inv, g, r);
    c.families = familyTable(inv, g, r);
    if (g.lifecycle && !g.lifecycle->banned.empty()) {
        c.lifecycle = lifecycleSentence(*g.lifecycle);
        c.churn = campaignChurn(inv, g.group);
        c.replacements = replacementTable(inv, *g.lifecycle, r);
    }
    return c;
}

} // namespace hs
