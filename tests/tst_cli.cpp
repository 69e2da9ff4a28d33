// SPDX-License-Identifier: GPL-3.0-or-later
// The command line as a user runs it: exit codes, streams, and `analyze --json` against a golden file.
#include "fixturedb.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exitCodes_data();
    void exitCodes();
    void analyzeGolden();
    void generateTinyIsValid();

private:
    struct Run
    {
        int code = -1;
        QByteArray out, err;
    };
    Run run(const QStringList& args);
    QTemporaryDir m_dir;
    QString m_small, m_invalid, m_clean;
};

TestCli::Run TestCli::run(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(HYDRASCOPE_APP), args);
    if (!p.waitForFinished(120000))
        qFatal("hydrascope did not finish");
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

void TestCli::initTestCase()
{
    m_small = m_dir.filePath(QStringLiteral("small-investigation.db"));
    QVERIFY(hs::test::writeDb(m_small, hs::test::validSql()));
    m_invalid = m_dir.filePath(QStringLiteral("invalid.db"));
    QVERIFY(hs::test::writeDb(m_invalid, hs::test::validSql().replace(QStringLiteral("('format_version', '1')"),
                                                                      QStringLiteral("('format_version', '7')"))));
    m_clean = m_dir.filePath(QStringLiteral("clean.db"));
    QVERIFY(hs::test::writeDb(m_clean, hs::test::validSql() + QStringLiteral(
        "DELETE FROM exchanges WHERE id = 25; DELETE FROM indicators WHERE id = 8; UPDATE accounts SET campaign_id = 2 WHERE id = 6;")));
}

void TestCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("stdoutEmpty");
    QTest::addColumn<QString>("stderrHas");
    const QString missing = QStringLiteral("/nonexistent/evidence.db");
    QTest::addRow("validate, valid") << QStringList{QStringLiteral("validate"), m_clean} << 0 << false << QString();
    QTest::addRow("validate, warnings only") << QStringList{QStringLiteral("validate"), m_small} << 1 << false << QString();
    QTest::addRow("validate, invalid") << QStringList{QStringLiteral("validate"), m_invalid} << 2 << false << QString();
    QTest::addRow("validate, missing file") << QStringList{QStringLiteral("validate"), missing} << 2 << false << QString();
    QTest::addRow("analyze, invalid") << QStringList{QStringLiteral("analyze"), m_invalid, QStringLiteral("--json")} << 2 << true << QStringLiteral("newer than this Hydrascope");
    QTest::addRow("analyze, missing file") << QStringList{QStringLiteral("analyze"), missing} << 2 << true << QStringLiteral("does not exist");
    QTest::addRow("analyze, bad threshold") << QStringList{QStringLiteral("analyze"), m_small, QStringLiteral("--threshold"), QStringLiteral("1.5")} << 2 << true << QStringLiteral("--threshold");
    QTest::addRow("analyze, text threshold") << QStringList{QStringLiteral("analyze"), m_small, QStringLiteral("--threshold"), QStringLiteral("half")} << 2 << true << QStringLiteral("--threshold");
    QTest::addRow("analyze, no file") << QStringList{QStringLiteral("analyze")} << 2 << true << QStringLiteral("one FILE");
    QTest::addRow("analyze, text") << QStringList{QStringLiteral("analyze"), m_small} << 0 << false << QString();
    QTest::addRow("generate without -o") << QStringList{QStringLiteral("generate")} << 2 << true << QStringLiteral("-o FILE");
    QTest::addRow("generate, bad scale") << QStringList{QStringLiteral("generate"), QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.db")), QStringLiteral("--scale"), QStringLiteral("huge")} << 2 << true << QStringLiteral("--scale");
    QTest::addRow("version") << QStringList{QStringLiteral("--version")} << 0 << false << QString();
}

void TestCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(bool, stdoutEmpty);
    QFETCH(QString, stderrHas);
    const Run r = run(args);
    QCOMPARE(r.code, code);
    QCOMPARE(r.out.isEmpty(), stdoutEmpty);
    if (!stderrHas.isEmpty())
        QVERIFY2(QString::fromUtf8(r.err).contains(stderrHas), r.err.constData());
}

void TestCli::analyzeGolden()
{
    const Run r = run({QStringLiteral("analyze"), m_small, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    // The file's bytes carry the SQLite library's version, so its hash is checked apart from
    // the golden file: against an independent hash of the same file.
    QFile db(m_small);
    QVERIFY(db.open(QIODevice::ReadOnly));
    const QByteArray hash = QCryptographicHash::hash(db.readAll(), QCryptographicHash::Sha256).toHex();
    const QByteArray expected = QByteArray("\"sha256\": \"") + hash + '"';
    QVERIFY2(r.out.contains(expected), "evidence.sha256 is the file's SHA-256");
    static const QRegularExpression sha(QStringLiteral("\"sha256\": \"[0-9a-f]{64}\""));
    const QString actual = QString::fromUtf8(r.out).replace(sha, QStringLiteral("\"sha256\": \"(masked)\""));
    QFile goldenFile(QStringLiteral(HYDRASCOPE_FIXTURES "/small-investigation.analysis.json"));
    QVERIFY(goldenFile.open(QIODevice::ReadOnly));
    const QString golden = QString::fromUtf8(goldenFile.readAll()).replace(sha, QStringLiteral("\"sha256\": \"(masked)\""));
    if (actual != golden) {
        const QString actualPath = QStringLiteral("small-investigation.analysis.json.actual");
        QFile out(actualPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(r.out);
        out.close();
        QProcess diff;
        diff.start(QStringLiteral("diff"), {QStringLiteral("-u"), goldenFile.fileName(), actualPath});
        diff.waitForFinished();
        qWarning("%s", diff.readAllStandardOutput().constData());
    }
    QCOMPARE(actual, golden);
}

void TestCli::generateTinyIsValid()
{
    const QString path = m_dir.filePath(QStringLiteral("tiny.db"));
    const Run g = run({QStringLiteral("generate"), QStringLiteral("-o"), path, QStringLiteral("--scale"), QStringLiteral("tiny"),
                       QStringLiteral("--seed"), QStringLiteral("5")});
    QCOMPARE(g.code, 0);
    const Run v = run({QStringLiteral("validate"), path});
    QCOMPARE(v.code, 0);
    QVERIFY(v.out.contains("valid (0 error(s), 0 warning(s))"));
    // Same seed, same bytes: the generator is deterministic.
    const QString again = m_dir.filePath(QStringLiteral("tiny2.db"));
    QCOMPARE(run({QStringLiteral("generate"), QStringLiteral("-o"), again, QStringLiteral("--scale"), QStringLiteral("tiny"),
                  QStringLiteral("--seed"), QStringLiteral("5")}).code, 0);
    QFile a(path), b(again);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), b.readAll());
    const Run j = run({QStringLiteral("analyze"), path, QStringLiteral("--json")});
    QVERIFY(j.out.contains("\"synthetic\": true"));
    QVERIFY(j.out.contains("\"pivot\": true"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
