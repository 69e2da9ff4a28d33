// SPDX-License-Identifier: GPL-3.0-or-later
// The command line as a user runs it: exit codes, streams, and `analyze --json` against a golden file.
#include "fixturedb.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    void caseWorkflow();
    void caseAnnotateRefusals_data();
    void caseAnnotateRefusals();
    void exportsNeverReplace();

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
    // generate never replaces a file (here the evidence itself) without --force.
    QTest::addRow("generate over a file") << QStringList{QStringLiteral("generate"), QStringLiteral("-o"), m_small} << 2 << true
                                          << QStringLiteral("never replaces");
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
    // So does its size (the page layout SQLite chose): checked against the file, then masked too.
    QVERIFY2(r.out.contains(QByteArray(QByteArray("\"size_bytes\": ") + QByteArray::number(db.size()) + ',')),
             "evidence.size_bytes is the file's size");
    static const QRegularExpression sha(QStringLiteral("\"sha256\": \"[0-9a-f]{64}\""));
    static const QRegularExpression size(QStringLiteral("\"size_bytes\": \\d+,"));
    auto mask = [](QString text) {
        return text.replace(sha, QStringLiteral("\"sha256\": \"(masked)\""))
            .replace(size, QStringLiteral("\"size_bytes\": \"(masked)\","));
    };
    const QString actual = mask(QString::fromUtf8(r.out));
    QFile goldenFile(QStringLiteral(HYDRASCOPE_FIXTURES "/small-investigation.analysis.json"));
    QVERIFY(goldenFile.open(QIODevice::ReadOnly));
    const QString golden = mask(QString::fromUtf8(goldenFile.readAll()));
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

// The case commands as a script would use them: create, annotate, show, verify, and what verify
// says once the evidence moves or the case is edited behind the program's back.
void TestCli::caseWorkflow()
{
    const QString evidence = m_dir.filePath(QStringLiteral("case-evidence.db"));
    QVERIFY(QFile::copy(m_small, evidence));
    const QString casePath = m_dir.filePath(QStringLiteral("workflow.hcase"));
    Run r = run({QStringLiteral("case"), QStringLiteral("new"), evidence, QStringLiteral("-o"), casePath,
                 QStringLiteral("--reviewer"), QStringLiteral("Dana")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(run({QStringLiteral("case"), QStringLiteral("new"), evidence, QStringLiteral("-o"), casePath}).code, 2);
    r = run({QStringLiteral("case"), QStringLiteral("annotate"), casePath, QStringLiteral("--title"), QStringLiteral("Pivot day"),
             QStringLiteral("--from"), QStringLiteral("2026-02-11T14:00:00Z"), QStringLiteral("--to"),
             QStringLiteral("2026-02-12T14:00:00Z"), QStringLiteral("--tag"), QStringLiteral("pivot"), QStringLiteral("--tag"),
             QStringLiteral("atlas"), QStringLiteral("--severity"), QStringLiteral("key-evidence"), QStringLiteral("--author"),
             QStringLiteral("Eve")});
    QVERIFY2(r.code == 0, r.err.constData());
    r = run({QStringLiteral("case"), QStringLiteral("annotate"), casePath, QStringLiteral("--title"), QStringLiteral("Campaign"),
             QStringLiteral("--kind"), QStringLiteral("campaign"), QStringLiteral("--target"), QStringLiteral("1")});
    QVERIFY2(r.code == 0, r.err.constData());
    r = run({QStringLiteral("case"), QStringLiteral("show"), casePath, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    const QJsonArray annotations = doc.value(QStringLiteral("annotations")).toArray();
    QCOMPARE(annotations.size(), 2);
    const QJsonObject first = annotations.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("from")).toString(), QStringLiteral("2026-02-11T14:00:00Z"));
    QCOMPARE(first.value(QStringLiteral("severity")).toString(), QStringLiteral("key-evidence"));
    QCOMPARE(first.value(QStringLiteral("author")).toString(), QStringLiteral("Eve"));
    QCOMPARE(first.value(QStringLiteral("tags")).toArray().size(), 2);
    QCOMPARE(doc.value(QStringLiteral("case")).toObject().value(QStringLiteral("reviewer")).toString(), QStringLiteral("Dana"));
    QCOMPARE(doc.value(QStringLiteral("audit")).toArray().size(), 3);
    r = run({QStringLiteral("case"), QStringLiteral("verify"), casePath});
    QVERIFY2(r.code == 0, r.out.constData());
    QVERIFY(r.out.contains("intact"));
    // A head kept elsewhere stays valid as the log grows; one the log never held is tampering.
    const QString head = doc.value(QStringLiteral("case")).toObject().value(QStringLiteral("audit_chain_head")).toString();
    QCOMPARE(head.size(), 64);
    QCOMPARE(run({QStringLiteral("case"), QStringLiteral("annotate"), casePath, QStringLiteral("--title"), QStringLiteral("later"),
                  QStringLiteral("--at"), QStringLiteral("2026-02-11T15:00:00Z")}).code, 0);
    QCOMPARE(run({QStringLiteral("case"), QStringLiteral("verify"), casePath, QStringLiteral("--head"), head}).code, 0);
    r = run({QStringLiteral("case"), QStringLiteral("verify"), casePath, QStringLiteral("--head"), QString(64, QLatin1Char('a'))});
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.contains("no longer holds"));
    // Evidence moved away: 1. Back beside the case: found again by name.
    const QString moved = m_dir.filePath(QStringLiteral("moved.db"));
    QVERIFY(QFile::rename(evidence, moved));
    r = run({QStringLiteral("case"), QStringLiteral("verify"), casePath});
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.contains("not found"));
    QVERIFY(QFile::rename(moved, evidence));
    // Edited behind the program's back: 2.
    QCOMPARE(hs::test::queryNumber(casePath, QStringLiteral("SELECT count(*) FROM annotations")), 3.0); // two, and the one added after the head was taken
    QVERIFY(hs::test::execSql(casePath, QStringLiteral("UPDATE annotations SET severity='info' WHERE id=1;")));
    r = run({QStringLiteral("case"), QStringLiteral("verify"), casePath});
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.contains("annotation 1 was changed outside Hydrascope"));
}

void TestCli::caseAnnotateRefusals_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("stderrHas");
    const QString t = QStringLiteral("--title");
    QTest::addRow("no title") << QStringList{QStringLiteral("--at"), QStringLiteral("2026-02-11T14:00:00Z")} << QStringLiteral("--title");
    QTest::addRow("nothing annotated") << QStringList{t, QStringLiteral("x")} << QStringLiteral("one of");
    QTest::addRow("bad time") << QStringList{t, QStringLiteral("x"), QStringLiteral("--at"), QStringLiteral("noon")} << QStringLiteral("ISO-8601");
    QTest::addRow("range backwards") << QStringList{t, QStringLiteral("x"), QStringLiteral("--from"), QStringLiteral("2026-02-12T00:00:00Z"),
                                                    QStringLiteral("--to"), QStringLiteral("2026-02-11T00:00:00Z")} << QStringLiteral("end after");
    QTest::addRow("target without kind") << QStringList{t, QStringLiteral("x"), QStringLiteral("--target"), QStringLiteral("1")} << QStringLiteral("--kind");
    QTest::addRow("kind mismatch") << QStringList{t, QStringLiteral("x"), QStringLiteral("--kind"), QStringLiteral("account"),
                                                  QStringLiteral("--at"), QStringLiteral("2026-02-11T00:00:00Z")} << QStringLiteral("does not go");
    QTest::addRow("unknown target") << QStringList{t, QStringLiteral("x"), QStringLiteral("--kind"), QStringLiteral("account"),
                                                   QStringLiteral("--target"), QStringLiteral("9999")} << QStringLiteral("no account with id 9999");
    QTest::addRow("bad severity") << QStringList{t, QStringLiteral("x"), QStringLiteral("--severity"), QStringLiteral("huge"),
                                                 QStringLiteral("--at"), QStringLiteral("2026-02-11T00:00:00Z")} << QStringLiteral("--severity");
}

void TestCli::caseAnnotateRefusals()
{
    QFETCH(QStringList, options);
    QFETCH(QString, stderrHas);
    const QString casePath = m_dir.filePath(QStringLiteral("refusals.hcase"));
    if (!QFile::exists(casePath))
        QCOMPARE(run({QStringLiteral("case"), QStringLiteral("new"), m_small, QStringLiteral("-o"), casePath}).code, 0);
    const Run r = run(QStringList{QStringLiteral("case"), QStringLiteral("annotate"), casePath} + options);
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(stderrHas), r.err.constData());
    QCOMPARE(hs::test::queryNumber(casePath, QStringLiteral("SELECT count(*) FROM annotations")), 0.0);
}

// An export never replaces its sources, nor an earlier bundle.
void TestCli::exportsNeverReplace()
{
    const QString evidence = m_dir.filePath(QStringLiteral("never-replace.db"));
    QVERIFY(QFile::copy(m_small, evidence));
    const QStringList before = hs::test::folderState(m_dir.path());
    Run r = run({QStringLiteral("report"), evidence, QStringLiteral("-o"), evidence});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("is the evidence file"), r.err.constData());
    QCOMPARE(hs::test::folderState(m_dir.path()), before);
    const QString bundle = m_dir.filePath(QStringLiteral("bundle"));
    r = run({QStringLiteral("export"), evidence, QStringLiteral("-o"), bundle});
    QVERIFY2(r.code == 0, r.err.constData());
    const QStringList first = hs::test::folderState(bundle);
    QVERIFY(first.size() >= 8);
    r = run({QStringLiteral("export"), evidence, QStringLiteral("-o"), bundle, QStringLiteral("--redact"), QStringLiteral("policy")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("already holds"), r.err.constData());
    QCOMPARE(hs::test::folderState(bundle), first); // the earlier bundle, byte for byte
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
