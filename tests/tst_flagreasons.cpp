// SPDX-License-Identifier: GPL-3.0-or-later
// flag_reasons (format 1.1, optional): what the loader keeps, and every row it refuses with a
// warning naming table, column and row. The fixture is the small investigation plus one table.
#include "fixturedb.h"
#include "loader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hs;

namespace {

const QString kCreate = QStringLiteral(
    "CREATE TABLE flag_reasons(id INTEGER PRIMARY KEY, campaign_id INTEGER NOT NULL, account_id INTEGER, "
    "signal TEXT NOT NULL, score REAL, detail TEXT);");
// Three good rows: campaign 1 (Lantern, accounts 1 and 2) campaign-level and account-level,
// campaign 2 (Copper, account 3) with a signal outside the usual ones and no score.
const QString kGood = QStringLiteral(
    "INSERT INTO flag_reasons VALUES (1, 1, NULL, 'near_duplicate_prompts', 0.9, 'same 3 families'),"
    " (2, 1, 2, 'synchronized_timing', 0.5, 'a2 with a1'), (3, 2, NULL, 'hand_picked', NULL, NULL);");

LoadResult load(const QString& sql)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("evidence.db"));
    if (!test::writeDb(path, sql))
        return {};
    return loadInvestigation(path, {false, 1});
}

} // namespace

class TestFlagReasons : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void withoutTableLoadsAsBefore();
    void goodRows();
    void refusedRows_data();
    void refusedRows();
    void missingColumn();
    void hostileFile();
};

void TestFlagReasons::withoutTableLoadsAsBefore()
{
    const LoadResult before = load(test::validSql());
    QVERIFY(before.ok());
    QVERIFY(!before.investigation->hasFlagReasons);
    QVERIFY(before.investigation->flagReasons.empty());
    for (const Finding& f : before.findings.items())
        QVERIFY2(f.table != QLatin1String("flag_reasons"), qPrintable(f.toText()));
    // An empty table: present, no reasons, no finding.
    const LoadResult empty = load(test::validSql() + kCreate);
    QVERIFY(empty.ok());
    QVERIFY(empty.investigation->hasFlagReasons);
    QVERIFY(empty.investigation->flagReasons.empty());
    QCOMPARE(empty.findings.items().size(), before.findings.items().size());
}

void TestFlagReasons::goodRows()
{
    const LoadResult r = load(test::validSql() + kCreate + kGood);
    QVERIFY(r.ok());
    for (const Finding& f : r.findings.items())
        QVERIFY2(f.table != QLatin1String("flag_reasons"), qPrintable(f.toText()));
    const Investigation& inv = *r.investigation;
    QCOMPARE(inv.flagReasons.size(), std::size_t(3));
    const FlagReason& a = inv.flagReasons[0];
    QCOMPARE(a.id, 1);
    QCOMPARE(inv.campaigns[a.campaign].id, 1);
    QCOMPARE(a.account, kNoIndex);
    QCOMPARE(a.signal, QStringLiteral("near_duplicate_prompts"));
    QCOMPARE(a.score.value_or(-1), 0.9);
    QCOMPARE(a.detail, QStringLiteral("same 3 families"));
    const FlagReason& b = inv.flagReasons[1];
    QVERIFY(b.account != kNoIndex);
    QCOMPARE(inv.accounts[b.account].id, 2);
    QCOMPARE(b.campaign, a.campaign);
    const FlagReason& c = inv.flagReasons[2];
    QCOMPARE(inv.campaigns[c.campaign].id, 2);
    QCOMPARE(c.signal, QStringLiteral("hand_picked"));
    QVERIFY(!c.score);
    QVERIFY(c.detail.isEmpty());
}

void TestFlagReasons::refusedRows_data()
{
    QTest::addColumn<QString>("row");     // one more INSERT after the good rows
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("column");
    QTest::addColumn<int>("kept");        // how many reasons the loader keeps

    // A looser table so that NOT NULL and types can be broken as an outside editor might.
    QTest::addRow("campaign does not exist") << "(10, 7, NULL, 'volume', 0.5, 'x')" << "dangling-reference" << "campaign_id" << 3;
    QTest::addRow("account does not exist") << "(10, 1, 42, 'volume', 0.5, 'x')" << "dangling-reference" << "account_id" << 3;
    QTest::addRow("account of another campaign") << "(10, 1, 3, 'volume', 0.5, 'x')" << "account-not-in-campaign" << "account_id" << 3;
    QTest::addRow("baseline account") << "(10, 1, 4, 'volume', 0.5, 'x')" << "account-not-in-campaign" << "account_id" << 3;
    QTest::addRow("account whose campaign dangles") << "(10, 1, 6, 'volume', 0.5, 'x')" << "account-not-in-campaign" << "account_id" << 3;
    QTest::addRow("score above 1") << "(10, 1, NULL, 'volume', 1.5, 'x')" << "out-of-range" << "score" << 4;
    QTest::addRow("score below 0") << "(10, 1, NULL, 'volume', -0.01, 'x')" << "out-of-range" << "score" << 4;
    QTest::addRow("score text") << "(10, 1, NULL, 'volume', 'high', 'x')" << "wrong-type" << "score" << 3;
    QTest::addRow("signal NULL") << "(10, 1, NULL, NULL, 0.5, 'x')" << "empty-value" << "signal" << 3;
    QTest::addRow("signal empty") << "(10, 1, NULL, '  ', 0.5, 'x')" << "empty-value" << "signal" << 3;
    QTest::addRow("signal blob") << "(10, 1, NULL, x'00ff', 0.5, 'x')" << "wrong-type" << "signal" << 3;
    QTest::addRow("campaign NULL") << "(10, NULL, NULL, 'volume', 0.5, 'x')" << "wrong-type" << "campaign_id" << 3;
    QTest::addRow("campaign text") << "(10, 'one', NULL, 'volume', 0.5, 'x')" << "wrong-type" << "campaign_id" << 3;
    QTest::addRow("account real") << "(10, 1, 1.5, 'volume', 0.5, 'x')" << "wrong-type" << "account_id" << 3;
    QTest::addRow("detail blob") << "(10, 1, NULL, 'volume', 0.5, x'41')" << "wrong-type" << "detail" << 3;
}

void TestFlagReasons::refusedRows()
{
    QFETCH(QString, row);
    QFETCH(QString, code);
    QFETCH(QString, column);
    QFETCH(int, kept);
    const QString loose = QStringLiteral(
        "CREATE TABLE flag_reasons(id INTEGER PRIMARY KEY, campaign_id, account_id, signal, score, detail);");
    const LoadResult r = load(test::validSql() + loose + kGood + QStringLiteral("INSERT INTO flag_reasons VALUES %1;").arg(row));
    QVERIFY2(r.ok(), "a bad reason never stops the load");
    QCOMPARE(int(r.investigation->flagReasons.size()), kept);
    const Finding* hit = nullptr;
    for (const Finding& f : r.findings.items())
        if (f.table == QLatin1String("flag_reasons")) {
            QVERIFY2(!hit, "one finding for one bad row");
            hit = &f;
        }
    QVERIFY(hit);
    QCOMPARE(hit->code, code);
    QCOMPARE(hit->column, column);
    QCOMPARE(hit->row, 10);
    QCOMPARE(hit->severity, Severity::Warning);
    QVERIFY(hit->toText().contains(QLatin1String("flag_reasons")));
}

void TestFlagReasons::missingColumn()
{
    const LoadResult r = load(test::validSql() + QStringLiteral(
        "CREATE TABLE flag_reasons(id INTEGER PRIMARY KEY, campaign_id INTEGER, why TEXT);"
        "INSERT INTO flag_reasons VALUES (1, 1, 'x');"));
    QVERIFY(r.ok());
    QVERIFY(r.investigation->flagReasons.empty());
    bool found = false;
    for (const Finding& f : r.findings.items())
        found = found || (f.table == QLatin1String("flag_reasons") && f.column == QLatin1String("signal") &&
                          f.code == QLatin1String("missing-column"));
    QVERIFY(found);
    // Without account_id, score and detail: every reason is campaign-level and unscored.
    const LoadResult narrow = load(test::validSql() + QStringLiteral(
        "CREATE TABLE flag_reasons(id INTEGER PRIMARY KEY, campaign_id INTEGER NOT NULL, signal TEXT NOT NULL);"
        "INSERT INTO flag_reasons VALUES (1, 1, 'volume');"));
    QVERIFY(narrow.ok());
    QCOMPARE(narrow.investigation->flagReasons.size(), std::size_t(1));
    QCOMPARE(narrow.investigation->flagReasons[0].account, kNoIndex);
    QVERIFY(!narrow.investigation->flagReasons[0].score);
}

// The fuzz regression tests/fixtures/fuzz/evidence/flag-reasons-hostile.db (made by
// tests/fuzz/make_hostile_evidence.py, which says what each row is), with exact expectations.
void TestFlagReasons::hostileFile()
{
    const LoadResult r = loadInvestigation(QStringLiteral(HYDRASCOPE_FIXTURES "/fuzz/evidence/flag-reasons-hostile.db"), {false, 1});
    QVERIFY(r.ok());
    QList<qint64> kept;
    for (const FlagReason& f : r.investigation->flagReasons)
        kept << f.id;
    QCOMPARE(kept, (QList<qint64>{1, 7, 8, 10}));
    QVERIFY(!r.investigation->flagReasons[1].score);
    QVERIFY(!r.investigation->flagReasons[2].score);
    QCOMPARE(r.investigation->flagReasons[3].detail.size(), 200002); // "a", U+202E, 200,000 hex digits
    QStringList found;
    for (const Finding& f : r.findings.items())
        if (f.table == QLatin1String("flag_reasons"))
            found << QStringLiteral("%1 %2 %3 %4").arg(f.code, f.column).arg(f.row).arg(f.count);
    found.sort();
    QCOMPARE(found, (QStringList{QStringLiteral("account-not-in-campaign account_id 4 1"),
                                 QStringLiteral("dangling-reference campaign_id 2 2"),
                                 QStringLiteral("empty-value signal 6 1"),
                                 QStringLiteral("out-of-range score 7 2"),
                                 QStringLiteral("wrong-type campaign_id 9 2"),
                                 QStringLiteral("wrong-type signal 5 1")}));
}

QTEST_GUILESS_MAIN(TestFlagReasons)
#include "tst_flagreasons.moc"
