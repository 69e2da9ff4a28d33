// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysistext.h"

#include "textformat.h"
#include "timeutil.h"

#include <QLocale>

namespace hs {

QString pivotSentence(const Investigation& inv, const PivotFigure& p, double threshold)
{
    const QString model = inv.models[p.model].name;
    QString s = QStringLiteral("%1 of its traffic went to %2 within 24 h of its release (%3)")
                    .arg(percent(p.share24h), model, shortUtc(p.releasedAt));
    if (p.hoursToThreshold)
        s += QStringLiteral("; the %1 threshold was reached in hour %2").arg(percent(threshold)).arg(*p.hoursToThreshold);
    else
        s += QStringLiteral("; no hour reached the %1 threshold").arg(percent(threshold));
    s += p.baselineShare24h ? QStringLiteral("; organic baseline %1.").arg(percent(*p.baselineShare24h))
                            : QStringLiteral("; no baseline traffic in that window.");
    return s;
}

namespace {

QString groupLines(const Investigation& inv, const GroupFigures& g)
{
    const QLocale c = QLocale::c();
    QString s;
    s += QStringLiteral("  exchanges: %1   accounts: %2\n").arg(c.toString(qulonglong(g.exchanges)), c.toString(qulonglong(g.accounts)));
    if (g.firstSeen)
        s += QStringLiteral("  active:    %1 to %2\n").arg(shortUtc(*g.firstSeen), shortUtc(*g.lastSeen));
    QStringList caps;
    for (std::size_t i = 0; i < g.capabilities.size() && i < 5; ++i)
        caps << QStringLiteral("%1 %2").arg(g.capabilities[i].name, percent(g.capabilities[i].share, 1));
    if (!caps.isEmpty())
        s += QStringLiteral("  capabilities: %1\n").arg(caps.join(QStringLiteral(", ")));
    if (g.cotShare)
        s += QStringLiteral("  chain-of-thought elicitation: %1\n").arg(percent(*g.cotShare, 1));
    if (!g.clusters.empty())
        s += QStringLiteral("  largest cluster: %1 (%2 accounts)\n")
                 .arg(inv.clusters[g.clusters.front().cluster].name, c.toString(qulonglong(g.clusters.front().accounts)));
    if (!g.families.empty())
        s += QStringLiteral("  prompt families: %1; the top one carries %2\n")
                 .arg(c.toString(qulonglong(g.families.size())), percent(g.families.front().share, 1));
    return s;
}

} // namespace

QString analysisToText(const Investigation& inv, const Analysis& a)
{
    const QLocale c = QLocale::c();
    QString s = inv.title() + QLatin1Char('\n');
    s += QStringLiteral("evidence: %1 (SHA-256 %2)\n").arg(inv.evidence.fileName, inv.evidence.sha256);
    s += QStringLiteral("%1 exchanges, %2 accounts, %3 campaigns; pivot threshold %4\n\n")
             .arg(c.toString(qlonglong(a.evidenceExchanges)), c.toString(qlonglong(a.evidenceAccounts)))
             .arg(a.campaigns.size()).arg(percent(a.threshold));
    for (const GroupFigures& g : a.campaigns) {
        s += QStringLiteral("Campaign %1\n").arg(inv.campaigns[g.group].name);
        s += groupLines(inv, g);
        for (const PivotFigure& p : g.pivots)
            s += QStringLiteral("  %1 %2\n").arg(p.pivot ? QStringLiteral("PIVOT:") : QStringLiteral("release:"),
                                                   pivotSentence(inv, p, a.threshold));
        s += QLatin1Char('\n');
    }
    s += QStringLiteral("Organic baseline\n") + groupLines(inv, a.baseline);
    for (const Finding& f : inv.findings.items())
        if (f.severity == Severity::Warning)
            s += QStringLiteral("\n") + f.toText();
    return s;
}

} // namespace hs
