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

// The accounts table's rows for accounts [from, to), appended to `t`.
void appendAccountRows(TableData& t, const Investigation& inv, const Selection& s, const SelectionFigures& figures,
                       std::size_t from, std::size_t to)
{
    const bool filtered = s.range || s.model || s.capability;
    for (std::size_t i = from; i < to; ++i) {
        const AccountInfo& a = inv.accounts[i];
        const AccountTotals& f = figures.accounts[i];
        if (a.group == kNoIndex || !s.hasGroup(a.group) || (filtered && f.exchanges == 0))
            continue;
        const bool seen = f.exchanges > 0;
        t.text.push_back({a.externalRef, groupName(inv, a.group),
                          a.cluster == kNoIndex ? QString() : inv.clusters[a.cluster].name, a.country, a.accessPath,
                          a.status, number(f.exchanges), seen ? shortUtc(f.first) : QString(),
                          seen ? shortUtc(f.last) : QString()});
        t.sortKey.push_back({{}, {}, {}, {}, {}, {}, sortKey(f.exchanges),
                             seen ? sortKey(f.first) : QVariant(), seen ? sortKey(f.last) : QVariant()});
    }
}

} // namespace

TableData accountsTable(const Investigation& inv, const Selection& s, const SelectionFigures& figures)
{
    TableData t;
    t.headers = {tr("External ref"), tr("Campaign"), tr("Cluster"), tr("Country"), tr("Access path"), tr("Status"),
                 tr("Exchanges"), tr("First seen"), tr("Last seen")};
    t.numeric = {false, false, false, false, false, false, true, false, false};
    // Two halves on the pool's two threads, joined in account order: at full scale the rows (56,000
    // times formatted, 28,000 accounts) took a third of a selection change on one core.
    const std::size_t half = inv.accounts.size() / 2;
    TableData second;
    runInParallel(2, [&](std::size_t part) {
        if (part == 0)
            appendAccountRows(t, inv, s, figures, 0, half);
        else
            appendAccountRows(second, inv, s, figures, half, inv.accounts.size());
    });
    t.text.insert(t.text.end(), std::make_move_iterator(second.text.begin()), std::make_move_iterator(second.text.end()));
    t.sortKey.insert(t.sortKey.end(), std::make_move_iterator(second.sortKey.begin()),
                     std::make_move_iterator(second.sortKey.end()));
    return t;
}

TableData clustersTable(const Investigation& inv)
{
    TableData t;
    t.headers = {tr("Cluster"), tr("Kind"), tr("Accounts"), tr("Campaign accounts"), tr("Baseline accounts"),
                 tr("Campaigns mixed")};
    t.numeric = {false, false, true, true, true, false};
    for (const ClusterSummary& c : clusterSummaries(inv)) {
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
    TableData t;
    t.headers = {tr("Indicator"), tr("Value"), tr("Accounts"), tr("Campaigns"), tr("Baseline accounts"), tr("Example accounts")};
    t.numeric = {false, false, true, false, true, false};
    const std::vector<IndicatorGroup> groups = indicatorGroups(inv);
    for (std::size_t i = 0; i < groups.size() && i < maxGroups; ++i) {
        const IndicatorGroup& g = groups[i];
        QStringList campaigns, examples;
        for (std::uint32_t c : g.campaigns)
            campaigns << inv.campaigns[c].name;
        for (std::size_t k = 0; k < g.accounts.size() && k < 3; ++k)
            examples << inv.accounts[g.accounts[k]].externalRef;
        t.text.push_back({g.kind, g.value, number(g.accounts.size()), campaigns.join(QStringLiteral(", ")),
                          number(g.baselineAccounts), examples.join(QStringLiteral(", "))});
        t.sortKey.push_back({{}, {}, sortKey(g.accounts.size()), {}, sortKey(g.baselineAccounts), {}});
    }
    return t;
}

TableData attributeMixTable(const Investigation& inv, const Selection& s, bool countries)
{
    const AttributeMix mix = attributeMix(inv, countries ? AccountAttribute::Country : AccountAttribute::AccessPath);
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
            row.push_back(percent(share, 1));
            keys.push_back(share);
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
