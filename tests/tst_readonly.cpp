// SPDX-License-Identifier: GPL-3.0-or-later
// The evidence is never modified: the folder is byte-for-byte the same after open, validate and
// analyze, nothing is created beside the file, and committed data in a -wal is read, not ignored.
#include "analysis.h"
#include "analysisjson.h"
#include "fixturedb.h"
#include "loader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace hs;

class TestReadOnly : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void folderUnchanged_data();
    void folderUnchanged();
    void walContentIsRead();
};

namespace {

// Leaves `dir/evidence.db` in WAL mode with committed rows still only in its -wal: the files are
// copied while the writer is open, before any checkpoint.
void makeWalEvidence(const QString& dir, int walRows)
{
    const QString work = dir + QStringLiteral("/writer.db");
    QVERIFY(test::writeDb(work, test::validSql()));
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(work).constData(), &db), SQLITE_OK);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (int i = 0; i < walRows; ++i) {
        const QByteArray sql = QStringLiteral("INSERT INTO exchanges(id, ts, account_id, model_id) VALUES (%1, %2, 1, 2)")
                                   .arg(1000 + i).arg(1700001000 + i).toUtf8();
        sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    QDir(dir).mkdir(QStringLiteral("evidence"));
    QVERIFY(QFile::copy(work, dir + QStringLiteral("/evidence/evidence.db")));
    QVERIFY(QFile::copy(work + QStringLiteral("-wal"), dir + QStringLiteral("/evidence/evidence.db-wal")));
    sqlite3_close(db);
}

} // namespace

void TestReadOnly::folderUnchanged_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addRow("rollback journal file") << "plain";
    QTest::addRow("WAL file with a -wal") << "wal";
    QTest::addRow("WAL header, no -wal") << "walheader";
}

void TestReadOnly::folderUnchanged()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QString folder = dir.path();
    if (kind == QLatin1String("wal")) {
        makeWalEvidence(dir.path(), 50);
        folder = dir.filePath(QStringLiteral("evidence"));
    } else {
        QVERIFY(test::writeDb(dir.filePath(QStringLiteral("evidence.db")), test::validSql() +
                              (kind == QLatin1String("walheader") ? QStringLiteral("PRAGMA journal_mode=WAL;") : QString())));
    }
    const QString path = folder + QStringLiteral("/evidence.db");
    if (kind == QLatin1String("walheader"))
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    const QStringList before = test::folderState(folder);
    for (int round = 0; round < 2; ++round) {
        LoadOptions options{true, 2};
        options.directRead = round == 0;
        options.keepColumns = true;
        const LoadResult r = loadInvestigation(path, options);
        QVERIFY(r.ok());
        // The whole analysis ran on what was read: a JSON document with every exchange and account.
        QJsonParseError error;
        const QJsonObject doc =
            QJsonDocument::fromJson(analysisToJson(*r.investigation, analyze(*r.investigation)), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject evidence = doc.value(QStringLiteral("evidence")).toObject();
        // The fixture's 25 exchanges, and the 50 committed only to the -wal where there is one.
        QCOMPARE(evidence.value(QStringLiteral("exchanges")).toInt(), kind == QLatin1String("wal") ? 75 : 25);
        QCOMPARE(evidence.value(QStringLiteral("accounts")).toInt(), 6);
        QCOMPARE(doc.value(QStringLiteral("campaigns")).toArray().size(), 2);
    }
    QCOMPARE(test::folderState(folder), before);
}

void TestReadOnly::walContentIsRead()
{
    QTemporaryDir dir;
    makeWalEvidence(dir.path(), 50);
    const QString path = dir.filePath(QStringLiteral("evidence/evidence.db"));
    const LoadResult r = loadInvestigation(path, {false, 2});
    QVERIFY(r.ok());
    QCOMPARE(r.investigation->exchangeRows, 25 + 50); // the fixture's rows plus those only in the -wal
    bool noted = false;
    for (const Finding& f : r.findings.items())
        noted = noted || f.code == QLatin1String("wal-present");
    QVERIFY(noted);
}

QTEST_GUILESS_MAIN(TestReadOnly)
#include "tst_readonly.moc"
