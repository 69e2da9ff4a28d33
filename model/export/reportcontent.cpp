// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportcontent.h"

#include "analysistext.h"
#include "annotationsubject.h"
#include "displaytext.h"
#include "textformat.h"
#include "redaction.h"
#include "reportcampaign.h"
#include "timeutil.h"

#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace hs {
namespace {

QString number(std::uint64_t n) { return reportNumber(n); }
QString accounts(std::uint64_t n) { return number(n) + (n == 1 ? QStringLiteral(" account") : QStringLiteral(" accounts")); }

QString fileSize(std::int64_t bytes)
{
    return QStringLiteral("%1 bytes (%2)").arg(number(std::uint64_t(bytes)), QLocale::c().formattedDataSize(bytes));
}

std::vector<std::pair<QString, QString>> titleFacts(const Investigation& inv, const CaseSnapshot* s,
                                                     const Redactor& r, const ReportOptions& o)
{
    std::vector<std::pair<QString, QString>> f;
    f.emplace_back(QStringLiteral("Investigation"), visibleText(inv.title()));
    if (s) {
        f.emplace_back(QStringLiteral("Case"), visibleText(r.scrub(s->info.title)) + QStringLiteral(" (")
                                                   + visibleText(r.scrub(QFileInfo(s->path).fileName())) + QLatin1Char(')'));
        f.emplace_back(QStringLiteral("Reviewer"), visibleText(r.scrub(s->info.reviewer)));
    } else {
        f.emplace_back(QStringLiteral("Case"), QStringLiteral("(none: no annotations or audit log)"));
    }
    f.emplace_back(QStringLiteral("Date"), shortUtc(o.now));
    f.emplace_back(QStringLiteral("Evidence file"), visibleText(r.scrub(inv.evidence.fileName)));
    f.emplace_back(QStringLiteral("Evidence size"), fileSize(inv.evidence.size));
    f.emplace_back(QStringLiteral("Evidence SHA-256"), inv.evidence.sha256);
    if (s)
        f.emplace_back(QStringLiteral("Audit chain head"), s->chainHead().isEmpty() ? QStringLiteral("(empty log)") : s->chainHead());
    if (o.view)
        f.emplace_back(QStringLiteral("Saved view"), visibleText(r.scrub(o.view->name)));
    f.emplace_back(QStringLiteral("Redaction"), profileName(r.profile()));
    return f;
}

QStringList keyFigures(const Investigation& inv, const Analysis& a, const std::vector<const GroupFigures*>& shown)
{
    QStringList out;
    out << QStringLiteral("The evidence holds %1 exchanges from %2 accounts; %3 campaigns are flagged.")
               .arg(number(std::uint64_t(a.evidenceExchanges)), number(std::uint64_t(a.evidenceAccounts)))
               .arg(a.campaigns.size());
    for (const GroupFigures* g : shown) {
        QString s = QStringLiteral("Campaign %1: %2 exchanges from %3")
                        .arg(isolated(reportName(inv.campaigns[g->group].name)), number(g->exchanges), accounts(g->accounts));
        if (g->firstSeen)
            s += QStringLiteral(", active %1 to %2").arg(shortUtc(*g->firstSeen), shortUtc(*g->lastSeen));
        if (!g->capabilities.empty())
            s += QStringLiteral("; top capability %1 (%2)").arg(isolated(visibleText(g->capabilities.front().name)),
                                                                percent(g->capabilities.front().share, 1));
        out << s + QLatin1Char('.');
    }
    out << QStringLiteral("Organic baseline: %1 exchanges from %2.")
               .arg(number(a.baseline.exchanges), accounts(a.baseline.accounts));
    return out;
}

std::vector<AnnotationReport> annotationReports(const Investigation& inv, const Redactor& redactor, std::vector<Annotation> notes)
{
    // Key evidence first, then notable, then info; within a severity in time, then by id.
    std::stable_sort(notes.begin(), notes.end(), [](const Annotation& x, const Annotation& y) {
        if (x.severity != y.severity)
            return int(x.severity) > int(y.severity);
        return x.from != y.from ? x.from < y.from : x.id < y.id;
    });
    std::vector<AnnotationReport> out;
    for (const Annotation& a : notes) {
        AnnotationReport r;
        r.key = a.severity == AnnotationSeverity::KeyEvidence;
        r.heading = severityLabel(a.severity) + QStringLiteral(": ") + visibleText(a.title);
        r.details = visibleText(annotationSubjectText(inv, a, redactor));
        if (!a.tags.isEmpty())
            r.details += QStringLiteral("; tags: ") + visibleText(a.tags.join(QStringLiteral(", ")));
        r.details += QStringLiteral("; by %1, %2").arg(visibleText(a.author), shortUtc(a.createdAt));
        if (a.internal)
            r.details += QStringLiteral("; internal");
        r.note = visibleText(a.note);
        out.push_back(r);
    }
    return out;
}

QStringList definitions(const Analysis& a, const Redactor& r, const std::optional<SavedView>& view)
{
    QStringList d;
    d << QStringLiteral("All times are UTC. Figures are computed by Hydrascope from the evidence file named on the title page; "
                        "the same figures are given by `hydrascope analyze --json`.")
      << QStringLiteral("Release window: the 24 hours [release, release + 24 h) after a model's release, in hours 1 to 24.")
      << QStringLiteral("Share within 24 h: the campaign's exchanges on the released model in the window, over all its "
                        "exchanges in the window.")
      << QStringLiteral("Pivot: a campaign whose hourly share of traffic on the newly released model reaches the "
                        "threshold of %1 in some hour of the window; the hour given is the first that does.")
             .arg(percent(a.threshold))
      << QStringLiteral("Organic baseline: the accounts of no flagged campaign; its share in the same window is given "
                        "for comparison.")
      << QStringLiteral("Capability mix: each capability's share of a group's exchanges over the whole investigation.")
      << QStringLiteral("Timeline charts show exchanges per bin (hour, day or week) for the campaign, per model, with "
                        "the baseline as a dashed line; pivot windows and annotated ranges are shaded.");
    bool bans = false;
    for (const GroupFigures& g : a.campaigns)
        bans = bans || (g.lifecycle && !g.lifecycle->banned.empty());
    if (bans) // (1.1) only where the evidence records ban times
        d << QStringLiteral("Banned account: an account whose status is banned or suspended, with the time of that change "
                            "recorded. Its replacement: the account of the same campaign (and cluster, when it has one) "
                            "whose first exchange comes earliest in the 72 hours after the ban and that sent a prompt "
                            "family the banned account also sent; the hours between are its replacement time.")
          << QStringLiteral("Churn charts show, per day, the campaign's accounts created, first seen, banned, and "
                            "active (first exchange before the day's end, last at or after its start).");
    if (view)
        d << QStringLiteral("Saved view \"%1\": only its campaigns and time span are shown; figures cover the whole "
                            "investigation.").arg(visibleText(r.scrub(view->name)));
    d << r.statement();
    return d;
}

ReportTable auditTable(const CaseSnapshot* s, const Redactor& r)
{
    ReportTable t{{QStringLiteral("#"), QStringLiteral("Time"), QStringLiteral("Actor"), QStringLiteral("Action"),
                   QStringLiteral("Subject"), QStringLiteral("Detail"), QStringLiteral("Hash")},
                  {true, false, false, false, false, false, false}, {}};
    if (!s)
        return t;
    for (const AuditEntry& e : r.audit(s->audit, s->annotations))
        t.rows.push_back({QString::number(e.seq), shortUtc(e.at), visibleText(e.actor), e.action, e.subject,
                          visibleText(e.detail), e.hash.left(12)});
    return t;
}

std::optional<TimeRange> viewSpan(const std::optional<SavedView>& view)
{
    if (!view || !view->from || !view->to)
        return std::nullopt;
    return TimeRange{*view->from, *view->to};
}

bool shownInView(const Investigation& inv, const GroupFigures& g, const std::optional<SavedView>& view)
{
    if (!view || view->allGroups)
        return true;
    const auto& ids = view->campaignIds;
    return std::find(ids.begin(), ids.end(), inv.campaigns[g.group].id) != ids.end();
}

} // namespace

QString reportNumber(std::uint64_t n)
{
    QLocale c = QLocale::c();
    c.setNumberOptions({}); // with thousands separators: 12,750,020 reads at a glance
    return c.toString(qulonglong(n));
}

QString visibleText(const QString& text) { return inlineMarkers(text); }

QString reportName(const QString& name)
{
    if (name.size() <= kReportNameChars)
        return visibleText(name);
    qsizetype cut = kReportNameChars;
    if (name.at(cut - 1).isHighSurrogate())
        --cut;
    return visibleText(name.left(cut)) + QStringLiteral("\u2026 (%1 more characters)").arg(name.size() - cut);
}

namespace {

// The campaigns a report details: all of them up to kMaxReportCampaigns, else those with the
// most exchanges (ties: file order), shown in file order.
std::vector<const GroupFigures*> detailedCampaigns(std::vector<const GroupFigures*> shown)
{
    if (shown.size() <= kMaxReportCampaigns)
        return shown;
    const auto cut = shown.begin() + std::ptrdiff_t(kMaxReportCampaigns);
    std::partial_sort(shown.begin(), cut, shown.end(), [](const GroupFigures* a, const GroupFigures* b) {
        return a->exchanges != b->exchanges ? a->exchanges > b->exchanges : a->group < b->group;
    });
    shown.erase(cut, shown.end());
    std::sort(shown.begin(), shown.end(), [](const GroupFigures* a, const GroupFigures* b) { return a->group < b->group; });
    return shown;
}

} // namespace

ReportContent buildReport(const Investigation& inv, const Analysis& analysis, const CaseSnapshot* snapshot,
                          const Redactor& redactor, const ReportOptions& options)
{
    ReportContent c;
    c.title = visibleText(snapshot && !snapshot->info.title.isEmpty() ? redactor.scrub(snapshot->info.title) : inv.title());
    c.classification = options.classification;
    c.redaction = redactor.statement();
    c.profile = profileName(redactor.profile());
    c.titleFacts = titleFacts(inv, snapshot, redactor, options);
    const std::vector<Annotation> notes = snapshot ? redactor.annotations(snapshot->annotations) : std::vector<Annotation>{};
    std::vector<const GroupFigures*> shown;
    for (const GroupFigures& g : analysis.campaigns)
        if (shownInView(inv, g, options.view))
            shown.push_back(&g);
    const std::size_t inView = shown.size();
    shown = detailedCampaigns(std::move(shown));
    c.keyFigures = keyFigures(inv, analysis, shown);
    if (shown.size() < inView)
        c.keyFigures.insert(1, QStringLiteral("This report details the %1 campaigns with the most exchanges; the other %2 "
                                              "are in the analysis JSON (hydrascope analyze --json) and the case bundle.")
                                   .arg(shown.size()).arg(number(inView - shown.size())));
    const std::vector<CampaignReasons> reasons = reasonsByCampaign(inv); // empty lists without flag_reasons
    for (const GroupFigures* g : shown) {
        for (const PivotFigure& p : g->pivots)
            if (p.pivot)
                c.pivots << QStringLiteral("%1: %2").arg(isolated(reportName(inv.campaigns[g->group].name)),
                                                         visibleText(pivotSentence(inv, p, analysis.threshold)));
        c.campaigns.push_back(campaignReport(inv, analysis, *g, notes, redactor, viewSpan(options.view)));
        if (g->group < reasons.size())
            flagReasonSection(c.campaigns.back(), inv, reasons[g->group], redactor);
    }
    c.annotations = annotationReports(inv, redactor, notes);
    c.definitions = definitions(analysis, redactor, options.view);
    c.audit = auditTable(snapshot, redactor);
    return c;
}

} // namespace hs
