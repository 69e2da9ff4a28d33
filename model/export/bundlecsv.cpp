// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundlecsv.h"

#include "annotationsubject.h"

#include "csv.h"
#include "flagreasonsummary.h"
#include "infrastructure.h"
#include "redaction.h"
#include "timeutil.h"

#include <QLocale>

namespace hs {
namespace {

QString num(std::uint64_t v) { return QString::number(qulonglong(v)); }
QString num(std::int64_t v) { return QString::number(qlonglong(v)); }
QString share(double v) { return QLocale::c().toString(v, 'g', 6); }
QString time(const std::optional<std::int64_t>& t) { return t ? isoUtc(*t) : QString(); }

QString groupLabel(const Investigation& inv, std::uint32_t group)
{
    if (group == inv.baselineGroup())
        return QStringLiteral("(organic baseline)");
    return group < inv.campaigns.size() ? inv.campaigns[group].name : QString();
}

} // namespace

QByteArray campaignsCsv(const Investigation& inv, const Analysis& a)
{
    QByteArray out = csvLine({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("attributed_to"), QStringLiteral("status"),
                              QStringLiteral("first_flagged_at"), QStringLiteral("exchanges"), QStringLiteral("accounts"),
                              QStringLiteral("first_seen"), QStringLiteral("last_seen"), QStringLiteral("cot_elicitation_share"),
                              QStringLiteral("pivots")});
    for (const GroupFigures& g : a.campaigns) {
        const CampaignInfo& c = inv.campaigns[g.group];
        QStringList pivots;
        for (const PivotFigure& p : g.pivots)
            if (p.pivot)
                pivots << inv.models[p.model].name;
        out += csvLine({num(c.id), c.name, c.attributedTo, c.status, time(c.firstFlaggedAt), num(g.exchanges), num(g.accounts),
                        time(g.firstSeen), time(g.lastSeen), g.cotShare ? share(*g.cotShare) : QString(),
                        pivots.join(QStringLiteral("; "))});
    }
    return out;
}

QByteArray accountsCsv(const Investigation& inv, const Redactor& r)
{
    QByteArray out = csvLine({QStringLiteral("id"), QStringLiteral("external_ref"), QStringLiteral("group"), QStringLiteral("cluster"),
                              QStringLiteral("created_at"), QStringLiteral("country"), QStringLiteral("access_path"),
                              QStringLiteral("payment_fingerprint"), QStringLiteral("status"), QStringLiteral("exchanges"),
                              QStringLiteral("first_exchange"), QStringLiteral("last_exchange")});
    for (std::size_t i = 0; i < inv.accounts.size(); ++i) {
        const AccountInfo& a = inv.accounts[i];
        const AccountTotals t = i < inv.aggregates.accounts.size() ? inv.aggregates.accounts[i] : AccountTotals{};
        const bool active = t.exchanges > 0;
        out += csvLine({num(a.id), r.account(a.externalRef), groupLabel(inv, a.group),
                        a.cluster == kNoIndex ? QString() : inv.clusters[a.cluster].name, time(a.createdAt), a.country,
                        a.accessPath, r.payment(a.paymentFingerprint), a.status, num(t.exchanges),
                        active ? isoUtc(t.first) : QString(), active ? isoUtc(t.last) : QString()});
    }
    return out;
}

QByteArray clustersCsv(const Investigation& inv)
{
    QByteArray out = csvLine({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("accounts"),
                              QStringLiteral("campaign_accounts"), QStringLiteral("baseline_accounts"), QStringLiteral("campaigns")});
    for (const ClusterSummary& s : clusterSummaries(inv)) {
        const ClusterInfo& c = inv.clusters[s.cluster];
        QStringList campaigns;
        for (std::uint32_t g : s.campaigns)
            campaigns << inv.campaigns[g].name;
        out += csvLine({num(c.id), c.name, c.kind, num(s.accounts), num(s.campaignAccounts), num(s.baselineAccounts),
                        campaigns.join(QStringLiteral("; "))});
    }
    return out;
}

QByteArray familiesCsv(const Investigation& inv, const Analysis& a, const Redactor& r)
{
    QByteArray out = csvLine({QStringLiteral("group"), QStringLiteral("template_id"), QStringLiteral("fingerprint"),
                              QStringLiteral("sample"), QStringLiteral("exchanges"), QStringLiteral("share")});
    auto add = [&](const GroupFigures& g) {
        for (const FamilyShare& f : g.families) {
            const TemplateInfo& t = inv.templates[f.tmpl];
            out += csvLine({groupLabel(inv, g.group), num(t.id), t.fingerprint, r.sample(t.sample), num(f.exchanges), share(f.share)});
        }
    };
    for (const GroupFigures& g : a.campaigns)
        add(g);
    add(a.baseline);
    return out;
}

QByteArray annotationsCsv(const Investigation& inv, const Redactor& r, const std::vector<Annotation>& notes)
{
    QByteArray out = csvLine({QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("severity"), QStringLiteral("title"),
                              QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("subject"), QStringLiteral("tags"),
                              QStringLiteral("author"), QStringLiteral("created_at"), QStringLiteral("internal"),
                              QStringLiteral("note")});
    for (const Annotation& n : notes) {
        const bool timed = isTimeKind(n.kind);
        out += csvLine({num(n.id), kindName(n.kind), severityName(n.severity), n.title, timed ? isoUtc(n.from) : QString(),
                        timed ? isoUtc(n.to) : QString(), timed ? QString() : annotationSubjectText(inv, n, r),
                        n.tags.join(QStringLiteral("; ")),
                        n.author, isoUtc(n.createdAt), n.internal ? QStringLiteral("yes") : QStringLiteral("no"), n.note});
    }
    return out;
}

// Campaign by campaign, the campaign's own reasons strongest first, then each account's (accounts
// in evidence order), so the file reads like the report.
QByteArray flagReasonsCsv(const Investigation& inv, const Redactor& r)
{
    QByteArray out = csvLine({QStringLiteral("id"), QStringLiteral("campaign_id"), QStringLiteral("campaign"),
                              QStringLiteral("account_id"), QStringLiteral("external_ref"), QStringLiteral("signal"),
                              QStringLiteral("score"), QStringLiteral("detail")});
    const auto line = [&](std::uint32_t i) {
        const FlagReason& f = inv.flagReasons[i];
        const CampaignInfo& c = inv.campaigns[f.campaign];
        const bool account = f.account != kNoIndex;
        out += csvLine({num(f.id), num(c.id), c.name, account ? num(inv.accounts[f.account].id) : QString(),
                        account ? r.account(inv.accounts[f.account].externalRef) : QString(), f.signal,
                        f.score ? share(*f.score) : QString(), r.scrub(f.detail)});
    };
    const std::vector<CampaignReasons> byCampaign = reasonsByCampaign(inv);
    const std::vector<std::vector<std::uint32_t>> byAccount = reasonsByAccount(inv);
    for (std::size_t c = 0; c < byCampaign.size(); ++c) {
        for (std::uint32_t i : byCampaign[c].reasons)
            line(i);
        for (std::size_t a = 0; a < inv.accounts.size(); ++a)
            if (inv.accounts[a].group == c)
                for (std::uint32_t i : byAccount[a])
                    line(i);
    }
    return out;
}

} // namespace hs
