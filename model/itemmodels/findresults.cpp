// SPDX-License-Identifier: GPL-3.0-or-later
#include "findresults.h"

#include "viewtables.h"

#include <QCoreApplication>
#include <QSet>

namespace hs {
namespace {
QString tr(const char* text) { return QCoreApplication::translate("hs::Find", text); }
}

std::vector<FindHit> findInInvestigation(const Investigation& inv, const QString& text, std::size_t limit)
{
    std::vector<FindHit> hits;
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return hits;
    auto matches = [&needle](const QString& s) { return s.contains(needle, Qt::CaseInsensitive); };
    auto add = [&](FindHit h) {
        if (hits.size() < limit)
            hits.push_back(std::move(h));
    };
    for (std::uint32_t c = 0; c < inv.campaigns.size(); ++c)
        if (matches(inv.campaigns[c].name))
            add({FindHit::Campaign, c, {}, inv.campaigns[c].name});
    for (std::uint32_t a = 0; a < inv.accounts.size(); ++a)
        if (matches(inv.accounts[a].externalRef))
            add({FindHit::Account, a, {}, inv.accounts[a].externalRef});
    // One row per distinct indicator value (the accounts sharing it are one jump away).
    QSet<QString> seen;
    for (std::uint32_t a = 0; a < inv.accounts.size(); ++a)
        if (!inv.accounts[a].paymentFingerprint.isEmpty() && matches(inv.accounts[a].paymentFingerprint) &&
            !seen.contains(QStringLiteral("payment_fingerprint\n") + inv.accounts[a].paymentFingerprint)) {
            seen.insert(QStringLiteral("payment_fingerprint\n") + inv.accounts[a].paymentFingerprint);
            add({FindHit::Indicator, a, QStringLiteral("payment_fingerprint"), inv.accounts[a].paymentFingerprint});
        }
    for (const IndicatorInfo& i : inv.indicators)
        if (i.account != kNoIndex && matches(i.value) && !seen.contains(i.kind + QLatin1Char('\n') + i.value)) {
            seen.insert(i.kind + QLatin1Char('\n') + i.value);
            add({FindHit::Indicator, i.account, i.kind, i.value});
        }
    for (std::uint32_t t = 0; t < inv.templates.size(); ++t)
        if (matches(inv.templates[t].fingerprint))
            add({FindHit::Family, t, {}, inv.templates[t].fingerprint});
    return hits;
}

TableData findTable(const Investigation& inv, const std::vector<FindHit>& hits)
{
    TableData t;
    t.headers = {tr("Found"), tr("What"), tr("Where")};
    t.numeric = {false, false, false};
    for (const FindHit& h : hits) {
        QString what, where;
        switch (h.kind) {
        case FindHit::Campaign: what = tr("Campaign"); where = tr("Overview"); break;
        case FindHit::Account:
            what = tr("Account");
            where = tr("Accounts (%1)").arg(groupName(inv, inv.accounts[h.index].group));
            break;
        case FindHit::Indicator: what = tr("Indicator: %1").arg(h.kindName); where = tr("Accounts sharing it"); break;
        case FindHit::Family: what = tr("Prompt family"); where = tr("Prompt families"); break;
        }
        t.text.push_back({h.value, what, where});
        t.sortKey.push_back({{}, {}, {}});
    }
    return t;
}

} // namespace hs
