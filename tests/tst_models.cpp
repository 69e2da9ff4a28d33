// SPDX-License-Identifier: GPL-3.0-or-later
// Every item model under QAbstractItemModelTester, attached before it is filled.
#include "viewtables.h"
#include "analysis.h"
#include "campaigntablemodel.h"
#include "csv.h"
#include "exchangesmodel.h"
#include "fixturedb.h"
#include "loader.h"
#include "selectionfigures.h"
#include "tablemodel.h"
#include "tablesortproxy.h"
#include "timeutil.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSortFilterProxyModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hs;

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void campaignTable();
    void tables();
    void numericColumnsSortAsNumbers();
    void numericLessAgreesWithSortRole();
    void tiesKeepTheTableOrder_data();
    void tiesKeepTheTableOrder();
    void shortUtcMatchesQDateTime_data();
    void shortUtcMatchesQDateTime();
    void exchangesFetchLazily();
    void exchangesResetWhileFetching();
    void exchangesReadFailureStops();
    void csvNeutralises_data();
    void csvNeutralises();

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const Investigation> m_inv;
};

void TestModels::initTestCase()
{
    const QString path = m_dir.filePath(QStringLiteral("small.db"));
    // One prompt sample carries markup: its tooltip must show it as text (tables()).
    QVERIFY(test::writeDb(path, test::validSql() + QStringLiteral("UPDATE templates SET sample = "
                                                                  "'<script>alert(1)</script> & more' WHERE id = 2;")));
    LoadOptions options{false, 1};
    options.keepColumns = true;
    const LoadResult r = loadInvestigation(path, options);
    QVERIFY(r.ok());
    m_inv = r.investigation;
}

void TestModels::campaignTable()
{
    CampaignTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    auto analysis = std::make_shared<const Analysis>(analyze(*m_inv));
    model.setResults(m_inv, analysis);
    QCOMPARE(model.rowCount(), 3); // two campaigns and the baseline
    QCOMPARE(model.data(model.index(0, CampaignTableModel::Name), Qt::DisplayRole).toString(), QStringLiteral("Lantern <b>Ops</b>"));
    QCOMPARE(model.data(model.index(0, CampaignTableModel::Exchanges), CampaignTableModel::SortRole).toULongLong(), 14ull);
    QCOMPARE(model.data(model.index(2, CampaignTableModel::Exchanges), CampaignTableModel::SortRole).toULongLong(), 5ull);
    QVERIFY(model.data(model.index(0, CampaignTableModel::Pivots), Qt::DisplayRole).toString().contains(QStringLiteral("atlas-3")));
    QVERIFY(model.data(model.index(1, CampaignTableModel::Pivots), Qt::DisplayRole).toString().isEmpty());
}

void TestModels::tables()
{
    TableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Selection all;
    const SelectionFigures figures = computeSelectionFigures(*m_inv, all);
    QVERIFY(figures.exact);
    model.setTable(accountsTable(*m_inv, all, figures));
    QCOMPARE(model.rowCount(), 5); // account 6's campaign does not exist: it is in no group
    model.setTable(clustersTable(*m_inv));
    QCOMPARE(model.rowCount(), 2);
    model.setTable(linkedAccountsTable(*m_inv));
    QCOMPARE(model.rowCount(), 2); // pf1 (3 accounts) and 198.51.100.7 (2 accounts)
    QCOMPARE(model.data(model.index(0, 2), TableModel::SortRole).toULongLong(), 3ull);
    // A time range narrows the accounts to those active in it, with exact counts.
    Selection hour3;
    hour3.range = TimeRange{1700001000 + 7200, 1700001000 + 10800};
    model.setTable(accountsTable(*m_inv, hour3, computeSelectionFigures(*m_inv, hour3)));
    QCOMPARE(model.rowCount(), 2);
    model.setTable(familiesTable(*m_inv, all, figures));
    QVERIFY(model.rowCount() >= 3);
    // The row of the sample with markup: its tooltip holds the sample escaped, so that the
    // tooltip's rich-text guess shows "<script>" as the literal text.
    int scriptRow = -1;
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.data(model.index(r, 5), Qt::DisplayRole).toString().contains(QStringLiteral("<script>")))
            scriptRow = r;
    QVERIFY2(scriptRow >= 0, "the families table shows the sample with markup");
    const QString tip = model.data(model.index(scriptRow, 0), Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")));
    QVERIFY(!tip.contains(QStringLiteral("<script>")));
}

void TestModels::numericColumnsSortAsNumbers()
{
    TableModel model;
    TableData t;
    t.headers = {QStringLiteral("Exchanges")};
    t.numeric = {true};
    for (std::uint64_t v : {std::uint64_t(99), std::uint64_t(9676), std::uint64_t(100000), std::uint64_t(5)}) {
        t.text.push_back({QString::number(v)});
        t.sortKey.push_back({sortKey(v)});
    }
    model.setTable(std::move(t));
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(TableModel::SortRole);
    proxy.sort(0, Qt::DescendingOrder);
    QStringList order;
    for (int r = 0; r < proxy.rowCount(); ++r)
        order << proxy.index(r, 0).data().toString();
    QCOMPARE(order, (QStringList{QStringLiteral("100000"), QStringLiteral("9676"), QStringLiteral("99"), QStringLiteral("5")}));
}

// Rows with equal keys show in the table's order in both directions, whatever column the table
// was sorted by before (QSortFilterProxyModel re-sorts the order it shows): a table sorted once
// shows what one sorted twice shows (a hidden page's tabs against a shown one's).
void TestModels::tiesKeepTheTableOrder_data()
{
    QTest::addColumn<bool>("numeric");
    QTest::addColumn<int>("order");
    QTest::addColumn<QStringList>("expected");
    const QStringList desc{QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("d")};
    const QStringList asc{QStringLiteral("d"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QTest::addRow("numbers, descending") << true << int(Qt::DescendingOrder) << desc;
    QTest::addRow("numbers, ascending") << true << int(Qt::AscendingOrder) << asc;
    QTest::addRow("text, descending") << false << int(Qt::DescendingOrder) << desc;
    QTest::addRow("text, ascending") << false << int(Qt::AscendingOrder) << asc;
}

void TestModels::tiesKeepTheTableOrder()
{
    QFETCH(bool, numeric);
    QFETCH(int, order);
    QFETCH(QStringList, expected);
    TableData t;
    t.headers = {QStringLiteral("name"), QStringLiteral("count")};
    t.numeric = {false, numeric};
    const std::pair<const char*, std::uint64_t> rows[] = {{"a", 5}, {"b", 5}, {"c", 7}, {"d", 1}}; // a and b tie
    for (const auto& [name, count] : rows) {
        t.text.push_back({QString::fromLatin1(name), QString::number(count)});
        t.sortKey.push_back({QString::fromLatin1(name), numeric ? sortKey(count) : QVariant(QString::number(count))});
    }
    TableModel model;
    model.setTable(std::move(t));
    TableSortProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(TableModel::SortRole);
    proxy.sort(0, Qt::DescendingOrder); // d c b a: b before a
    proxy.sort(1, Qt::SortOrder(order));
    QStringList shown;
    for (int r = 0; r < proxy.rowCount(); ++r)
        shown << proxy.index(r, 0).data().toString();
    QCOMPARE(shown, expected);
}

// The sorting fast path gives the order QVariant's own comparison gives, or declines; a new table
// in the same model is compared by its own keys (they are cached per column).
void TestModels::numericLessAgreesWithSortRole()
{
    TableModel model;
    for (const int sign : {1, -1}) {
        TableData t;
        t.headers = {QStringLiteral("count"), QStringLiteral("share"), QStringLiteral("mixed")};
        const QVariant values[] = {sortKey(std::uint64_t(0)), sortKey(std::uint64_t(7)), sortKey(std::uint64_t(1) << 40)};
        const double shares[] = {-0.5, 0.0, 0.25, 1e-9};
        for (int i = 0; i < 12; ++i) {
            const int k = sign > 0 ? i : 11 - i;
            t.text.push_back({QString::number(i), QString::number(i), QString::number(i)});
            t.sortKey.push_back({values[k % 3], sign * shares[k % 4], k % 2 ? QVariant() : sortKey(qlonglong(-k))});
        }
        model.setTable(std::move(t));
        int decided = 0;
        for (int column = 0; column < 3; ++column)
            for (int a = 0; a < 12; ++a)
                for (int b = 0; b < 12; ++b) {
                    const std::optional<bool> less = model.numericLess(a, b, column);
                    const QVariant x = model.index(a, column).data(TableModel::SortRole);
                    const QVariant y = model.index(b, column).data(TableModel::SortRole);
                    const bool bothNumbers = sign > 0 ? (a % 2 == 0 && b % 2 == 0) : (a % 2 == 1 && b % 2 == 1);
                    if (column < 2 || bothNumbers)
                        QVERIFY(less.has_value());
                    if (less) {
                        QCOMPARE(*less, QPartialOrdering::Less == QVariant::compare(x, y));
                        decided += *less ? 1 : 0;
                    }
                }
        QVERIFY(decided > 100);
    }
    QVERIFY(!model.numericLess(0, 1, 3).has_value()); // no such column
    QVERIFY(!model.numericLess(0, 12, 0).has_value()); // no such row
}

void TestModels::shortUtcMatchesQDateTime_data()
{
    QTest::addColumn<qint64>("seconds");
    for (qint64 t : {qint64(0), qint64(-1), qint64(59), qint64(951782400) /* 2000-02-29 */, qint64(1709164799),
                     qint64(1766000000), qint64(-2208988800) /* 1900 */, qint64(253402300799) /* 9999-12-31 */,
                     qint64(4102444800) /* 2100-01-01, not a leap year */})
        QTest::addRow("%lld", t) << t;
}

// Formatted by hand for speed: it must say what QDateTime says.
void TestModels::shortUtcMatchesQDateTime()
{
    QFETCH(qint64, seconds);
    for (qint64 t = seconds - 3 * 86400; t <= seconds + 3 * 86400; t += 3599)
        QCOMPARE(shortUtc(t), QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
                                  QStringLiteral(" UTC"));
}

void TestModels::exchangesFetchLazily()
{
    ExchangesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Selection lantern;
    lantern.groups = {true, false, false}; // Lantern only
    lantern.range = TimeRange{1700001000, 1700001000 + 86400};
    const SelectionFigures figures = computeSelectionFigures(*m_inv, lantern);
    model.setRows(m_inv, figures.matches);
    QCOMPARE(model.totalRows(), std::size_t(10)); // the release window's 10 rows (see the fixture)
    QCOMPARE(model.rowCount(), 10);               // the true count from the start
    QVERIFY(!model.isRowRead(0));                 // nothing read until asked
    QSignalSpy read(&model, &ExchangesModel::pageRead);
    model.requestRows(0, 9);
    QVERIFY(!model.isRowRead(0)); // read by a job, never within the call
    QTRY_VERIFY(model.isRowRead(9)); // pages arrive through the event loop
    QCOMPARE(read.count(), 1);
    QCOMPARE(model.index(0, ExchangesModel::Id).data().toString(), QStringLiteral("4"));
    QCOMPARE(model.index(0, ExchangesModel::Time).data().toString(), QStringLiteral("2023-11-14 22:30:00 UTC"));
    QCOMPARE(model.index(4, ExchangesModel::Model).data().toString(), QStringLiteral("atlas-3"));
    QCOMPARE(model.index(0, ExchangesModel::Campaign).data().toString(), QStringLiteral("Lantern <b>Ops</b>"));
    QCOMPARE(model.index(6, ExchangesModel::Capability).data().toString(), QStringLiteral("unclassified"));
}

// A new selection while a page of the old one is being read: the old page never arrives.
void TestModels::exchangesResetWhileFetching()
{
    ExchangesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Selection everything;
    everything.groups = {true, true, true};
    Selection lantern;
    lantern.groups = {true, false, false};
    lantern.range = TimeRange{1700001000, 1700001000 + 86400};
    model.setRows(m_inv, computeSelectionFigures(*m_inv, everything).matches);
    QVERIFY(model.totalRows() > 10);
    model.requestRows(0, 0);
    QVERIFY(model.isFetching()); // read by a job, not within the call on this thread
    QSignalSpy read(&model, &ExchangesModel::pageRead);
    model.setRows(m_inv, computeSelectionFigures(*m_inv, lantern).matches);
    QCOMPARE(model.rowCount(), 10);
    model.requestRows(0, 9);
    QTRY_VERIFY(model.isRowRead(9));
    QTest::qWait(100); // were the first page delivered late, it would show up now
    QCOMPARE(read.count(), 1);
    QCOMPARE(model.index(0, ExchangesModel::Id).data().toString(), QStringLiteral("4"));
}

// The evidence cannot be read: the error is reported once and reading stops, no loop, no crash.
void TestModels::exchangesReadFailureStops()
{
    ExchangesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto moved = std::make_shared<Investigation>(*m_inv);
    moved->evidence.path = m_dir.filePath(QStringLiteral("gone.db"));
    Selection everything;
    everything.groups = {true, true, true};
    QSignalSpy failed(&model, &ExchangesModel::errorChanged);
    model.setRows(moved, computeSelectionFigures(*m_inv, everything).matches);
    model.requestRows(0, 0);
    QVERIFY(failed.wait(10000));
    QVERIFY(!model.error().isEmpty());
    QVERIFY(!model.isRowRead(0));
    model.requestRows(0, 0);
    model.index(0, 0).data(); // a view asking again
    QTest::qWait(50);
    QVERIFY(!model.isFetching());
    QCOMPARE(failed.count(), 1);
}

void TestModels::csvNeutralises_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("csv");
    QTest::addRow("formula") << QStringLiteral("=HYPERLINK(\"x\")") << QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"");
    QTest::addRow("plus") << QStringLiteral("+1") << QStringLiteral("\"'+1\"");
    QTest::addRow("minus") << QStringLiteral("-2") << QStringLiteral("\"'-2\"");
    QTest::addRow("at") << QStringLiteral("@SUM") << QStringLiteral("\"'@SUM\"");
    QTest::addRow("tab") << QStringLiteral("\tx") << QStringLiteral("\"'\tx\"");
    QTest::addRow("comma quoted") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::addRow("plain") << QStringLiteral("abc") << QStringLiteral("abc");
}

void TestModels::csvNeutralises()
{
    QFETCH(QString, cell);
    QFETCH(QString, csv);
    QCOMPARE(csvCell(cell), csv);
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
