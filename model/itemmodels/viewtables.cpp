// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewtables.h"

#include "textformat.h"
#include "infrastructure.h"
#include "job.h"
#include "timeutil.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <iterator>
#include <map>

namespace hs {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("hs::AccountTables", text); }
QString number(std::uint64_t n) { return QLocale().toString(qulonglong(n)); }

} // namespace

QString groupName(const Investigation& inv, std::uint32_t group)
{
    if (group == inv.baselineGroup())
        return tr("Organic baseline");
    return group < inv.campaigns.size() ? inv.campaigns[group].name : tr("(no campaign)");
}

namespace {

QString optionalTime(const std::optional<std::int64_t>& t) { return t ? shortUtc(*t) : QString(); }
QVariant optionalKey(const std::optional<std::int64_t>& t) { return t ? sortKey(*t) : QVariant(); }

// The accounts table's rows for accounts [from, to), appended to `t`.
void appendAccountRows(TableData& t, const Investigation& inv, const Selection& s, const SelectionFigures& figures,
                       const std::vector<QString>* indicators, std::size_t from, std::size_t to)
{
    const bool filtered = s.range || s.model || s.capability || s.account;
    for (std::size_t i = from; i < to; ++i) {
        const AccountInfo& a = inv.accounts[i];
        const AccountTotals& f = figures.accounts[i];
        if (a.group == kNoIndex || !s.hasGroup(a.group) || (filtered && f.exchanges == 0))
            continue;
        const bool seen = f.exchanges > 0;
        t.text.push_back({a.externalRef, groupName(inv, a.group),
                          a.cluster == kNoIndex ? QString() : inv.clusters[a.cluster].name, a.country, a.accessPath,
                          a.status, number(f.exchanges), seen ? shortUtc(f.first) : QString(),
                          seen ? shortUtc(f.last) : QString(), optionalTime(a.createdAt), optionalTime(a.statusChangedAt),
                          a.paymentFingerprint, indicators && i < indicators->size() ? (*indicators)[i] : QString()});
        t.sortKey.push_back({{}, {}, {}, {}, {}, {}, sortKey(f.exchanges),
                             seen ? sortKey(f.first) : QVariant(), seen ? sortKey(f.last) : QVariant(),
                             optionalKey(a.createdAt), optionalKey(a.statusChangedAt), {}, {}});
    }
}

} // namespace

QString indicatorText(const QString& kind, const QString& value)
{
    return QStringLiteral("[%1 %2]").arg(kind, value);
}

std::vector<QString> accountIndicatorText(const Investigation& inv)
{
    std::vector<QStringList> parts(inv.accounts.size());
    for (const IndicatorInfo& i : inv.indicators)
        if (i.account < parts.size())
            parts[i.account] << indicatorText(i.kind, i.value);
    std::vector<QString> out(inv.accounts.size());
    for (std::size_t a = 0; a < parts.size(); ++a)
        out[a] = parts[a].join(QLatin1Char(' '));
    return out;
}

TableData accountsTable(const Investigation& inv, const Selection& s, const SelectionFigures& figures,
                        const std::vector<QString>* indicators)
{
    TableData t;
    t.headers = {tr("External ref"), tr("Campaign"), tr("Cluster"), tr("Country"), tr("Access path"), tr("Status"),
                 tr("Exchanges"), tr("First seen"), tr("Last seen"), tr("Created"), tr("Status changed"),
                 tr("Payment fingerprint"), tr("Indicators")};
    t.numeric = {false, false, false, false, false, false, true, false, false, false, false, false, false};
    // Two halves on the pool's two threads, joined in account order: at full scale the rows (56,000
    // times formatted, 28,000 accounts) took a third of a selection change on one core.
    const std::size_t half = inv.accounts.size() / 2;
    TableData second;
    runInParallel(2, [&](std::size_t part) {
        if (part == 0)
            appendAccountRows(t, inv, s, figures, indicators, 0, half);
        else
            appendAccountRows(second, inv, s, figures, indicators, half, inv.accounts.size());
    });
    t.text.insert(t.text.end(), std::make_move_iterator(second.text.begin()), std::make_move_iterator(second.text.end()));
    t.sortKey.insert(t.sortKey.end(), std::make_move_iterator(second.sortKey.begin()),
                     std::make_move_iterator(second.sortKey.end()));
    return t;
}

TableData clustersTable(const Investigation& inv, const AccountMask* include)
{
    TableData t;
    t.headers = {tr("Cluster"), tr("Kind"), tr("Accounts"), tr("Campaign accounts"), tr("Baseline accounts"),
                 tr("Campaigns mixed")};
    t.numeric = {false, false, true, true, true, false};
    for (const ClusterSummary& c : clusterSummaries(inv, include)) {
        QStringList campaigns;
        for (std::uint32_t g : c.campaigns)
            campaigns << inv.campaigns[g].name;
        t.text.push_back({inv.clusters[c.cluster].name, inv.clusters[c.cluster].kind, number(c.accounts),
                          number(c.campaignAccounts), number(c.baselineAccounts),
                          QStringLiteral("%1: %2").arg(c.campaigns.size()).arg(campaigns.join(QStringLiteral(", ")))});
        t.sortKey.push_back({{}, {}, sortKey(c.accounts), sortKey(c.campaignAccounts),
                             sortKey(c.baselineAccounts), sortKey(c.campaigns.size())});
    }
    return t;
}

TableData linkedAccountsTable(const Investigation& inv, std::size_t maxGroups)
{
    return linkedAccountsTable(inv, indicatorGroups(inv), maxGroups);
}

TableData linkedAccountsTable(const Investigation& inv, const std::vector<IndicatorGroup>& groups, std::size_t maxGroups)
{
    TableData t;
    t.headers = {tr("Indicator"), tr("Value"), tr("Accounts"), tr("Campaigns"), tr("Baseline accounts"),
                 tr("Account references")};
    t.numeric = {false, false, true, false, true, false};
    for (std::size_t i = 0; i < groups.size() && i < maxGroups; ++i) {
        const IndicatorGroup& g = groups[i];
        QStringList campaigns, refs;
        for (std::uint32_t c : g.campaigns)
            campaigns << inv.campaigns[c].name;
        for (std::uint32_t a : g.accounts) // every one: a reviewer follows the indicator to all of them
            refs << inv.accounts[a].externalRef;
        t.text.push_back({g.kind, g.value, number(g.accounts.size()), campaigns.join(QStringLiteral(", ")),
                          number(g.baselineAccounts), refs.join(QStringLiteral(", "))});
        t.sortKey.push_back({{}, {}, sortKey(g.accounts.size()), {}, sortKey(g.baselineAccounts), {}});
        t.tooltip.push_back(refs.join(QLatin1Char('\n')).left(8000));
    }
    return t;
}

TableData attributeMixTable(const Investigation& inv, const Selection& s, bool countries, const AccountMask* include,
                            const AttributeValues* values)
{
    const AccountAttribute attribute = countries ? AccountAttribute::Country : AccountAttribute::AccessPath;
    const AttributeMix mix = values ? attributeMix(inv, *values, include) : attributeMix(inv, attribute, include);
    TableData t;
    t.headers << (countries ? tr("Country") : tr("Access path"));
    t.numeric.push_back(false);
    std::vector<std::uint32_t> groups;
    for (std::uint32_t g = 0; g < inv.groupCount(); ++g)
        if (g == inv.baselineGroup() || s.hasGroup(g)) {
            groups.push_back(g);
            t.headers << groupName(inv, g);
            t.numeric.push_back(true);
        }
    for (int v = 0; v < mix.values.size(); ++v) {
        std::vector<QString> row{mix.values[v]};
        std::vector<QVariant> keys{QVariant()};
        for (std::uint32_t g : groups) {
            const double share = mix.share[g][static_cast<std::size_t>(v)];
            // A group without accounts in the selection has no mix: a dash, not 0.0%.
            row.push_back(mix.groupAccounts[g] ? percent(share, 1) : QStringLiteral("–"));
            keys.push_back(mix.groupAccounts[g] ? QVariant(share) : QVariant());
        }
        t.text.push_back(std::move(row));
        t.sortKey.push_back(std::move(keys));
    }
    return t;
}

TableData familiesTable(const Investigation& inv, const Selection& s, const SelectionFigures& figures)
{
    TableData t;
    t.headers = {tr("Campaign"), tr("Template id"), tr("Fingerprint"), tr("Exchanges"), tr("Share of campaign"), tr("Sample")};
    t.numeric = {false, true, false, true, true, false};
    for (const auto& [key, exchanges] : figures.families) {
        const auto [group, tmpl] = key;
        if (!s.hasGroup(group))
            continue;
        const TemplateInfo& info = inv.templates[tmpl];
        const std::uint64_t total = figures.groupExchanges[group];
        const double share = total ? double(exchanges) / double(total) : 0.0;
        QString sample = info.sample.left(300);
        sample.replace(QLatin1Char('\n'), QChar(0x21b5)); // one line per row; the full text is in the tooltip
        t.text.push_back({groupName(inv, group), QString::number(info.id), info.fingerprint, number(exchanges),
                          percent(share, 2), sample});
        t.sortKey.push_back({{}, sortKey(info.id), {}, sortKey(exchanges), share, {}});
        t.tooltip.push_back(info.sample.left(4000));
    }
    return t;
}

TableData repetitionTable(const Investigation& inv, const Selection& s, const SelectionFigures& figures)
{
    TableData rep;
    rep.headers = {tr("Group"), tr("Exchanges"), tr("Families"), tr("Top family"), tr("Top 10 families")};
    rep.numeric = {false, true, true, true, true};
    std::map<std::uint32_t, std::vector<std::uint64_t>> perGroup;
    for (const auto& [key, count] : figures.families)
        perGroup[key.first].push_back(count);
    for (auto& [group, counts] : perGroup) {
        if (!s.hasGroup(group))
            continue;
        std::sort(counts.rbegin(), counts.rend());
        std::uint64_t top10 = 0;
        for (std::size_t i = 0; i < counts.size() && i < 10; ++i)
            top10 += counts[i];
        const std::uint64_t exchanges = figures.groupExchanges[group];
        const double total = double(std::max<std::uint64_t>(1, exchanges));
        rep.text.push_back({groupName(inv, group), number(exchanges), number(counts.size()),
                            percent(double(counts.front()) / total, 1), percent(double(top10) / total, 1)});
        rep.sortKey.push_back({{}, sortKey(exchanges), sortKey(counts.size()), double(counts.front()) / total, double(top10) / total});
    }
    return rep;
}

} // namespace hs
