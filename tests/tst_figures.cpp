// SPDX-License-Identifier: GPL-3.0-or-later
// Every figure against an independent SQL computation over the same file, on a seeded random
// investigation, through both readers (direct pages and SQLite) and several thread counts.
#include "analysis.h"
#include "fixturedb.h"
#include "loader.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace hs;

namespace {

// SQL for "the exchanges of group g": a campaign id, or NULL for the baseline.
QString groupFilter(const QString& campaignId)
{
    return campaignId.isEmpty() ? QStringLiteral("a.campaign_id IS NULL") : QStringLiteral("a.campaign_id = ") + campaignId;
}

double sqlNumber(const QString& path, const QString& sql) { return test::queryNumber(path, sql); }

} // namespace

class TestFigures : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void figures_data();
    void figures();
    void customThreshold();
    void pathsAgree();

private:
    void checkGroup(const Investigation& inv, const GroupFigures& g, const QString& campaignId);
    void checkPivots(const Investigation& inv, const GroupFigures& g, const QString& campaignId, double threshold);
    QTemporaryDir m_dir;
    QString m_path;
};

void TestFigures::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("random.db"));
    QVERIFY(test::writeRandomDb(m_path, 20260224, 6000));
}

void TestFigures::figures_data()
{
    QTest::addColumn<bool>("direct");
    QTest::addColumn<int>("threads");
    QTest::addRow("pages, 1 thread") << true << 1;
    QTest::addRow("pages, 3 threads") << true << 3;
    QTest::addRow("sqlite, 1 thread") << false << 1;
    QTest::addRow("sqlite, 3 threads") << false << 3;
}

void TestFigures::checkGroup(const Investigation& inv, const GroupFigures& g, const QString& id)
{
    const QString from = QStringLiteral(" FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE ") + groupFilter(id);
    QCOMPARE(double(g.exchanges), sqlNumber(m_path, QStringLiteral("SELECT count(*)") + from));
    QCOMPARE(double(g.accounts), sqlNumber(m_path, QStringLiteral("SELECT count(*) FROM accounts a WHERE ") + groupFilter(id)));
    const double first = sqlNumber(m_path, QStringLiteral("SELECT min(ts)") + from);
    QCOMPARE(g.firstSeen ? double(*g.firstSeen) : -1.0, first);
    QCOMPARE(g.lastSeen ? double(*g.lastSeen) : -1.0, sqlNumber(m_path, QStringLiteral("SELECT max(ts)") + from));
    QCOMPARE(double(g.cotExchanges), std::max(0.0, sqlNumber(m_path, QStringLiteral("SELECT coalesce(sum(cot_elicitation), 0)") + from)));
    for (const CapabilityShare& c : g.capabilities) {
        const QString where = c.name == QLatin1String("unclassified")
            ? QStringLiteral(" AND (e.capability_id IS NULL OR e.capability_id NOT IN (SELECT id FROM capabilities))")
            : QStringLiteral(" AND e.capability_id = (SELECT id FROM capabilities WHERE name = '%1')").arg(c.name);
        const double n = sqlNumber(m_path, QStringLiteral("SELECT count(*)") + from + where);
        QCOMPARE(double(c.exchanges), n);
        QCOMPARE(c.share, n / double(g.exchanges));
    }
    std::uint64_t families = 0;
    for (const FamilyShare& f : g.families) {
        families += f.exchanges;
        QCOMPARE(double(f.exchanges), sqlNumber(m_path, QStringLiteral("SELECT count(*)") + from +
                                                            QStringLiteral(" AND e.template_id = %1").arg(inv.templates[f.tmpl].id)));
    }
    QCOMPARE(double(families), sqlNumber(m_path, QStringLiteral("SELECT count(*)") + from +
                                                     QStringLiteral(" AND e.template_id IN (SELECT id FROM templates)")));
    for (const ClusterShare& c : g.clusters)
        QCOMPARE(double(c.accounts), sqlNumber(m_path, QStringLiteral("SELECT count(*) FROM accounts a WHERE %1 AND cluster_id = %2")
                                                           .arg(groupFilter(id)).arg(inv.clusters[c.cluster].id)));
    // Complete, not only right: every capability, family and cluster SQL finds in the group is
    // reported (a row left out would pass the checks above).
    QStringList capabilityNames, familyIds, clusterIds;
    for (const CapabilityShare& c : g.capabilities)
        if (c.exchanges > 0)
            capabilityNames << c.name;
    for (const FamilyShare& f : g.families)
        if (f.exchanges > 0)
            familyIds << QString::number(inv.templates[f.tmpl].id);
    for (const ClusterShare& c : g.clusters)
        if (c.accounts > 0)
            clusterIds << QString::number(inv.clusters[c.cluster].id);
    auto sorted = [](QStringList l) {
        l.sort();
        return l;
    };
    QCOMPARE(sorted(capabilityNames), sorted(test::queryColumn(m_path, QStringLiteral(
        "SELECT DISTINCT coalesce(c.name, 'unclassified') FROM exchanges e JOIN accounts a ON a.id = e.account_id "
        "LEFT JOIN capabilities c ON c.id = e.capability_id WHERE ") + groupFilter(id))));
    QCOMPARE(sorted(familyIds), sorted(test::queryColumn(m_path, QStringLiteral("SELECT DISTINCT e.template_id") + from +
                                                                 QStringLiteral(" AND e.template_id IN (SELECT id FROM templates)"))));
    QCOMPARE(sorted(clusterIds), sorted(test::queryColumn(m_path, QStringLiteral(
        "SELECT DISTINCT cluster_id FROM accounts a WHERE %1 AND cluster_id IN (SELECT id FROM clusters)").arg(groupFilter(id)))));
    QVERIFY(!capabilityNames.isEmpty() || g.exchanges == 0);
}

void TestFigures::checkPivots(const Investigation& inv, const GroupFigures& g, const QString& id, double threshold)
{
    const QString from = QStringLiteral(" FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE ") + groupFilter(id);
    // Releases whose window saw this campaign's traffic, and no others.
    const QStringList expected = test::queryColumn(m_path, QStringLiteral(
        "SELECT m.name FROM models m WHERE EXISTS (SELECT 1") + from +
        QStringLiteral(" AND e.ts >= m.released_at AND e.ts < m.released_at + 86400) ORDER BY m.released_at"));
    QStringList actual;
    for (const PivotFigure& p : g.pivots)
        actual << inv.models[p.model].name;
    QCOMPARE(actual, expected);
    for (const PivotFigure& p : g.pivots) {
        const QString model = QString::number(inv.models[p.model].id);
        const QString window = QStringLiteral(" AND e.ts >= %1 AND e.ts < %1 + 86400").arg(p.releasedAt);
        const double all = sqlNumber(m_path, QStringLiteral("SELECT count(*)") + from + window);
        const double on = sqlNumber(m_path, QStringLiteral("SELECT count(*)") + from + window + QStringLiteral(" AND e.model_id = ") + model);
        QCOMPARE(p.share24h, on / all);
        // hours_to_threshold: the first hour k whose share on the model reaches the threshold.
        const double k = sqlNumber(m_path, QStringLiteral(
            "SELECT min(k) FROM (SELECT (e.ts - %1) / 3600 + 1 AS k, count(*) AS n, sum(e.model_id = %2) AS onm")
            .arg(p.releasedAt).arg(model) + from + window +
            QStringLiteral(" GROUP BY 1) WHERE CAST(onm AS REAL) / n >= %1").arg(threshold, 0, 'g', 17));
        QCOMPARE(p.hoursToThreshold ? double(*p.hoursToThreshold) : -1.0, k);
        QCOMPARE(p.pivot, k > 0);
        const QString base = QStringLiteral(" FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE a.campaign_id IS NULL");
        const double ball = sqlNumber(m_path, QStringLiteral("SELECT count(*)") + base + window);
        const double bon = sqlNumber(m_path, QStringLiteral("SELECT count(*)") + base + window + QStringLiteral(" AND e.model_id = ") + model);
        QCOMPARE(p.baselineShare24h.has_value(), ball > 0);
        if (ball > 0)
            QCOMPARE(*p.baselineShare24h, bon / ball);
    }
}

void TestFigures::figures()
{
    QFETCH(bool, direct);
    QFETCH(int, threads);
    LoadOptions options{false, threads};
    options.directRead = direct;
    const LoadResult r = loadInvestigation(m_path, options);
    QVERIFY(r.ok());
    const Analysis a = analyze(*r.investigation);
    QCOMPARE(double(a.evidenceExchanges), sqlNumber(m_path, QStringLiteral("SELECT count(*) FROM exchanges")));
    QCOMPARE(double(a.evidenceAccounts), sqlNumber(m_path, QStringLiteral("SELECT count(*) FROM accounts")));
    QCOMPARE(double(a.campaigns.size()), sqlNumber(m_path, QStringLiteral("SELECT count(*) FROM campaigns")));
    QCOMPARE(a.campaigns.size(), std::size_t(3));
    for (const GroupFigures& g : a.campaigns) {
        const QString id = QString::number(r.investigation->campaigns[g.group].id);
        checkGroup(*r.investigation, g, id);
        checkPivots(*r.investigation, g, id, a.threshold);
    }
    checkGroup(*r.investigation, a.baseline, QString());
    QVERIFY(a.baseline.pivots.empty());
    QVERIFY(!a.campaigns[0].pivots.empty()); // the fixture has releases inside the traffic
    QVERIFY(a.campaigns[2].pivots.empty());  // "Idle" has no accounts
}

void TestFigures::customThreshold()
{
    const LoadResult r = loadInvestigation(m_path, {false, 2});
    QVERIFY(r.ok());
    for (double threshold : {0.05, 0.4, 0.9, 1.0}) {
        const Analysis a = analyze(*r.investigation, {threshold});
        for (const GroupFigures& g : a.campaigns)
            checkPivots(*r.investigation, g, QString::number(r.investigation->campaigns[g.group].id), threshold);
    }
}

void TestFigures::pathsAgree()
{
    LoadOptions pages{false, 2};
    LoadOptions statements{false, 2};
    statements.directRead = false;
    const LoadResult a = loadInvestigation(m_path, pages);
    const LoadResult b = loadInvestigation(m_path, statements);
    QVERIFY(a.ok() && b.ok());
    const Aggregates& x = a.investigation->aggregates;
    const Aggregates& y = b.investigation->aggregates;
    QCOMPARE(x.hours.size(), y.hours.size());
    for (std::size_t i = 0; i < x.hours.size(); ++i) {
        QCOMPARE(x.hours[i].hour, y.hours[i].hour);
        QCOMPARE(x.hours[i].exchanges, y.hours[i].exchanges);
        QCOMPARE(x.hours[i].cot, y.hours[i].cot);
    }
    QCOMPARE(x.dayAccounts.size(), y.dayAccounts.size());
    QCOMPARE(x.dayTemplates.size(), y.dayTemplates.size());
    QCOMPARE(x.danglingAccountRows, y.danglingAccountRows);
    QCOMPARE(x.firstDanglingAccountRow, y.firstDanglingAccountRow);
    QVERIFY(x.danglingAccountRows > 0);
}

QTEST_GUILESS_MAIN(TestFigures)
#include "tst_figures.moc"
