// SPDX-License-Identifier: GPL-3.0-or-later
// Every validation finding, one data row each: the fixture, then what the loader must say.
#include "fixturedb.h"
#include "loader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace hs;

namespace {
// Replaces text in the valid fixture's SQL (fails loudly when the text is not there).
QString edited(const QString& from, const QString& to)
{
    QString sql = test::validSql();
    if (!sql.contains(from))
        qFatal("fixture edit not found: %s", qPrintable(from));
    return sql.replace(from, to);
}
QString appended(const QString& extra) { return test::validSql() + extra; }
} // namespace

class TestValidation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findings_data();
    void findings();
    void specialFiles_data();
    void specialFiles();
    void minimalFileLoadsWithNotes();
};

void TestValidation::findings_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("loads");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("severity");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<qint64>("row");

    const int E = int(Severity::Error), W = int(Severity::Warning), N = int(Severity::Note);
    const QString ex = QStringLiteral("exchanges");
    QTest::addRow("valid file: dangling campaign") << test::validSql() << true << "dangling-reference" << W << "accounts" << "campaign_id" << qint64(6);
    QTest::addRow("valid file: dangling account") << test::validSql() << true << "dangling-reference" << W << ex << "account_id" << qint64(25);
    QTest::addRow("valid file: dangling indicator") << test::validSql() << true << "dangling-reference" << W << "indicators" << "account_id" << qint64(8);
    QTest::addRow("dangling model") << appended(QStringLiteral("INSERT INTO exchanges VALUES (90, 5, 1, 7, 1, 1, 1, 1, 0);")) << true << "dangling-reference" << W << ex << "model_id" << qint64(90);
    QTest::addRow("dangling capability") << appended(QStringLiteral("INSERT INTO exchanges VALUES (91, 5, 1, 1, 9, 1, 1, 1, 0);")) << true << "dangling-reference" << W << ex << "capability_id" << qint64(91);
    QTest::addRow("dangling template") << appended(QStringLiteral("INSERT INTO exchanges VALUES (92, 5, 1, 1, 1, 1, 1, 99, 0);")) << true << "dangling-reference" << W << ex << "template_id" << qint64(92);
    QTest::addRow("dangling cluster") << appended(QStringLiteral("INSERT INTO accounts VALUES (60, 'c', 1, 9, NULL, NULL, NULL, NULL, NULL);")) << true << "dangling-reference" << W << "accounts" << "cluster_id" << qint64(60);
    QTest::addRow("ts declared TEXT") << edited(QStringLiteral("ts INTEGER NOT NULL"), QStringLiteral("ts TEXT NOT NULL")) << false << "wrong-declared-type" << E << ex << "ts" << qint64(-1);
    QTest::addRow("ts holding text") << appended(QStringLiteral("INSERT INTO exchanges VALUES (93, '2026-01-01', 1, 1, 1, 1, 1, 1, 0);")) << false << "wrong-type" << E << ex << "ts" << qint64(93);
    QTest::addRow("account_id holding a real") << appended(QStringLiteral("INSERT INTO exchanges VALUES (94, 5, 1.5, 1, 1, 1, 1, 1, 0);")) << false << "wrong-type" << E << ex << "account_id" << qint64(94);
    QTest::addRow("cot holding text") << appended(QStringLiteral("INSERT INTO exchanges VALUES (95, 5, 1, 1, 1, 1, 1, 1, 'yes');")) << false << "wrong-type" << E << ex << "cot_elicitation" << qint64(95);
    QTest::addRow("released_at NULL") << edited(QStringLiteral("released_at INTEGER NOT NULL"), QStringLiteral("released_at INTEGER")).replace(QStringLiteral("(2, 'atlas-3', 1700001000)"), QStringLiteral("(2, 'atlas-3', NULL)")) << false << "wrong-type" << E << "models" << "released_at" << qint64(2);
    QTest::addRow("external_ref NULL") << edited(QStringLiteral("external_ref TEXT NOT NULL"), QStringLiteral("external_ref TEXT")).replace(QStringLiteral("(5, 'b2',"), QStringLiteral("(5, NULL,")) << false << "wrong-type" << E << "accounts" << "external_ref" << qint64(5);
    QTest::addRow("missing exchanges") << edited(QStringLiteral("CREATE TABLE exchanges"), QStringLiteral("CREATE TABLE exchanges_old")).replace(QStringLiteral("INSERT INTO exchanges VALUES"), QStringLiteral("INSERT INTO exchanges_old VALUES")) << false << "missing-table" << E << ex << "" << qint64(-1);
    QTest::addRow("missing models") << edited(QStringLiteral("CREATE TABLE models("), QStringLiteral("CREATE TABLE modelz(")).replace(QStringLiteral("INSERT INTO models "), QStringLiteral("INSERT INTO modelz ")) << false << "missing-table" << E << "models" << "" << qint64(-1);
    QTest::addRow("missing meta") << edited(QStringLiteral("CREATE TABLE meta("), QStringLiteral("CREATE TABLE metadata(")).replace(QStringLiteral("INSERT INTO meta "), QStringLiteral("INSERT INTO metadata ")) << false << "missing-table" << E << "meta" << "" << qint64(-1);
    QTest::addRow("missing ts column") << edited(QStringLiteral("ts INTEGER NOT NULL, account_id"), QStringLiteral("t INTEGER NOT NULL, account_id")) << false << "missing-column" << E << ex << "ts" << qint64(-1);
    QTest::addRow("missing external_ref") << edited(QStringLiteral("external_ref TEXT NOT NULL"), QStringLiteral("ref TEXT NOT NULL")) << false << "missing-column" << E << "accounts" << "external_ref" << qint64(-1);
    QTest::addRow("other format") << edited(QStringLiteral("('format', 'flagged-campaign-db')"), QStringLiteral("('format', 'something-else')")) << false << "not-this-format" << E << "meta" << "value" << qint64(-1);
    QTest::addRow("no format key") << edited(QStringLiteral("('format', 'flagged-campaign-db'), "), QString()) << false << "not-this-format" << E << "meta" << "value" << qint64(-1);
    QTest::addRow("newer version") << edited(QStringLiteral("('format_version', '1')"), QStringLiteral("('format_version', '2')")) << false << "newer-version" << E << "meta" << "" << qint64(-1);
    QTest::addRow("newer minor is fine") << edited(QStringLiteral("('format_version', '1')"), QStringLiteral("('format_version', '1.3')")) << true << "dangling-reference" << W << "accounts" << "campaign_id" << qint64(6);
    QTest::addRow("version not a number") << edited(QStringLiteral("('format_version', '1')"), QStringLiteral("('format_version', 'one')")) << false << "bad-version" << E << "meta" << "" << qint64(-1);
    QTest::addRow("no version") << edited(QStringLiteral("('format_version', '1'),"), QString()) << false << "missing-version" << E << "meta" << "" << qint64(-1);
    QTest::addRow("duplicate model name") << edited(QStringLiteral("name TEXT NOT NULL UNIQUE, released_at"), QStringLiteral("name TEXT NOT NULL, released_at")).replace(QStringLiteral("(2, 'atlas-3', 1700001000)"), QStringLiteral("(2, 'atlas-3', 1700001000), (3, 'atlas-3', 1700001000)")) << true << "duplicate-name" << W << "models" << "name" << qint64(3);
    QTest::addRow("external_ref declared INTEGER warns") << edited(QStringLiteral("external_ref TEXT NOT NULL"), QStringLiteral("external_ref INTEGER NOT NULL")) << true << "wrong-declared-type" << W << "accounts" << "external_ref" << qint64(-1);
    QTest::addRow("no capabilities table") << edited(QStringLiteral("CREATE TABLE capabilities("), QStringLiteral("CREATE TABLE caps(")).replace(QStringLiteral("INSERT INTO capabilities "), QStringLiteral("INSERT INTO caps ")) << true << "optional-table-absent" << N << "capabilities" << "" << qint64(-1);
    QTest::addRow("exchanges WITHOUT ROWID") << edited(QStringLiteral("cot_elicitation INTEGER);"), QStringLiteral("cot_elicitation INTEGER) WITHOUT ROWID;")) << true << "dangling-reference" << W << ex << "account_id" << qint64(25);
}

void TestValidation::findings()
{
    QFETCH(QString, sql);
    QFETCH(bool, loads);
    QFETCH(QString, code);
    QFETCH(int, severity);
    QFETCH(QString, table);
    QFETCH(QString, column);
    QFETCH(qint64, row);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("evidence.db"));
    QVERIFY(test::writeDb(path, sql));
    const LoadResult result = loadInvestigation(path, {false, 1});
    QCOMPARE(result.ok(), loads);
    QCOMPARE(result.findings.hasErrors(), !loads);
    bool found = false;
    for (const Finding& f : result.findings.items())
        found = found || (f.code == code && int(f.severity) == severity && f.table == table && f.column == column && f.row == row);
    if (!found) {
        for (const Finding& f : result.findings.items())
            qInfo("%s [%s]", qPrintable(f.toText()), qPrintable(f.code));
    }
    QVERIFY2(found, qPrintable(QStringLiteral("expected %1 on %2.%3 row %4").arg(code, table, column).arg(row)));
}

void TestValidation::specialFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::addRow("missing file") << "missing" << "not-found";
    QTest::addRow("a directory") << "directory" << "not-a-file";
    QTest::addRow("empty file") << "empty" << "not-sqlite";
    QTest::addRow("text file") << "text" << "not-sqlite";
    QTest::addRow("corrupt pages") << "corrupt" << "corrupt";
    QTest::addRow("hot journal") << "journal" << "hot-journal";
}

void TestValidation::specialFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, code);
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("evidence.db"));
    if (kind == QLatin1String("directory")) {
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("evidence.db")));
    } else if (kind == QLatin1String("empty") || kind == QLatin1String("text")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        if (kind == QLatin1String("text"))
            f.write(QByteArray("id,ts\n1,2\n").repeated(50));
    } else if (kind == QLatin1String("corrupt") || kind == QLatin1String("journal")) {
        QVERIFY(test::writeRandomDb(path, 7, 3000));
        if (kind == QLatin1String("journal")) {
            QFile j(path + QStringLiteral("-journal"));
            QVERIFY(j.open(QIODevice::WriteOnly));
            j.write(QByteArray(4096, 'x'));
        } else {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            const qint64 size = f.size();
            for (qint64 page = 2; page * 4096 < size; page += 3) { // garble page headers and cells
                f.seek(page * 4096 + 1);
                f.write(QByteArray(600, '\xA5'));
            }
        }
    }
    const LoadResult result = loadInvestigation(path, {false, 1});
    QVERIFY(!result.ok());
    QVERIFY(!result.findings.items().isEmpty());
    QCOMPARE(result.findings.items().front().code, code);
    QVERIFY(!result.findings.items().front().message.isEmpty());
}

void TestValidation::minimalFileLoadsWithNotes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("minimal.db"));
    QVERIFY(test::writeDb(path, QStringLiteral(
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO meta VALUES ('format','flagged-campaign-db'),('format_version','1');"
        "CREATE TABLE models(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, released_at INTEGER NOT NULL);"
        "INSERT INTO models VALUES (1,'m',0);"
        "CREATE TABLE campaigns(id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
        "INSERT INTO campaigns VALUES (1,'c');"
        "CREATE TABLE accounts(id INTEGER PRIMARY KEY, external_ref TEXT NOT NULL, campaign_id INTEGER);"
        "INSERT INTO accounts VALUES (1,'a',1);"
        "CREATE TABLE exchanges(id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, account_id INTEGER NOT NULL, model_id INTEGER NOT NULL);"
        "INSERT INTO exchanges VALUES (1, 10, 1, 1);")));
    const LoadResult result = loadInvestigation(path, {false, 1});
    QVERIFY(result.ok());
    QVERIFY(!result.findings.hasWarnings());
    QVERIFY(result.findings.count(Severity::Note) >= 8); // every absent optional table and column
    QCOMPARE(result.investigation->exchangeRows, 1);
    QCOMPARE(result.investigation->capabilities.back().name, QStringLiteral("unclassified"));
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
