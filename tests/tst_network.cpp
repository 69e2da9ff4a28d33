// SPDX-License-Identifier: GPL-3.0-or-later
// The Network page's graph (model/network) against independent SQL over the same file: the edges
// of every link kind (stars around the lowest account id, one per pair and kind), the cluster
// sizes, the replacement arrows; for the whole investigation and for one campaign; on the
// generator's tiny investigation and on a seeded random one with shared IPs, /24s, IPv6 and
// accounts in dangling clusters. And the layout: every node placed, seeded, warm starts.
#include "fixturedb.h"
#include "loader.h"
#include "networkgraph.h"
#include "networklayout.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace hs;

namespace {

QString writeNetworkDb(const QString& path, std::uint64_t seed)
{
    test::Random random(seed);
    QString sql = test::schemaSql() + QStringLiteral(
        "ALTER TABLE accounts ADD COLUMN status_changed_at INTEGER;"
        "INSERT INTO meta VALUES ('format','flagged-campaign-db'),('format_version','1.1');"
        "INSERT INTO models VALUES (1,'m1',1690000000);"
        "INSERT INTO campaigns VALUES (1,'A',NULL,NULL,NULL,NULL),(2,'B',NULL,NULL,NULL,NULL);"
        "INSERT INTO clusters VALUES (1,'K1','proxy'),(2,'K2',NULL);"
        "INSERT INTO templates VALUES (1,'t1',NULL),(2,'t2',NULL),(3,'t3',NULL);"
        "BEGIN;");
    const QStringList clusters = {QStringLiteral("NULL"), QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("2"),
                                  QStringLiteral("9")};
    const QStringList kinds = {QStringLiteral("payment"), QStringLiteral("ip"), QStringLiteral("user_agent"),
                               QStringLiteral("email_domain"), QStringLiteral("asn")};
    int indicator = 1;
    for (int a = 1; a <= 120; ++a) {
        const int campaign = a % 3;
        const bool banned = random.next(4) == 0;
        const std::int64_t first = 1700006400 + 3600 * random.next(24 * 20);
        sql += QStringLiteral("INSERT INTO accounts(id, external_ref, campaign_id, cluster_id, status, status_changed_at) "
                              "VALUES (%1,'r%1',%2,%3,'%4',%5);")
                   .arg(a).arg(campaign == 0 ? QStringLiteral("NULL") : QString::number(campaign))
                   .arg(clusters[int(random.next(clusters.size()))], banned ? QStringLiteral("banned") : QStringLiteral("active"))
                   .arg(banned ? QString::number(first + 3600 * random.next(200)) : QStringLiteral("NULL"));
        for (int i = 0; i < 1 + int(random.next(4)); ++i)
            sql += QStringLiteral("INSERT INTO exchanges(id, ts, account_id, model_id, template_id) VALUES (%1,%2,%3,1,%4);")
                       .arg(a * 10 + i).arg(first + i * 3600 * random.next(30)).arg(a).arg(1 + random.next(3));
        // Indicators: small value pools so that values are shared; some accounts share two IPs.
        for (int i = 0; i < 2 + int(random.next(5)); ++i) {
            const QString& kind = kinds[int(random.next(kinds.size()))];
            QString value = QStringLiteral("%1-%2").arg(kind).arg(random.next(12));
            if (kind == QLatin1String("ip"))
                value = random.next(6) == 0 ? QStringLiteral("2001:db8::%1").arg(random.next(3))
                                     : QStringLiteral("203.0.%1.%2").arg(random.next(4)).arg(random.next(15));
            sql += QStringLiteral("INSERT INTO indicators VALUES (%1,%2,'%3','%4');").arg(indicator++).arg(a).arg(kind, value);
        }
    }
    sql += QStringLiteral("COMMIT;");
    return test::writeDb(path, sql) ? path : QString();
}

// The accounts of the selection: every account of a campaign of the file or of none (the
// baseline), or those of one campaign.
QString selectedSql(int campaign)
{
    return campaign ? QStringLiteral("SELECT id FROM accounts WHERE campaign_id = %1").arg(campaign)
                    : QStringLiteral("SELECT id FROM accounts WHERE campaign_id IS NULL OR campaign_id IN (SELECT id FROM campaigns)");
}

// Edges of one kind as "low high" account ids: each shared value a star around its lowest id.
std::set<QString> sqlEdges(const QString& path, const QString& kind, int campaign)
{
    const bool subnet = kind == QLatin1String("ip24");
    const QString value = subnet ? QStringLiteral("substr(rtrim(value,'0123456789'),1,length(rtrim(value,'0123456789'))-1)")
                                 : QStringLiteral("value");
    const QString where = subnet ? QStringLiteral("kind = 'ip' AND value GLOB '[0-9]*.[0-9]*.[0-9]*.[0-9]*'")
                                 : QStringLiteral("kind = '%1'").arg(kind);
    const QString sql = QStringLiteral(
        "WITH v AS (SELECT DISTINCT %1 AS val, account_id FROM indicators WHERE %2 AND account_id IN (%3)),"
        " c AS (SELECT val, min(account_id) AS centre FROM v GROUP BY val HAVING count(*) >= 2)"
        " SELECT DISTINCT min(c.centre, v.account_id) || ' ' || max(c.centre, v.account_id)"
        " FROM c JOIN v USING (val) WHERE v.account_id <> c.centre")
                            .arg(value, where, selectedSql(campaign));
    const QStringList rows = test::queryColumn(path, sql);
    return {rows.begin(), rows.end()};
}

std::set<QString> modelEdges(const Investigation& inv, const NetworkGraph& g, LinkKind kind)
{
    std::set<QString> out;
    for (const NetworkEdge& e : g.edges) {
        if (e.kind != kind)
            continue;
        const qint64 a = inv.accounts[g.nodes[e.a].account].id, b = inv.accounts[g.nodes[e.b].account].id;
        out.insert(QStringLiteral("%1 %2").arg(std::min(a, b)).arg(std::max(a, b)));
    }
    return out;
}

// The spec's replacement of each banned account, as "banned replacement" ids.
std::set<QString> sqlArrows(const QString& path, int campaign)
{
    const QString sql = QStringLiteral(
        "WITH first AS (SELECT account_id, min(ts) AS f FROM exchanges GROUP BY account_id),"
        " fam AS (SELECT DISTINCT account_id, template_id FROM exchanges WHERE template_id IS NOT NULL),"
        " banned AS (SELECT * FROM accounts WHERE campaign_id IN (SELECT id FROM campaigns) AND campaign_id IN (%1)"
        "            AND status IN ('banned','suspended') AND status_changed_at IS NOT NULL),"
        " pick AS (SELECT a.id AS aid, (SELECT b.id FROM accounts b JOIN first fb ON fb.account_id = b.id"
        "   WHERE b.campaign_id = a.campaign_id AND b.id <> a.id AND (a.cluster_id IS NULL OR b.cluster_id = a.cluster_id)"
        "   AND fb.f >= a.status_changed_at AND fb.f < a.status_changed_at + 259200"
        "   AND EXISTS (SELECT 1 FROM fam x JOIN fam y ON x.template_id = y.template_id"
        "               WHERE x.account_id = a.id AND y.account_id = b.id)"
        "   ORDER BY fb.f, b.id LIMIT 1) AS bid FROM banned a)"
        " SELECT aid || ' ' || bid FROM pick WHERE bid IS NOT NULL")
                            .arg(campaign ? QString::number(campaign) : QStringLiteral("SELECT id FROM campaigns"));
    const QStringList rows = test::queryColumn(path, sql);
    return {rows.begin(), rows.end()};
}

Selection selectionOf(const Investigation& inv, int campaign)
{
    Selection s;
    if (campaign) {
        s.groups.assign(inv.groupCount(), false);
        s.groups[inv.campaignIndex(campaign)] = true;
    }
    return s;
}

} // namespace

class TestNetwork : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void graph_data();
    void graph();
    void subnet24_data();
    void subnet24();
    void timingExtension();
    void layout();

private:
    QTemporaryDir m_dir;
};

void TestNetwork::graph_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("campaign"); // 0: every account
    const QString tiny = m_dir.filePath(QStringLiteral("tiny.db"));
    QVERIFY(test::writeTinyDb(tiny));
    QTest::addRow("tiny, all") << tiny << 0;
    QTest::addRow("tiny, campaign 1") << tiny << 1;
    for (std::uint64_t seed : {3ull, 99ull, 20260224ull}) {
        const QString path = m_dir.filePath(QStringLiteral("random-%1.db").arg(seed));
        QVERIFY(!writeNetworkDb(path, seed).isEmpty());
        QTest::addRow("seed %llu, all", qulonglong(seed)) << path << 0;
        QTest::addRow("seed %llu, campaign 2", qulonglong(seed)) << path << 2;
    }
}

void TestNetwork::graph()
{
    QFETCH(QString, file);
    QFETCH(int, campaign);
    const LoadResult loaded = loadInvestigation(file);
    QVERIFY(loaded.ok());
    const Investigation& inv = *loaded.investigation;
    const NetworkGraph g = buildNetworkGraph(inv, {selectionOf(inv, campaign), {}});

    QCOMPARE(qint64(g.nodes.size()), qint64(test::queryNumber(file, QStringLiteral("SELECT count(*) FROM (%1)").arg(selectedSql(campaign)))));
    std::uint64_t total = 0;
    for (int k = 0; k < kLinkKinds; ++k) {
        const auto kind = LinkKind(k);
        if (kind == LinkKind::Timing)
            continue;
        const std::set<QString> expected = sqlEdges(file, linkKindKey(kind), campaign);
        QCOMPARE(modelEdges(inv, g, kind), expected);
        QCOMPARE(g.edgesPerKind[std::size_t(k)], expected.size());
        total += expected.size();
    }
    QVERIFY2(total > 0, "the file links no accounts: the test would prove nothing");
    QCOMPARE(g.edgesPerKind[std::size_t(LinkKind::Timing)], 0u);
    QCOMPARE(g.edges.size(), total);
    std::uint64_t ends = 0;
    for (const NetworkNode& n : g.nodes)
        ends += n.degree();
    QCOMPARE(ends, 2 * total);

    // Cluster sizes; accounts whose cluster_id is NULL or dangles are "no cluster".
    std::map<qint64, qint64> expectedSizes; // cluster id (-1: none) -> accounts
    for (const QString& row : test::queryColumn(file, QStringLiteral(
             "SELECT k || ' ' || count(*) FROM (SELECT coalesce((SELECT id FROM clusters WHERE id = a.cluster_id), -1) AS k"
             " FROM accounts a WHERE a.id IN (%1)) GROUP BY k").arg(selectedSql(campaign)))) {
        const QStringList p = row.split(QLatin1Char(' '));
        expectedSizes[p[0].toLongLong()] = p[1].toLongLong();
    }
    std::map<qint64, qint64> sizes;
    for (const NetworkCluster& c : g.clusters)
        sizes[c.cluster == kNoIndex ? -1 : inv.clusters[c.cluster].id] = qint64(c.nodes.size());
    QCOMPARE(sizes, expectedSizes);
    for (std::size_t c = 1; c < g.clusters.size(); ++c)
        QVERIFY(g.clusters[c - 1].nodes.size() >= g.clusters[c].nodes.size());

    // Replacement arrows.
    std::set<QString> arrows;
    for (const NetworkArrow& a : g.arrows)
        arrows.insert(QStringLiteral("%1 %2").arg(inv.accounts[g.nodes[a.from].account].id).arg(inv.accounts[g.nodes[a.to].account].id));
    QCOMPARE(arrows, sqlArrows(file, campaign));
    std::uint32_t banned = 0;
    for (const NetworkCluster& c : g.clusters)
        banned += c.banned;
    QCOMPARE(qint64(banned), qint64(test::queryNumber(file, QStringLiteral(
        "SELECT count(*) FROM accounts WHERE id IN (%1) AND status IN ('banned','suspended') AND status_changed_at IS NOT NULL")
        .arg(selectedSql(campaign)))));
    for (const NetworkArrow& a : g.arrows) {
        const auto chain = replacementChain(g, a.from);
        QVERIFY(std::find(chain.begin(), chain.end(), a.to) != chain.end());
    }

    // Links between clusters add up to the edges that cross.
    std::uint64_t crossing = 0, linked = 0;
    for (const NetworkEdge& e : g.edges)
        crossing += g.nodes[e.a].cluster != g.nodes[e.b].cluster ? 1 : 0;
    for (const ClusterLink& l : g.clusterLinks)
        linked += l.edges;
    QCOMPARE(linked, crossing);

    // Active accounts on the busiest day.
    if (!g.activePerDay.empty()) {
        const auto peak = std::max_element(g.activePerDay.begin(), g.activePerDay.end());
        const qint64 day = g.fromDay + (peak - g.activePerDay.begin());
        QCOMPARE(qint64(*peak), qint64(test::queryNumber(file, QStringLiteral(
            "SELECT count(*) FROM (SELECT account_id FROM exchanges WHERE account_id IN (%1) GROUP BY account_id"
            " HAVING min(ts) < %2 AND max(ts) >= %3)").arg(selectedSql(campaign)).arg((day + 1) * 86400).arg(day * 86400))));
    }
}

void TestNetwork::subnet24_data()
{
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("subnet");
    QTest::addRow("v4") << QStringLiteral("203.0.113.7") << QStringLiteral("203.0.113");
    QTest::addRow("v6") << QStringLiteral("2001:db8::1") << QString();
    QTest::addRow("five parts") << QStringLiteral("1.2.3.4.5") << QString();
    QTest::addRow("out of range") << QStringLiteral("1.2.300.4") << QString();
    QTest::addRow("words") << QStringLiteral("a.b.c.d") << QString();
    QTest::addRow("rtl") << QStringLiteral("1.2.3.\u202E4") << QString();
}

void TestNetwork::subnet24()
{
    QFETCH(QString, ip);
    QFETCH(QString, subnet);
    QCOMPARE(hs::subnet24(ip), subnet);
}

void TestNetwork::timingExtension()
{
    const QString path = m_dir.filePath(QStringLiteral("timing.db"));
    QVERIFY(!writeNetworkDb(path, 5).isEmpty());
    const LoadResult loaded = loadInvestigation(path);
    QVERIFY(loaded.ok());
    const Investigation& inv = *loaded.investigation;
    // Accounts 4, 7 and 10 (indexes 3, 6, 9) in step: a star around account 4, two edges.
    const NetworkGraph g = buildNetworkGraph(inv, {Selection{}, {{9, 6, 3, 6}}});
    QCOMPARE(g.edgesPerKind[std::size_t(LinkKind::Timing)], 2u);
    QCOMPARE(modelEdges(inv, g, LinkKind::Timing), (std::set<QString>{QStringLiteral("4 7"), QStringLiteral("4 10")}));
}

void TestNetwork::layout()
{
    const QString path = m_dir.filePath(QStringLiteral("layout.db"));
    QVERIFY(test::writeTinyDb(path));
    const LoadResult loaded = loadInvestigation(path);
    QVERIFY(loaded.ok());
    const NetworkGraph g = buildNetworkGraph(*loaded.investigation, {});
    QVERIFY(!g.clusters.empty());
    const std::size_t size = g.clusters[0].nodes.size();
    QVERIFY(size >= 10);
    const ClusterLayout half = layoutCluster(g, 0, size / 2, nullptr);
    QCOMPARE(half.nodes.size(), size / 2);
    const ClusterLayout again = layoutCluster(g, 0, size / 2, nullptr);
    QCOMPARE(again.x, half.x); // seeded: the same picture every time
    QCOMPARE(again.y, half.y);
    const ClusterLayout full = layoutCluster(g, 0, size, &half);
    QCOMPARE(full.nodes.size(), size);
    double moved = 0;
    for (std::size_t i = 0; i < half.nodes.size(); ++i) {
        const std::int64_t p = full.position(half.nodes[i]);
        QVERIFY(p >= 0);
        QVERIFY(std::hypot(full.x[std::size_t(p)], full.y[std::size_t(p)]) <= full.radius * 1.0001);
        moved += std::hypot(full.x[std::size_t(p)] - half.x[i], full.y[std::size_t(p)] - half.y[i]);
    }
    // Warm-started: the nodes placed before move on average well under the cluster's radius.
    QVERIFY2(moved / double(half.nodes.size()) < full.radius * 0.5, qPrintable(QString::number(moved / double(half.nodes.size()))));
    QCOMPARE(full.position(std::uint32_t(g.nodes.size() + 5)), std::int64_t(-1));
    std::atomic<bool> cancel{true};
    QVERIFY(layoutCluster(g, 0, size, nullptr, ProgressSink({}, &cancel)).nodes.empty());
}

QTEST_GUILESS_MAIN(TestNetwork)
#include "tst_network.moc"
