// SPDX-License-Identifier: GPL-3.0-or-later
// The lifecycle figures of format 1.1 (banned accounts, replacement, replacement_hours,
// replaced_accounts, replacement_median_hours, active accounts per day) against an independent SQL
// computation over the same file: seeded random investigations built to hit the definition's
// edges (first exchanges exactly at t and t + 72 h, ties on the first exchange, dangling clusters
// and prompt families, status spellings that are not bans), through both readers and thread counts.
#include "accounttemplates.h"
#include "analysis.h"
#include "analysisjson.h"
#include "churn.h"
#include "fixturedb.h"
#include "lifecycle.h"
#include "loader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>

using namespace hs;

namespace {

constexpr std::int64_t kStart = 1700006400; // a UTC midnight
constexpr std::int64_t kGrid = 6 * 3600;    // first exchanges and bans fall on this grid: exact edges and ties

QString writeLifecycleDb(const QString& path, std::uint64_t seed)
{
    test::Random random(seed);
    QString sql = test::schemaSql() + QStringLiteral(
        "ALTER TABLE accounts ADD COLUMN status_changed_at INTEGER;"
        "INSERT INTO meta VALUES ('format','flagged-campaign-db'),('format_version','1.1');"
        "INSERT INTO models VALUES (1,'m1',1690000000);"
        "INSERT INTO campaigns VALUES (1,'A',NULL,NULL,NULL,NULL),(2,'B',NULL,NULL,NULL,NULL),(3,'Quiet',NULL,NULL,NULL,NULL);"
        "INSERT INTO clusters VALUES (1,'K1','proxy'),(2,'K2',NULL);"
        "INSERT INTO templates VALUES (1,'t1',NULL),(2,'t2',NULL),(3,'t3',NULL),(4,'t4',NULL),(5,'t5',NULL),(6,'t6',NULL);"
        "BEGIN;");
    const QStringList statuses = {QStringLiteral("'banned'"), QStringLiteral("'suspended'"), QStringLiteral("'active'"),
                                  QStringLiteral("'Banned'"), QStringLiteral("NULL")};
    const QStringList clusters = {QStringLiteral("NULL"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("9")};
    for (int a = 1; a <= 90; ++a) {
        const int campaign = a % 4; // 0: baseline; 3 is "Quiet": accounts but no bans
        const QString status = campaign == 3 ? QStringLiteral("'active'") : statuses[int(random.next(statuses.size()))];
        const QString changed = random.next(5) == 0 ? QStringLiteral("NULL") : QString::number(kStart + kGrid * random.next(40));
        sql += QStringLiteral("INSERT INTO accounts(id, external_ref, campaign_id, cluster_id, status, status_changed_at) "
                              "VALUES (%1,'r%1',%2,%3,%4,%5);")
                   .arg(a).arg(campaign == 0 ? QStringLiteral("NULL") : QString::number(campaign))
                   .arg(clusters[int(random.next(clusters.size()))], status, changed);
        if (random.next(8) == 0)
            continue; // an account without exchanges
        // Two prompt families out of seven (7 is template_id 77, not a row of templates), or none.
        const std::int64_t t1 = 1 + random.next(7), t2 = 1 + random.next(7);
        auto family = [&](std::int64_t t) { return t == 7 ? QStringLiteral("77") : QString::number(t); };
        const std::int64_t first = kStart + kGrid * random.next(44);
        const std::int64_t length = random.next(10 * 86400);
        const int n = 1 + int(random.next(12));
        for (int i = 0; i < n; ++i) {
            const std::int64_t ts = i == 0 ? first : first + random.next(length + 1);
            const std::int64_t pick = random.next(5);
            const QString tmpl = pick == 0 ? QStringLiteral("NULL") : family(pick <= 2 ? t1 : t2);
            // ids not in time order
            sql += QStringLiteral("INSERT INTO exchanges(id, ts, account_id, model_id, template_id) VALUES (%1,%2,%3,1,%4);")
                       .arg(100000 - 90 * i - a).arg(ts).arg(a).arg(tmpl);
        }
    }
    sql += QStringLiteral("COMMIT;");
    return test::writeDb(path, sql) ? path : QString();
}

// The spec's replacement, in SQL: per banned account of campaign c, the replacement's id and hours.
std::map<qint64, std::pair<qint64, double>> sqlReplacements(const QString& path, qint64 campaign)
{
    const QString sql = QStringLiteral(
        "WITH first AS (SELECT account_id, min(ts) AS f FROM exchanges GROUP BY account_id),"
        " fam AS (SELECT DISTINCT account_id, template_id FROM exchanges WHERE template_id IS NOT NULL),"
        " banned AS (SELECT * FROM accounts WHERE campaign_id = %1 AND status IN ('banned','suspended')"
        "            AND status_changed_at IS NOT NULL),"
        " pick AS (SELECT a.id AS aid, a.status_changed_at AS t, (SELECT b.id FROM accounts b JOIN first fb ON fb.account_id = b.id"
        "   WHERE b.campaign_id = a.campaign_id AND b.id <> a.id AND (a.cluster_id IS NULL OR b.cluster_id = a.cluster_id)"
        "   AND fb.f >= a.status_changed_at AND fb.f < a.status_changed_at + 259200"
        "   AND EXISTS (SELECT 1 FROM fam x JOIN fam y ON x.template_id = y.template_id"
        "               WHERE x.account_id = a.id AND y.account_id = b.id)"
        "   ORDER BY fb.f, b.id LIMIT 1) AS bid FROM banned a)"
        " SELECT aid || ' ' || bid || ' ' || ((SELECT f FROM first WHERE account_id = bid) - t) FROM pick WHERE bid IS NOT NULL")
                            .arg(campaign);
    std::map<qint64, std::pair<qint64, double>> out;
    for (const QString& row : test::queryColumn(path, sql)) {
        const QStringList p = row.split(QLatin1Char(' '));
        out[p[0].toLongLong()] = {p[1].toLongLong(), p[2].toDouble() / 3600.0};
    }
    return out;
}

} // namespace

class TestLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void figures_data();
    void figures();
    void json();
    void churn();
    void withoutStatusChangedAt();
    void median_data();
    void median();
    void templateSetsAgree();
};

void TestLifecycle::figures_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<bool>("direct");
    QTest::addColumn<int>("threads");
    for (quint64 seed : {11ull, 20260224ull, 777ull, 4242ull}) {
        QTest::addRow("seed %llu, pages, 1 thread", seed) << seed << true << 1;
        QTest::addRow("seed %llu, sqlite, 3 threads", seed) << seed << false << 3;
    }
    QTest::addRow("seed 5, pages, 2 threads") << quint64(5) << true << 2;
}

void TestLifecycle::figures()
{
    QFETCH(quint64, seed);
    QFETCH(bool, direct);
    QFETCH(int, threads);
    QTemporaryDir dir;
    const QString path = writeLifecycleDb(dir.filePath(QStringLiteral("life.db")), seed);
    QVERIFY(!path.isEmpty());
    LoadOptions options{false, threads};
    options.directRead = direct;
    const LoadResult r = loadInvestigation(path, options);
    QVERIFY(r.ok());
    const Investigation& inv = *r.investigation;
    QVERIFY(inv.hasStatusChangedAt);
    const Analysis a = analyze(inv);
    std::size_t replacedTotal = 0;
    for (const GroupFigures& g : a.campaigns) {
        const qint64 id = inv.campaigns[g.group].id;
        QVERIFY(g.lifecycle.has_value());
        const CampaignLifecycle& l = *g.lifecycle;
        QCOMPARE(double(l.banned.size()), test::queryNumber(path, QStringLiteral(
            "SELECT count(*) FROM accounts WHERE campaign_id = %1 AND status IN ('banned','suspended') "
            "AND status_changed_at IS NOT NULL").arg(id)));
        const auto expected = sqlReplacements(path, id);
        QCOMPARE(l.replacedAccounts(), expected.size());
        std::vector<double> hours;
        for (const Replacement& rep : l.replacements) {
            const auto it = expected.find(inv.accounts[rep.banned].id);
            QVERIFY2(it != expected.end(), qPrintable(QStringLiteral("account %1").arg(inv.accounts[rep.banned].id)));
            QCOMPARE(inv.accounts[rep.replacement].id, it->second.first);
            QCOMPARE(rep.hours, it->second.second);
            QVERIFY(rep.hours >= 0 && rep.hours < 72);
            hours.push_back(it->second.second);
        }
        // The median, independently: sort, then the middle or the mean of the two middle values.
        std::sort(hours.begin(), hours.end());
        QCOMPARE(l.medianHours.has_value(), !hours.empty());
        if (!hours.empty()) {
            const std::size_t n = hours.size();
            QCOMPARE(*l.medianHours, n % 2 ? hours[n / 2] : (hours[n / 2 - 1] + hours[n / 2]) / 2);
        }
        replacedTotal += l.replacedAccounts();
        // Active accounts per day, every day from before the first exchange to after the last.
        const ActivitySteps steps = activeAccountsPerDay(inv, g.group);
        const QString of = QStringLiteral("(SELECT account_id, min(ts) AS f, max(ts) AS l FROM exchanges e JOIN accounts a "
                                          "ON a.id = e.account_id WHERE a.campaign_id = %1 GROUP BY account_id)").arg(id);
        const double firstDay = test::queryNumber(path, QStringLiteral("SELECT min(f) / 86400 FROM ") + of);
        const double lastDay = test::queryNumber(path, QStringLiteral("SELECT max(l) / 86400 FROM ") + of);
        QCOMPARE(steps.firstDay().has_value(), firstDay >= 0);
        if (firstDay < 0)
            continue;
        QCOMPARE(double(*steps.firstDay()), firstDay);
        QCOMPARE(double(*steps.lastDay()), lastDay);
        const auto dense = steps.dense(std::int64_t(firstDay) - 2, std::int64_t(lastDay) + 2);
        for (std::int64_t d = std::int64_t(firstDay) - 2; d <= std::int64_t(lastDay) + 2; ++d) {
            const double n = test::queryNumber(path, QStringLiteral("SELECT count(*) FROM %1 WHERE f < %2 AND l >= %3")
                                                        .arg(of).arg((d + 1) * 86400).arg(d * 86400));
            QCOMPARE(double(steps.valueAt(d)), n);
            QCOMPARE(double(dense[std::size_t(d - firstDay + 2)]), n);
        }
    }
    QVERIFY(a.campaigns[2].lifecycle->banned.empty()); // "Quiet"
    QVERIFY2(replacedTotal > 0, "the fixture must exercise replacements");
}

// `analyze --json`: "lifecycle" after "pivots", with the SQL's counts and the median's value.
void TestLifecycle::json()
{
    QTemporaryDir dir;
    const QString path = writeLifecycleDb(dir.filePath(QStringLiteral("life.db")), 20260224);
    const LoadResult r = loadInvestigation(path, {false, 2});
    QVERIFY(r.ok());
    const Analysis a = analyze(*r.investigation);
    const QJsonArray campaigns = QJsonDocument::fromJson(analysisToJson(*r.investigation, a)).object()[QStringLiteral("campaigns")].toArray();
    QCOMPARE(campaigns.size(), 3);
    for (const QJsonValue& v : campaigns) {
        const QJsonObject c = v.toObject();
        QCOMPARE(c.keys().indexOf(QStringLiteral("lifecycle")) >= 0, true);
        const QJsonObject l = c[QStringLiteral("lifecycle")].toObject();
        const qint64 id = c[QStringLiteral("id")].toInteger();
        QCOMPARE(l[QStringLiteral("banned_accounts")].toDouble(), test::queryNumber(path, QStringLiteral(
            "SELECT count(*) FROM accounts WHERE campaign_id = %1 AND status IN ('banned','suspended') "
            "AND status_changed_at IS NOT NULL").arg(id)));
        const auto expected = sqlReplacements(path, id);
        QCOMPARE(l[QStringLiteral("replaced_accounts")].toInteger(), qint64(expected.size()));
        std::vector<double> hours;
        for (const auto& e : expected)
            hours.push_back(e.second.second);
        std::sort(hours.begin(), hours.end());
        const QJsonValue m = l[QStringLiteral("replacement_median_hours")];
        QCOMPARE(m.isNull(), hours.empty());
        if (!hours.empty()) {
            const std::size_t n = hours.size();
            QCOMPARE(m.toDouble(), n % 2 ? hours[n / 2] : (hours[n / 2 - 1] + hours[n / 2]) / 2);
        }
    }
}

// The churn chart's series, day by day, against SQL.
void TestLifecycle::churn()
{
    QTemporaryDir dir;
    const QString path = writeLifecycleDb(dir.filePath(QStringLiteral("life.db")), 777);
    QVERIFY(test::execSql(path, QStringLiteral("UPDATE accounts SET created_at = %1 - 86400 * (id % 9) - 3600 * (id % 5)").arg(kStart)));
    const LoadResult r = loadInvestigation(path, {false, 2});
    QVERIFY(r.ok());
    for (std::uint32_t g = 0; g < 2; ++g) {
        const ChurnSeries c = campaignChurn(*r.investigation, g);
        const qint64 id = r.investigation->campaigns[g].id;
        QVERIFY(!c.empty());
        const QString traffic = QStringLiteral(" FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE a.campaign_id = %1").arg(id);
        QCOMPARE(double(c.fromDay), test::queryNumber(path, QStringLiteral("SELECT min(ts) / 86400") + traffic));
        QCOMPARE(double(c.toDay), test::queryNumber(path, QStringLiteral("SELECT max(ts) / 86400") + traffic));
        QCOMPARE(double(c.createdBefore), test::queryNumber(path, QStringLiteral(
            "SELECT count(*) FROM accounts WHERE campaign_id = %1 AND created_at < %2").arg(id).arg(c.fromDay * 86400)));
        QVERIFY(c.createdBefore > 0);
        const QString first = QStringLiteral("(SELECT account_id, min(ts) AS f, max(ts) AS l FROM exchanges GROUP BY account_id) x "
                                             "JOIN accounts a ON a.id = x.account_id AND a.campaign_id = %1").arg(id);
        for (std::size_t i = 0; i < c.days(); ++i) {
            const std::int64_t d = c.fromDay + std::int64_t(i);
            QCOMPARE(double(c.created[i]), test::queryNumber(path, QStringLiteral(
                "SELECT count(*) FROM accounts WHERE campaign_id = %1 AND created_at / 86400 = %2").arg(id).arg(d)));
            QCOMPARE(double(c.firstSeen[i]), test::queryNumber(path, QStringLiteral("SELECT count(*) FROM %1 WHERE f / 86400 = %2").arg(first).arg(d)));
            QCOMPARE(double(c.active[i]), test::queryNumber(path, QStringLiteral("SELECT count(*) FROM %1 WHERE f < %2 AND l >= %3")
                                                                   .arg(first).arg((d + 1) * 86400).arg(d * 86400)));
            QCOMPARE(double(c.banned[i]), test::queryNumber(path, QStringLiteral(
                "SELECT count(*) FROM accounts WHERE campaign_id = %1 AND status IN ('banned','suspended') "
                "AND status_changed_at / 86400 = %2").arg(id).arg(d)));
        }
    }
}

void TestLifecycle::withoutStatusChangedAt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v10.db"));
    QVERIFY(test::writeDb(path, test::validSql()));
    const LoadResult r = loadInvestigation(path, {false, 1});
    QVERIFY(r.ok());
    QVERIFY(!r.investigation->hasStatusChangedAt);
    for (const GroupFigures& g : analyze(*r.investigation).campaigns)
        QVERIFY(!g.lifecycle.has_value());
}

void TestLifecycle::median_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("expected"); // -1: null
    QTest::addRow("none") << QList<double>{} << -1.0;
    QTest::addRow("one") << QList<double>{3.5} << 3.5;
    QTest::addRow("two") << QList<double>{1, 4} << 2.5;
    QTest::addRow("odd, unsorted") << QList<double>{9, 1, 5} << 5.0;
    QTest::addRow("even, unsorted, repeated") << QList<double>{7, 1, 1, 3} << 2.0;
}

void TestLifecycle::median()
{
    QFETCH(QList<double>, values);
    QFETCH(double, expected);
    const auto m = hs::medianValue(std::vector<double>(values.begin(), values.end()));
    QCOMPARE(m.has_value(), expected >= 0);
    if (m)
        QCOMPARE(*m, expected);
}

// The dense rows and the hash-set path (used for unknown families and for hostile sizes) agree,
// with one campaign's accounts side by side, two campaigns' accounts interleaved, and accounts of
// a campaign that is not folded (and of none) between them.
void TestLifecycle::templateSetsAgree()
{
    std::vector<std::uint32_t> groups;
    for (std::uint32_t a = 0; a < 40; ++a)
        groups.push_back(a == 20 ? hs::kNoIndex : a % 5 == 4 ? 3u : a < 12 ? 0u : 1u + a % 2);
    const std::vector<std::uint8_t> folded{1, 1, 1, 0};
    // Two workers meet the families in different orders (each makes its rows its own way) and
    // merge; a third folds alone; a fourth is told of so many families that it cannot be dense.
    AccountTemplates dense(groups, folded, 70), first(groups, folded, 70), second(groups, folded, 70),
        raw(groups, folded, 0), huge(groups, folded, 0x80000000u);
    test::Random random(99);
    for (int i = 0; i < 400; ++i) {
        const std::uint64_t state = random.bits();
        const auto account = static_cast<std::uint32_t>((state >> 33) % 40);
        const auto tmpl = static_cast<std::uint32_t>((state >> 45) % 70);
        const std::uint32_t group = groups[account];
        if (group >= folded.size() || !folded[group])
            continue; // the scan folds only these (Worker::foldsFamilies)
        dense.addKnown(account, group, tmpl, 1000 + tmpl);
        (i % 3 ? first : second).addKnown(account, group, tmpl, 1000 + tmpl);
        raw.addKnown(account, group, tmpl, 1000 + tmpl); // no rows: goes to the hash set
        huge.addKnown(account, group, tmpl, 1000 + tmpl);
    }
    first.merge(second);
    for (AccountTemplates* t : {&dense, &first, &raw, &huge})
        t->finish();
    int shared = 0, across = 0;
    for (std::uint32_t a = 0; a < 40; ++a) {
        QCOMPARE(dense.count(a), raw.count(a));
        QCOMPARE(first.count(a), raw.count(a));
        QCOMPARE(huge.count(a), raw.count(a));
        for (std::uint32_t b = 0; b < 40; ++b) {
            QCOMPARE(dense.share(a, b), raw.share(a, b));
            QCOMPARE(first.share(a, b), raw.share(a, b));
            QCOMPARE(huge.share(a, b), raw.share(a, b));
            shared += dense.share(a, b) && a != b ? 1 : 0;
            across += dense.share(a, b) && groups[a] != groups[b] ? 1 : 0;
        }
    }
    QVERIFY(shared > 0 && shared < 40 * 39);
    QVERIFY(across > 0); // one family sent from two campaigns is shared
    QCOMPARE(dense.count(20), std::size_t(0));
    QCOMPARE(dense.count(4), std::size_t(0));
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
