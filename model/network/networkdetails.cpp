// SPDX-License-Identifier: GPL-3.0-or-later
#include "networkdetails.h"

#include "displaytext.h"
#include "timeutil.h"

#include <QLocale>
#include <QStringList>

namespace hs {
namespace {

QString groupName(const Investigation& inv, std::uint32_t group)
{
    return group == inv.baselineGroup() ? QStringLiteral("baseline (unflagged)") : isolated(inv.campaigns[group].name.left(120));
}

QString ref(const Investigation& inv, const NetworkGraph& g, std::uint32_t node)
{
    return isolated(inv.accounts[g.nodes[node].account].externalRef.left(120));
}

const char* const kKindNames[kLinkKinds] = {"payment", "IP", "/24", "user agent", "email domain", "timing"};

} // namespace

QString accountDetails(const Investigation& inv, const NetworkGraph& g, std::uint32_t node)
{
    const NetworkNode& n = g.nodes[node];
    const AccountInfo& a = inv.accounts[n.account];
    const QLocale locale;
    QStringList lines;
    lines << QStringLiteral("Account %1 (id %2)").arg(ref(inv, g, node)).arg(a.id);
    lines << QStringLiteral("Campaign: %1").arg(groupName(inv, n.group));
    lines << QStringLiteral("Cluster: %1").arg(a.cluster == kNoIndex ? QStringLiteral("none") : isolated(inv.clusters[a.cluster].name.left(120)));
    QString status = a.status.isEmpty() ? QStringLiteral("(none)") : isolated(a.status.left(60));
    if (a.statusChangedAt)
        status += QStringLiteral(" since %1").arg(shortUtc(*a.statusChangedAt));
    lines << QStringLiteral("Status: %1").arg(status);
    if (a.createdAt)
        lines << QStringLiteral("Created: %1").arg(shortUtc(*a.createdAt));
    if (!a.country.isEmpty() || !a.accessPath.isEmpty())
        lines << QStringLiteral("Country: %1 · access path: %2").arg(isolated(a.country.left(60)), isolated(a.accessPath.left(60)));
    if (!a.paymentFingerprint.isEmpty())
        lines << QStringLiteral("Payment fingerprint: %1").arg(isolated(a.paymentFingerprint.left(120)));
    if (n.seen)
        lines << QStringLiteral("Exchanges: %1, first %2, last %3")
                     .arg(locale.toString(qulonglong(inv.aggregates.accounts[n.account].exchanges)), shortUtc(n.first), shortUtc(n.last));
    else
        lines << QStringLiteral("Exchanges: none");
    QStringList links;
    for (int k = 0; k < kLinkKinds; ++k)
        if (n.links[std::size_t(k)])
            links << QStringLiteral("%1 %2").arg(QString::fromLatin1(kKindNames[k])).arg(n.links[std::size_t(k)]);
    lines << QStringLiteral("Links: %1").arg(links.isEmpty() ? QStringLiteral("none") : links.join(QStringLiteral(" · ")));
    lines << QString() << QStringLiteral("Indicators:");
    int shown = 0, total = 0;
    for (const IndicatorInfo& i : inv.indicators) {
        if (i.account != n.account)
            continue;
        if (++total <= 50)
            lines << QStringLiteral("  %1: %2").arg(isolated(i.kind.left(40)), isolated(i.value.left(200)));
        ++shown;
    }
    if (total == 0)
        lines << QStringLiteral("  none");
    else if (total > 50)
        lines << QStringLiteral("  ... and %1 more").arg(total - 50);
    const std::vector<std::uint32_t> chain = replacementChain(g, node);
    if (chain.size() > 1) {
        lines << QString() << QStringLiteral("Replacement chain (banned -> replacement):");
        for (std::size_t i = 0; i < chain.size(); ++i) {
            const NetworkNode& c = g.nodes[chain[i]];
            QString line = QStringLiteral("  %1%2").arg(i ? QStringLiteral("-> ") : QString(), ref(inv, g, chain[i]));
            if (c.bannedAt)
                line += QStringLiteral(", banned %1").arg(shortUtc(*c.bannedAt));
            if (i > 0 && g.nodes[chain[i - 1]].bannedAt && c.seen)
                line += QStringLiteral(", first exchange %1 h after the ban")
                            .arg(QString::number(double(c.first - *g.nodes[chain[i - 1]].bannedAt) / 3600.0, 'f', 1));
            if (chain[i] == node)
                line += QStringLiteral("  (this account)");
            lines << line;
        }
    } else if (n.bannedAt) {
        lines << QString() << QStringLiteral("Banned; no replacement within 72 hours.");
    }
    return lines.join(QLatin1Char('\n'));
}

QString clusterDetails(const Investigation& inv, const NetworkGraph& g, std::uint32_t cluster)
{
    const NetworkCluster& c = g.clusters[cluster];
    const QLocale locale;
    QStringList lines;
    lines << (c.cluster == kNoIndex ? QStringLiteral("Accounts without a cluster")
                                    : QStringLiteral("Cluster %1 (%2)").arg(isolated(inv.clusters[c.cluster].name.left(120)),
                                                                            isolated(inv.clusters[c.cluster].kind.left(60))));
    lines << QStringLiteral("%1 accounts, %2 banned, %3 replaced")
                 .arg(locale.toString(qulonglong(c.nodes.size())), locale.toString(c.banned), locale.toString(c.replaced));
    for (const auto& [group, count] : c.groups)
        lines << QStringLiteral("  %1: %2").arg(groupName(inv, group), locale.toString(count));
    return lines.join(QLatin1Char('\n'));
}

} // namespace hs
