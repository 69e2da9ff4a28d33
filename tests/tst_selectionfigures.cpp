// SPDX-License-Identifier: GPL-3.0-or-later
// Every figure a view shows under a selection (time range, groups, model, capability) against an
// independent SQL computation over the same file with the same filters: the Overview's figures
// (selectionAnalysis), each account's activity, the Accounts page's clusters, linked accounts and
// mixes, the timeline (computeTimeline, Monday-start weeks), the capability mix and its weeks;
// through the exact path (exchange columns) and the aggregate path (a file loaded without them).
// Complete row sets: every row SQL finds is reported, not only the reported rows checked.
#include "fixturedb.h"
#include "loader.h"
#include "selectionanalysis.h"
#include "timeline.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace hs;

namespace {

using Counts = std::map<QString, double>; // key -> number, from SQL or from the program

// Rows of a two-column query (key, number) as a map.
Counts sqlCounts(const QString& path, const QString& sql)
{
    const QStringList keys = test::queryColumn(path, QStringLiteral("SELECT k FROM (%1)").arg(sql));
    const QStringList values = test::queryColumn(path, QStringLiteral("SELECT n FROM (%1)").arg(sql));
    Counts out;
    for (qsizetype i = 0; i < keys.size() && i < values.size(); ++i)
        out[keys[i]] = values[i].toDouble();
    return out;
}

QString groupKey(const Investigation& inv, std::uint32_t g)
{
    return g == inv.baselineGroup() ? QStringLiteral("base") : QString::number(inv.campaigns[g].id);
}

// SQL: the group key of an exchange's account ("base" for the baseline).
const char* const kGroupSql = "coalesce(CAST(a.campaign_id AS TEXT), 'base')";

struct Case
{
    Selection selection;
    QString exact;     // SQL condition on e (and a) for the exact path
    QString hourly;    // ... for group traffic on the aggregate path (whole hours of the range)
    QString daily;     // ... for accounts and families on the aggregate path (whole days, no model/capability)
};

} // namespace

class TestSelectionFigures : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void figures_data();
    void figures();
    void timeline_data();
    void timeline();
    void capabilityMixes_data();
    void capabilityMixes();
    void accountWithoutColumns();
    void orderedRowsSkipBlocks();

private:
    Case makeCase(const QString& name) const;
    void checkAnalysis(const Investigation& inv, const Analysis& a, const QString& where, const QString& accountWhere,
                       bool accountsExact);
    QTemporaryDir m_dir;
    QString m_path;
    std::shared_ptr<const Investigation> m_columns, m_aggregates;
};

void TestSelectionFigures::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("random.db"));
    QVERIFY(test::writeRandomDb(m_path, 20261129, 6000));
    LoadOptions withColumns{false, 2};
    withColumns.keepColumns = true;
    m_columns = loadInvestigation(m_path, withColumns).investigation;
    m_aggregates = loadInvestigation(m_path, LoadOptions{false, 2}).investigation;
    QVERIFY(m_columns && m_columns->columns);
    QVERIFY(m_aggregates && !m_aggregates->columns);
}

// A selection by name, its range placed inside the traffic at minutes that are not on the hour.
Case TestSelectionFigures::makeCase(const QString& name) const
{
    const Investigation& inv = *m_columns;
    const double lo = test::queryNumber(m_path, QStringLiteral("SELECT min(ts) FROM exchanges"));
    const double hi = test::queryNumber(m_path, QStringLiteral("SELECT max(ts) FROM exchanges"));
    Case c;
    c.selection.groups.assign(inv.groupCount(), true);
    QStringList exact, hourly, daily;
    if (name.contains(QLatin1String("range"))) {
        const auto from = static_cast<std::int64_t>(lo + (hi - lo) * 0.3) + 1234;
        const auto to = static_cast<std::int64_t>(lo + (hi - lo) * 0.7) + 777;
        c.selection.range = TimeRange{from, to};
        exact << QStringLiteral("e.ts >= %1 AND e.ts < %2").arg(from).arg(to);
        hourly << QStringLiteral("(e.ts / 3600) * 3600 >= %1 AND (e.ts / 3600) * 3600 < %2").arg(from).arg(to);
        daily << QStringLiteral("e.ts / 86400 BETWEEN %1 AND %2").arg(from / 86400).arg((to - 1) / 86400);
    }
    if (name.contains(QLatin1String("model"))) {
        c.selection.model = 1;
        const QString m = QStringLiteral("e.model_id = %1").arg(inv.models[1].id);
        exact << m;
        hourly << m;
    }
    if (name.contains(QLatin1String("capability"))) {
        const std::uint32_t cap = name.contains(QLatin1String("unclassified")) ? inv.unclassified : 0;
        c.selection.capability = cap;
        const QString cond = cap == inv.unclassified
            ? QStringLiteral("(e.capability_id IS NULL OR e.capability_id NOT IN (SELECT id FROM capabilities))")
            : QStringLiteral("e.capability_id = %1").arg(inv.capabilities[cap].id);
        exact << cond;
        hourly << cond;
    }
    if (name.contains(QLatin1String("groups")))
        c.selection.groups[0] = false; // the first campaign left out
    if (name.contains(QLatin1String("account"))) {
        // Accounts > Show on the timeline: the busiest campaign account, its group alone.
        const auto id = static_cast<std::int64_t>(test::queryNumber(m_path, QStringLiteral(
            "SELECT e.account_id FROM exchanges e JOIN accounts a ON a.id = e.account_id "
            "WHERE a.campaign_id IN (SELECT id FROM campaigns) GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")));
        for (std::uint32_t i = 0; i < inv.accounts.size(); ++i)
            if (inv.accounts[i].id == id)
                c.selection.account = i;
        Q_ASSERT(c.selection.account);
        c.selection.groups.assign(inv.groupCount(), false);
        c.selection.groups[inv.accounts[*c.selection.account].group] = true;
        const QString cond = QStringLiteral("e.account_id = %1").arg(id);
        exact << cond;
        hourly << cond;
        daily << cond;
    }
    auto join = [](const QStringList& l) { return l.isEmpty() ? QStringLiteral("1") : l.join(QStringLiteral(" AND ")); };
    c.exact = join(exact);
    c.hourly = join(hourly);
    c.daily = join(daily);
    return c;
}

void TestSelectionFigures::figures_data()
{
    QTest::addColumn<QString>("selection");
    QTest::addColumn<bool>("columns");
    for (const char* name : {"none", "range", "model", "capability", "unclassified capability", "range model",
                             "range model capability", "groups range"})
        for (bool columns : {true, false})
            QTest::addRow("%s, %s", name, columns ? "exact" : "day aggregates") << QString::fromLatin1(name) << columns;
    // One account (the dashboard always has the columns; without them an account's traffic has
    // no model or capability, checked in accountWithoutColumns).
    for (const char* name : {"account", "range account", "range model account", "capability account"})
        QTest::addRow("%s, exact", name) << QString::fromLatin1(name) << true;
}

// Each group's figures against SQL. `where` selects the group traffic; `accountWhere` the
// accounts' activity (the same on the exact path; whole days on the aggregate path).
void TestSelectionFigures::checkAnalysis(const Investigation& inv, const Analysis& a, const QString& where,
                                         const QString& accountWhere, bool accountsExact)
{
    const QString from = QStringLiteral(" FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE (%1)").arg(where);
    const QString group = QString::fromLatin1(kGroupSql);
    const Counts exchanges = sqlCounts(m_path, QStringLiteral("SELECT %1 AS k, count(*) AS n").arg(group) + from + QStringLiteral(" GROUP BY 1"));
    const Counts cot = sqlCounts(m_path, QStringLiteral("SELECT %1 AS k, sum(coalesce(e.cot_elicitation, 0)) AS n").arg(group) + from + QStringLiteral(" GROUP BY 1"));
    const Counts caps = sqlCounts(m_path, QStringLiteral(
        "SELECT %1 || '/' || coalesce((SELECT name FROM capabilities c WHERE c.id = e.capability_id), 'unclassified') AS k, count(*) AS n")
        .arg(group) + from + QStringLiteral(" GROUP BY 1"));
    const QString accountFrom = QStringLiteral(" FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE (%1)").arg(accountWhere);
    const Counts active = sqlCounts(m_path, QStringLiteral("SELECT %1 AS k, count(DISTINCT e.account_id) AS n").arg(group) + accountFrom + QStringLiteral(" GROUP BY 1"));
    const Counts first = sqlCounts(m_path, QStringLiteral("SELECT %1 AS k, min(e.ts) AS n").arg(group) + accountFrom + QStringLiteral(" GROUP BY 1"));
    const Counts last = sqlCounts(m_path, QStringLiteral("SELECT %1 AS k, max(e.ts) AS n").arg(group) + accountFrom + QStringLiteral(" GROUP BY 1"));
    const Counts clusters = sqlCounts(m_path, QStringLiteral(
        "SELECT %1 || '/' || a.cluster_id AS k, count(DISTINCT a.id) AS n").arg(group) + accountFrom +
        QStringLiteral(" AND a.cluster_id IN (SELECT id FROM clusters) GROUP BY 1"));

    Counts gotExchanges, gotCot, gotCaps, gotActive, gotFirst, gotLast, gotClusters;
    std::vector<const GroupFigures*> groups;
    for (const GroupFigures& g : a.campaigns)
        groups.push_back(&g);
    groups.push_back(&a.baseline);
    for (const GroupFigures* g : groups) {
        const QString k = groupKey(inv, g->group);
        if (g->exchanges)
            gotExchanges[k] = double(g->exchanges), gotCot[k] = double(g->cotExchanges);
        for (const CapabilityShare& c : g->capabilities) {
            gotCaps[k + QLatin1Char('/') + c.name] = double(c.exchanges);
            QCOMPARE(c.share, double(c.exchanges) / double(g->exchanges));
        }
        if (g->accounts)
            gotActive[k] = double(g->accounts);
        if (g->firstSeen && accountsExact)
            gotFirst[k] = double(*g->firstSeen), gotLast[k] = double(*g->lastSeen);
        for (const ClusterShare& c : g->clusters)
            gotClusters[k + QLatin1Char('/') + QString::number(inv.clusters[c.cluster].id)] = double(c.accounts);
    }
    QCOMPARE(gotExchanges, exchanges);
    if (inv.hasCot)
        QCOMPARE(gotCot, cot);
    QCOMPARE(gotCaps, caps);
    QCOMPARE(gotActive, active);
    if (accountsExact) {
        QCOMPARE(gotFirst, first);
        QCOMPARE(gotLast, last);
    }
    QCOMPARE(gotClusters, clusters);
}

void TestSelectionFigures::figures()
{
    QFETCH(QString, selection);
    QFETCH(bool, columns);
    const Investigation& inv = columns ? *m_columns : *m_aggregates;
    const Case c = makeCase(selection);
    const Selection& s = c.selection;
    const bool filtered = s.range || s.model || s.capability || s.account;
    const SelectionFigures f = computeSelectionFigures(inv, s);
    if (s.account) // a test that could not fail: the account has traffic under the filters
        QVERIFY(test::queryNumber(m_path, QStringLiteral("SELECT count(*) FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE ") + c.exact) > 0);
    QCOMPARE(f.exact, columns || !filtered);
    const Analysis whole = analyze(inv);
    const Analysis a = selectionAnalysis(inv, whole, f);
    if (!filtered) {
        // Without a filter the selection's figures are the whole investigation's, account counts
        // included (inactive accounts too): the Overview shows the same with or without a selection.
        QCOMPARE(a.evidenceExchanges, whole.evidenceExchanges);
        QCOMPARE(a.evidenceAccounts, whole.evidenceAccounts);
        for (std::size_t g = 0; g < whole.campaigns.size(); ++g) {
            QCOMPARE(a.campaigns[g].exchanges, whole.campaigns[g].exchanges);
            QCOMPARE(a.campaigns[g].accounts, whole.campaigns[g].accounts);
            QCOMPARE(a.campaigns[g].pivots.size(), whole.campaigns[g].pivots.size());
        }
        return;
    }
    const QString accountWhere = columns ? c.exact : c.daily;
    checkAnalysis(inv, a, columns ? c.exact : c.hourly, accountWhere, columns);
    QCOMPARE(double(a.evidenceExchanges), test::queryNumber(m_path, QStringLiteral(
        "SELECT count(*) FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE ") + (columns ? c.exact : c.hourly)));

    // Each account's activity: the complete set of active accounts, with counts and times.
    const QString accountFrom = QStringLiteral(" FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE ") + accountWhere;
    const Counts perAccount = sqlCounts(m_path, QStringLiteral("SELECT a.id AS k, count(*) AS n") + accountFrom + QStringLiteral(" GROUP BY 1"));
    Counts got;
    for (std::size_t i = 0; i < inv.accounts.size(); ++i)
        if (f.accounts[i].exchanges)
            got[QString::number(inv.accounts[i].id)] = double(f.accounts[i].exchanges);
    QCOMPARE(got, perAccount);

    // Families per group (day cells on the aggregate path, model and capability not applied).
    const Counts families = sqlCounts(m_path, QStringLiteral("SELECT %1 || '/' || e.template_id AS k, count(*) AS n")
        .arg(QString::fromLatin1(kGroupSql)) + accountFrom + QStringLiteral(" AND e.template_id IN (SELECT id FROM templates) GROUP BY 1"));
    Counts gotFamilies;
    for (const auto& [key, n] : f.families)
        gotFamilies[groupKey(inv, key.first) + QLatin1Char('/') + QString::number(inv.templates[key.second].id)] = double(n);
    QCOMPARE(gotFamilies, families);

    // The exchanges view's rows: those of the selected groups, every one.
    if (columns) {
        QString groups;
        for (std::uint32_t g = 0; g < inv.groupCount(); ++g)
            if (s.hasGroup(g))
                groups += (groups.isEmpty() ? QString() : QStringLiteral(",")) + QLatin1Char('\'') + groupKey(inv, g) + QLatin1Char('\'');
        QCOMPARE(double(f.matches->size()), test::queryNumber(m_path, QStringLiteral("SELECT count(*)") + accountFrom +
                                                                      QStringLiteral(" AND %1 IN (%2)").arg(QString::fromLatin1(kGroupSql), groups)));
    }

    // Pivots: the whole investigation's whose release lies in the range and on the chosen model.
    for (const GroupFigures& g : a.campaigns) {
        QStringList expected;
        for (const PivotFigure& p : whole.campaigns[g.group].pivots)
            expected << inv.models[p.model].name;
        const QStringList inRange = test::queryColumn(m_path, QStringLiteral(
            "SELECT name FROM models m WHERE %1 AND %2 ORDER BY released_at")
            .arg(s.range ? QStringLiteral("m.released_at >= %1 AND m.released_at < %2").arg(s.range->from).arg(s.range->to) : QStringLiteral("1"),
                 s.model ? QStringLiteral("m.id = %1").arg(inv.models[*s.model].id) : QStringLiteral("1")));
        QStringList actual;
        for (const PivotFigure& p : g.pivots)
            actual << inv.models[p.model].name;
        QStringList both;
        for (const QString& m : expected)
            if (inRange.contains(m))
                both << m;
        QCOMPARE(actual, both);
    }

    // The Accounts page's tables count the selected groups' accounts active in the selection.
    const AccountMask mask = selectedAccounts(inv, f, false);
    QString groupCond = QStringLiteral("1");
    if (!s.hasGroup(0))
        groupCond = QStringLiteral("coalesce(a.campaign_id, -1) <> %1").arg(inv.campaigns[0].id);
    const QString activeAccounts = QStringLiteral("SELECT DISTINCT a.id") + accountFrom + QStringLiteral(" AND ") + groupCond;
    Counts gotClusters;
    for (const ClusterSummary& cs : clusterSummaries(inv, &mask))
        gotClusters[QString::number(inv.clusters[cs.cluster].id)] = double(cs.accounts);
    QCOMPARE(gotClusters, sqlCounts(m_path, QStringLiteral(
        "SELECT cluster_id AS k, count(*) AS n FROM accounts WHERE id IN (%1) AND cluster_id IN (SELECT id FROM clusters) GROUP BY 1")
        .arg(activeAccounts)));
    Counts gotLinked;
    for (const IndicatorGroup& ig : indicatorGroups(inv, &mask))
        gotLinked[ig.kind + QLatin1Char('=') + ig.value] = double(ig.accounts.size());
    const Counts linked = sqlCounts(m_path, QStringLiteral(
        "SELECT kind || '=' || value AS k, count(DISTINCT account_id) AS n FROM indicators WHERE account_id IN (%1) "
        "GROUP BY kind, value HAVING count(DISTINCT account_id) >= 2").arg(activeAccounts));
    QCOMPARE(gotLinked, linked);
    Counts gotNarrowed;
    for (const IndicatorGroup& ig : narrowIndicatorGroups(inv, indicatorGroups(inv), mask))
        gotNarrowed[ig.kind + QLatin1Char('=') + ig.value] = double(ig.accounts.size());
    QCOMPARE(gotNarrowed, linked);
    const AttributeMix mix = attributeMix(inv, AccountAttribute::AccessPath, &mask);
    Counts gotMix;
    for (std::uint32_t g = 0; g < inv.groupCount(); ++g)
        for (qsizetype v = 0; v < mix.values.size(); ++v)
            if (mix.share[g][std::size_t(v)] > 0)
                gotMix[groupKey(inv, g) + QLatin1Char('/') + mix.values[v]] =
                    std::round(mix.share[g][std::size_t(v)] * double(mix.groupAccounts[g]));
    QCOMPARE(gotMix, sqlCounts(m_path, QStringLiteral(
        "SELECT coalesce(CAST(campaign_id AS TEXT), 'base') || '/' || coalesce(nullif(access_path, ''), '(none)') AS k, count(*) AS n "
        "FROM accounts a WHERE id IN (%1) AND (campaign_id IS NULL OR campaign_id IN (SELECT id FROM campaigns)) GROUP BY 1")
        .arg(activeAccounts)));
    // Values most used first over all groups, ties by text.
    std::vector<double> used;
    for (qsizetype v = 0; v < mix.values.size(); ++v) {
        double n = 0;
        for (std::uint32_t g = 0; g < inv.groupCount(); ++g)
            n += std::round(mix.share[g][std::size_t(v)] * double(mix.groupAccounts[g]));
        QVERIFY(n > 0);
        if (!used.empty())
            QVERIFY(n < used.back() || (n == used.back() && mix.values[v - 1] < mix.values[v]));
        used.push_back(n);
    }
}

void TestSelectionFigures::timeline_data()
{
    QTest::addColumn<QString>("selection");
    QTest::addColumn<int>("bin");
    for (const char* name : {"none", "model", "capability", "model capability groups", "account", "model account"})
        for (int bin : {int(Bin::Hour), int(Bin::Day), int(Bin::Week)})
            QTest::addRow("%s, bin %d", name, bin) << QString::fromLatin1(name) << bin;
}

// Timeline series per campaign and the baseline against SQL bins: hours and days by division,
// weeks by SQLite's own calendar (the Monday on or before the day), an independent computation.
void TestSelectionFigures::timeline()
{
    QFETCH(QString, selection);
    QFETCH(int, bin);
    const Investigation& inv = *m_columns;
    const Case c = makeCase(selection);
    const auto b = static_cast<Bin>(bin);
    const TimelineData data = computeTimeline(inv, c.selection, b, SplitBy::Campaign);
    Counts got;
    for (const TimelineSeries& series : data.series) {
        QVERIFY(c.selection.hasGroup(series.key));
        for (std::size_t i = 0; i < data.bins; ++i)
            if (series.values[i] > 0)
                got[groupKey(inv, series.key) + QLatin1Char('@') + QString::number(data.start(i))] = series.values[i];
    }
    for (std::size_t i = 0; i < data.bins; ++i)
        if (data.baseline[i] > 0)
            got[QStringLiteral("base@") + QString::number(data.start(i))] = data.baseline[i];
    const QString binSql = b == Bin::Hour ? QStringLiteral("(e.ts / 3600) * 3600")
                         : b == Bin::Day  ? QStringLiteral("(e.ts / 86400) * 86400")
                                          : QStringLiteral("CAST(strftime('%s', date(e.ts, 'unixepoch', '-6 days', 'weekday 1')) AS INTEGER)");
    QString groups = QStringLiteral("1");
    if (!c.selection.hasGroup(0)) // the baseline is always drawn; left-out campaigns are not
        groups = QStringLiteral("coalesce(a.campaign_id, -1) <> %1").arg(inv.campaigns[0].id);
    const Counts expected = sqlCounts(m_path, QStringLiteral(
        "SELECT %1 || '@' || (%2) AS k, count(*) AS n FROM exchanges e JOIN accounts a ON a.id = e.account_id "
        "WHERE (a.campaign_id IS NULL OR a.campaign_id IN (SELECT id FROM campaigns)) AND %3 AND %4 GROUP BY 1")
        .arg(QString::fromLatin1(kGroupSql), binSql, c.exact, groups));
    QCOMPARE(got, expected);
    if (b == Bin::Week) // every bin starts on a Monday, 00:00 UTC
        for (std::size_t i = 0; i < data.bins; ++i)
            QCOMPARE(QDateTime::fromSecsSinceEpoch(data.start(i), Qt::UTC).date().dayOfWeek(), 1);
}

void TestSelectionFigures::capabilityMixes_data()
{
    QTest::addColumn<QString>("selection");
    for (const char* name : {"none", "range", "range model", "groups range", "account", "range account"})
        QTest::addRow("%s", name) << QString::fromLatin1(name);
}

// The Capabilities page's bars, its weeks and its default campaign.
void TestSelectionFigures::capabilityMixes()
{
    QFETCH(QString, selection);
    const Investigation& inv = *m_columns;
    Case c = makeCase(selection);
    // The mix ignores the capability filter and counts an hour when its start lies in the range.
    const QString where = c.hourly;
    const std::vector<GroupCapabilityMix> mix = capabilityMix(inv, c.selection);
    Counts got;
    for (const GroupCapabilityMix& g : mix)
        for (std::size_t cap = 0; cap < g.perCapability.size(); ++cap)
            if (g.perCapability[cap])
                got[groupKey(inv, g.group) + QLatin1Char('/') + inv.capabilities[cap].name] = double(g.perCapability[cap]);
    const QString capName = QStringLiteral("coalesce((SELECT name FROM capabilities c WHERE c.id = e.capability_id), 'unclassified')");
    const QString from = QStringLiteral(" FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE "
                                        "(a.campaign_id IS NULL OR a.campaign_id IN (SELECT id FROM campaigns)) AND ") + where;
    QCOMPARE(got, sqlCounts(m_path, QStringLiteral("SELECT %1 || '/' || %2 AS k, count(*) AS n").arg(QString::fromLatin1(kGroupSql), capName) +
                                    from + QStringLiteral(" GROUP BY 1")));

    // Default "over time": the selected campaign with the most exchanges in the selection.
    QString groups = QStringLiteral("a.campaign_id IS NOT NULL");
    if (!c.selection.hasGroup(0))
        groups += QStringLiteral(" AND a.campaign_id <> %1").arg(inv.campaigns[0].id);
    const double largest = test::queryNumber(m_path, QStringLiteral("SELECT a.campaign_id") + from + QStringLiteral(" AND ") + groups +
                                                         QStringLiteral(" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"));
    const std::uint32_t chosen = largestSelectedCampaign(inv, c.selection, mix);
    QVERIFY(chosen < inv.campaigns.size());
    QCOMPARE(double(inv.campaigns[chosen].id), largest);

    // Its weeks: Monday starts by SQLite's calendar, every capability of every week.
    Counts weeks;
    for (const WeekCapabilityMix& w : capabilityMixByWeek(inv, c.selection, chosen))
        for (std::size_t cap = 0; cap < w.perCapability.size(); ++cap)
            if (w.perCapability[cap])
                weeks[QString::number(w.week) + QLatin1Char('/') + inv.capabilities[cap].name] = double(w.perCapability[cap]);
    QCOMPARE(weeks, sqlCounts(m_path, QStringLiteral(
        "SELECT CAST(strftime('%s', date(e.ts, 'unixepoch', '-6 days', 'weekday 1')) AS INTEGER) || '/' || %1 AS k, count(*) AS n")
        .arg(capName) + from + QStringLiteral(" AND a.campaign_id = %1 GROUP BY 1").arg(inv.campaigns[chosen].id)));
}

// Without the exchange columns an account's traffic comes from its day cells: its days and counts
// exact, in the timeline and in the figures, its model and capability unknown.
void TestSelectionFigures::accountWithoutColumns()
{
    const Investigation& inv = *m_aggregates;
    const Case c = makeCase(QStringLiteral("account"));
    const std::int64_t id = inv.accounts[*c.selection.account].id;
    const TimelineData data = computeTimeline(inv, c.selection, Bin::Day, SplitBy::Campaign);
    Counts got;
    for (const TimelineSeries& series : data.series)
        for (std::size_t i = 0; i < data.bins; ++i)
            if (series.values[i] > 0)
                got[QString::number(data.start(i))] += series.values[i];
    const Counts expected = sqlCounts(m_path, QStringLiteral(
        "SELECT (ts / 86400) * 86400 AS k, count(*) AS n FROM exchanges WHERE account_id = %1 GROUP BY 1").arg(id));
    QVERIFY(!expected.empty());
    QCOMPARE(got, expected);
    const SelectionFigures f = computeSelectionFigures(inv, c.selection);
    QVERIFY(!f.exact);
    const double total = test::queryNumber(m_path, QStringLiteral("SELECT count(*) FROM exchanges WHERE account_id = %1").arg(id));
    QCOMPARE(double(f.groupExchanges[inv.accounts[*c.selection.account].group]), total);
    for (std::size_t a = 0; a < f.accounts.size(); ++a)
        QCOMPARE(f.accounts[a].exchanges, a == *c.selection.account ? std::uint64_t(total) : std::uint64_t(0));
}

// Rows in time order (as every writer we know writes them): a range inside the last block makes the
// pass skip the first block (ExchangeColumns::blockTs); the figures still match SQL exactly.
void TestSelectionFigures::orderedRowsSkipBlocks()
{
    const QString path = m_dir.filePath(QStringLiteral("ordered.db"));
    QVERIFY(QFile::copy(m_path, path));
    QVERIFY(test::execSql(path, QStringLiteral(
        "CREATE TEMP TABLE byTime AS SELECT * FROM exchanges ORDER BY ts, id; DELETE FROM exchanges; "
        "INSERT INTO exchanges(ts, account_id, model_id, capability_id, prompt_tokens, completion_tokens, template_id, "
        "cot_elicitation) SELECT ts, account_id, model_id, capability_id, prompt_tokens, completion_tokens, template_id, "
        "cot_elicitation FROM byTime ORDER BY ts, id")));
    LoadOptions withColumns{false, 2};
    withColumns.keepColumns = true;
    const auto inv = loadInvestigation(path, withColumns).investigation;
    QVERIFY(inv && inv->columns);
    const ExchangeColumns& c = *inv->columns;
    QCOMPARE(c.blockTs.size(), (c.size + ExchangeColumns::kTsBlock - 1) / ExchangeColumns::kTsBlock);
    QVERIFY(c.blockTs.size() >= 2);
    // From the last block's first ts (exclusive of earlier blocks) to just past its end.
    const std::int64_t from = std::int64_t(c.blockTs.back().first) + 1;
    const std::int64_t to = std::int64_t(c.blockTs.back().second) + 1;
    QVERIFY(!c.blockMayHold(0, from, to)); // the skip is what this test exercises
    Selection sel;
    sel.groups.assign(inv->groupCount(), true);
    sel.range = TimeRange{from, to};
    const SelectionFigures f = computeSelectionFigures(*inv, sel, nullptr);
    const QString where = QStringLiteral("ts >= %1 AND ts < %2").arg(from).arg(to);
    std::uint64_t total = 0;
    for (const std::uint64_t n : f.groupExchanges)
        total += n;
    QCOMPARE(double(total), test::queryNumber(path, QStringLiteral(
        "SELECT count(*) FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE ") + where));
    for (std::uint32_t i = 0; i < inv->accounts.size(); ++i)
        QCOMPARE(double(f.accounts[i].exchanges), test::queryNumber(path, QStringLiteral(
            "SELECT count(*) FROM exchanges WHERE account_id = %1 AND ").arg(inv->accounts[i].id) + where));
}

QTEST_GUILESS_MAIN(TestSelectionFigures)
#include "tst_selectionfigures.moc"
