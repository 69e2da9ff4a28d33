// SPDX-License-Identifier: GPL-3.0-or-later
// Cases on a PostgreSQL server (issue 16), against a real PostgreSQL 15 started by the test
// (pgserver.h): the command line on a server location, five reviewer processes editing one case
// at once, two reviewers on one annotation, what a reader may not do, the server killed in the
// middle of edits, tampering by a superuser, and push/pull of 5,000 annotations.
//
// The reviewer processes are this test program started again with `--worker` (see main()).
#include "caseaudit.h"
#include "casecontroller.h"
#include "casebackend.h"
#include "caseedits.h"
#include "casefile.h"
#include "pgcase.h"
#include "sha256.h"

#include "fixturedb.h"
#include "pgserver.h"

#include <QApplication>
#include <QSignalSpy>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <libpq-fe.h>

#include <cstdio>

using namespace hs;

namespace {

QString app() { return QStringLiteral(HYDRASCOPE_APP); }

struct Run
{
    int code = -1;
    QString out, err;
};

Run hydrascope(const QStringList& args)
{
    QProcess p;
    p.start(app(), args);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// A reviewer process: `edits` edits on the case as `actor`, each acknowledged on stdout once it
// is committed ("add ID TITLE" or "edit ID TITLE"); every other edit changes the worker's last
// annotation. A failed edit is reported ("fail ...") and the worker goes on, reconnecting.
int worker(const QString& location, const QString& actor, int edits)
{
    QString error;
    std::unique_ptr<CaseBackend> c = openCase(location, CaseBackend::Mode::ReadWrite, &error);
    if (!c) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    c->setActor(actor);
    std::optional<Annotation> last;
    int failures = 0;
    for (int i = 0; i < edits; ++i) {
        Annotation a;
        a.kind = AnnotationKind::Point;
        a.from = a.to = 1770681600 + i;
        a.title = QStringLiteral("%1 edit %2 · مراجعة \u202e").arg(actor).arg(i);
        a.tags = {actor};
        bool ok = false;
        if (i % 2 == 1 && last) {
            Annotation b = *last;
            b.title = a.title;
            ok = c->updateAnnotation(b);
            if (ok) {
                last = c->annotation(b.id);
                std::printf("edit %lld %s\n", static_cast<long long>(b.id), a.title.toUtf8().constData());
            }
        } else if (const std::optional<Annotation> stored = c->addAnnotation(a)) {
            ok = true;
            last = stored;
            std::printf("add %lld %s\n", static_cast<long long>(stored->id), a.title.toUtf8().constData());
        }
        std::fflush(stdout);
        if (!ok) {
            std::printf("fail %d %s\n", i, qPrintable(c->lastError().left(120)));
            std::fflush(stdout);
            if (++failures > 50)
                return 1;
            if (!c->isConnected())
                c->reconnect();
        }
    }
    return failures ? 1 : 0;
}

} // namespace

class TestCasePostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!test::PgServer::available())
            QSKIP("PostgreSQL 15 server binaries are not installed (packaging/install-deps.sh installs postgresql)");
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir.path());
        QVERIFY(m_serverDir.isValid()); // a folder of its own: it is given to the server's user
        QVERIFY(m_server.start(m_serverDir.path()));
        m_evidence = m_dir.filePath(QStringLiteral("tiny.db"));
        QVERIFY(test::writeTinyDb(m_evidence));
        // The first case creates the schema and the group roles (as the database's owner).
        const Run r = hydrascope({QStringLiteral("case"), QStringLiteral("new"), m_evidence, QStringLiteral("-o"),
                                  location(QStringLiteral("hydrascope"), QStringLiteral("case-17")),
                                  QStringLiteral("--reviewer"), QStringLiteral("lead")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(m_server.exec(QStringLiteral("CREATE ROLE alice LOGIN IN ROLE hydrascope_reviewer;"
                                             "CREATE ROLE bob LOGIN IN ROLE hydrascope_reviewer;"
                                             "CREATE ROLE carol LOGIN IN ROLE hydrascope_reader;")));
        for (int i = 0; i < 5; ++i)
            QVERIFY(m_server.exec(QStringLiteral("CREATE ROLE reviewer%1 LOGIN IN ROLE hydrascope_reviewer").arg(i)));
    }

    // Every case command on a server location; a password in the URI is never shown.
    void commandLine()
    {
        const QString loc = location(QStringLiteral("alice:s3cret"), QStringLiteral("case-17"));
        Run r = hydrascope({QStringLiteral("case"), QStringLiteral("annotate"), loc, QStringLiteral("--title"),
                            QStringLiteral("Burst 请"), QStringLiteral("--at"), QStringLiteral("2026-02-11T14:37:00Z")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("alice:***@127.0.0.1")), qPrintable(r.out));
        r = hydrascope({QStringLiteral("case"), QStringLiteral("show"), loc, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("Burst 请")));
        r = hydrascope({QStringLiteral("case"), QStringLiteral("verify"), loc});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QStringLiteral("intact")));
        for (const Run& any : {r})
            QVERIFY(!QString(any.out + any.err).contains(QStringLiteral("s3cret")));
        // A case that is not there, a location without a case name, a case that exists already.
        r = hydrascope({QStringLiteral("case"), QStringLiteral("verify"), location(QStringLiteral("alice:s3cret"), QStringLiteral("nope"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no case named \"nope\"")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("s3cret")));
        r = hydrascope({QStringLiteral("case"), QStringLiteral("show"), m_server.uri(QStringLiteral("alice"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("needs its name after '#'")), qPrintable(r.err));
        r = hydrascope({QStringLiteral("case"), QStringLiteral("new"), m_evidence, QStringLiteral("-o"), loc});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("exists already")), qPrintable(r.err));
        // report --case and export --case read a server case.
        r = hydrascope({QStringLiteral("export"), m_evidence, QStringLiteral("--case"), loc, QStringLiteral("-o"),
                        m_dir.filePath(QStringLiteral("bundle-alice"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(!QString(r.out + r.err).contains(QStringLiteral("s3cret")));
        const QStringList exported = m_server.column(QStringLiteral(
            "SELECT actor || ' ' || detail FROM hydrascope.audit WHERE case_name = 'case-17' AND action = 'exported'"));
        QCOMPARE(exported.size(), 1);
    }

    // Five reviewer processes, 200 edits each, on one case at the same time.
    void fiveReviewersAtOnce()
    {
        const QString name = QStringLiteral("concurrent");
        QVERIFY(newCase(name));
        std::vector<std::unique_ptr<QProcess>> workers;
        for (int i = 0; i < 5; ++i) {
            auto p = std::make_unique<QProcess>();
            p->start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("--worker"), location(QStringLiteral("reviewer%1").arg(i), name),
                      QStringLiteral("reviewer%1").arg(i), QStringLiteral("200")});
            workers.push_back(std::move(p));
        }
        QStringList acks;
        for (auto& p : workers) {
            QVERIFY(p->waitForFinished(240000));
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
            acks += QString::fromUtf8(p->readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        }
        QCOMPARE(acks.size(), 1000);
        // Every acknowledged edit is in the log exactly once, in one chain numbered 1..1001.
        QCOMPARE(m_server.column(QStringLiteral("SELECT count(*) FROM hydrascope.audit WHERE case_name = 'concurrent'")),
                 QStringList{QStringLiteral("1001")});
        QCOMPARE(m_server.column(QStringLiteral("SELECT count(DISTINCT seq) || ' ' || min(seq) || ' ' || max(seq) FROM "
                                                "hydrascope.audit WHERE case_name = 'concurrent'")),
                 QStringList{QStringLiteral("1001 1 1001")});
        QCOMPARE(m_server.column(QStringLiteral("SELECT count(*) FROM hydrascope.annotations WHERE case_name = 'concurrent'")),
                 QStringList{QStringLiteral("500")});
        // Each worker's last title of each annotation is what the server holds.
        QHash<QString, QString> expected; // id -> last title acknowledged
        for (const QString& line : std::as_const(acks)) {
            const QStringList parts = line.split(QLatin1Char(' '));
            expected.insert(parts.at(1), line.section(QLatin1Char(' '), 2));
        }
        QCOMPARE(expected.size(), 500);
        const QStringList stored = m_server.column(QStringLiteral(
            "SELECT id || ' ' || title FROM hydrascope.annotations WHERE case_name = 'concurrent' ORDER BY id"));
        for (const QString& row : stored)
            QCOMPARE(row.section(QLatin1Char(' '), 1), expected.value(row.section(QLatin1Char(' '), 0, 0)));
        const Run v = hydrascope({QStringLiteral("case"), QStringLiteral("verify"), location(QStringLiteral("alice"), name)});
        QVERIFY2(v.code == 0, qPrintable(v.out + v.err));
    }

    // Two reviewers edit the same annotation: exactly one wins, the other is told who and when.
    void twoReviewersOneAnnotation()
    {
        const QString name = QStringLiteral("conflict");
        QVERIFY(newCase(name));
        QString error;
        auto alice = openCase(location(QStringLiteral("alice"), name), CaseBackend::Mode::ReadWrite, &error);
        auto bob = openCase(location(QStringLiteral("bob"), name), CaseBackend::Mode::ReadWrite, &error);
        QVERIFY2(alice && bob, qPrintable(error));
        alice->setActor(QStringLiteral("alice"));
        bob->setActor(QStringLiteral("bob"));
        Annotation a;
        a.kind = AnnotationKind::Campaign;
        a.target = 1;
        a.title = QStringLiteral("Campaign A");
        const std::optional<Annotation> stored = alice->addAnnotation(a);
        QVERIFY(stored);
        Annotation byAlice = *alice->annotation(stored->id), byBob = *bob->annotation(stored->id);
        QCOMPARE(byAlice.revision, byBob.revision);
        byAlice.note = QStringLiteral("alice's note");
        byBob.note = QStringLiteral("bob's note");
        const bool bobFirst = bob->updateAnnotation(byBob);
        const bool aliceSecond = alice->updateAnnotation(byAlice);
        QVERIFY(bobFirst);
        QVERIFY(!aliceSecond);
        QVERIFY(alice->lastWasConflict());
        QVERIFY2(QRegularExpression(QStringLiteral("^annotation \\d+ was changed by bob at \\d\\d:\\d\\d UTC; reload or overwrite$"))
                     .match(alice->lastError()).hasMatch(),
                 qPrintable(alice->lastError()));
        QCOMPARE(alice->annotation(stored->id)->note, QStringLiteral("bob's note"));
        // Overwrite: edit the revision now stored.
        Annotation again = *alice->annotation(stored->id);
        again.note = QStringLiteral("alice's note");
        QVERIFY(alice->updateAnnotation(again));
        QCOMPARE(bob->annotation(stored->id)->note, QStringLiteral("alice's note"));
        QCOMPARE(verifyCase(bob->snapshot(), false).tampering, QStringList());
    }

    // A reader opens, reads and exports with the policy or external profile, nothing more; the
    // server refuses the rest whatever the program does.
    void readerRole()
    {
        const QString loc = location(QStringLiteral("carol"), QStringLiteral("case-17"));
        QString error;
        auto carol = openCase(loc, CaseBackend::Mode::ReadWrite, &error);
        QVERIFY2(carol, qPrintable(error));
        QVERIFY(!carol->annotations().empty());
        QString why;
        QVERIFY(!carol->mayEdit(&why));
        QVERIFY2(why.contains(QStringLiteral("hydrascope_reviewer")), qPrintable(why));
        Annotation a;
        a.kind = AnnotationKind::Point;
        a.title = QStringLiteral("reader's note");
        QVERIFY(!carol->addAnnotation(a));
        QVERIFY2(carol->lastError().contains(QStringLiteral("permission denied")), qPrintable(carol->lastError()));
        QVERIFY(!carol->allPseudonyms());
        QVERIFY(!carol->mayExportProfile(QStringLiteral("internal"), &why));
        // The server itself, without Hydrascope's checks.
        QVERIFY(!asRole(QStringLiteral("carol"), "SELECT * FROM hydrascope.pseudonyms"));
        QVERIFY(!asRole(QStringLiteral("carol"), "UPDATE hydrascope.annotations SET title = 'x'"));
        QVERIFY(!asRole(QStringLiteral("carol"),
                        "INSERT INTO hydrascope.audit VALUES ('case-17', 999, 0, 'carol', 'exported', 'case', "
                        "'report.pdf written to r.pdf with the internal profile (SHA-256 x)', '', 'x', 'y')"));
        QVERIFY(!asRole(QStringLiteral("alice"), "DELETE FROM hydrascope.audit"));
        QVERIFY(!asRole(QStringLiteral("alice"), "UPDATE hydrascope.audit SET actor = 'x'"));
        // On the command line: no annotation, no internal export; an external export works.
        Run r = hydrascope({QStringLiteral("case"), QStringLiteral("annotate"), loc, QStringLiteral("--title"),
                            QStringLiteral("x"), QStringLiteral("--at"), QStringLiteral("2026-02-11T14:37:00Z")});
        QCOMPARE(r.code, 2);
        r = hydrascope({QStringLiteral("export"), m_evidence, QStringLiteral("--case"), loc, QStringLiteral("-o"),
                        m_dir.filePath(QStringLiteral("bundle-internal"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("policy or external profile")), qPrintable(r.err));
        r = hydrascope({QStringLiteral("export"), m_evidence, QStringLiteral("--case"), loc, QStringLiteral("--redact"),
                        QStringLiteral("external"), QStringLiteral("-o"), m_dir.filePath(QStringLiteral("bundle-external"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = hydrascope({QStringLiteral("case"), QStringLiteral("verify"), loc});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    }

    // The server killed in the middle of a reviewer's edits: every acknowledged edit is there
    // after a restart, and the case verifies.
    void serverKilledMidEdits()
    {
        const QString name = QStringLiteral("killed");
        QVERIFY(newCase(name));
        QProcess p;
        p.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--worker"), location(QStringLiteral("alice"), name), QStringLiteral("alice"),
                 QStringLiteral("400")});
        QByteArray out;
        while (out.count('\n') < 60 && p.state() != QProcess::NotRunning) {
            p.waitForReadyRead(5000);
            out += p.readAllStandardOutput();
        }
        QVERIFY(m_server.stop());
        QVERIFY(p.waitForFinished(120000));
        out += p.readAllStandardOutput();
        QVERIFY(m_server.restart());
        const QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QHash<QString, QString> acknowledged;
        int failed = 0;
        for (const QString& line : lines) {
            if (line.startsWith(QLatin1String("fail")))
                ++failed;
            else
                acknowledged.insert(line.section(QLatin1Char(' '), 1, 1), line.section(QLatin1Char(' '), 2));
        }
        QVERIFY2(failed > 0, "the server was stopped after the worker finished: nothing was tested");
        QVERIFY(!acknowledged.isEmpty());
        const QStringList stored = m_server.column(QStringLiteral(
            "SELECT id || ' ' || title FROM hydrascope.annotations WHERE case_name = 'killed' ORDER BY id"));
        QHash<QString, QString> onServer;
        for (const QString& row : stored)
            onServer.insert(row.section(QLatin1Char(' '), 0, 0), row.section(QLatin1Char(' '), 1));
        for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it)
            QCOMPARE(onServer.value(it.key()), it.value());
        const Run v = hydrascope({QStringLiteral("case"), QStringLiteral("verify"), location(QStringLiteral("alice"), name)});
        QVERIFY2(v.code == 0, qPrintable(v.out + v.err));
    }

    // A superuser bypassing triggers and grants: an audit row deleted, an annotation edited.
    void tamperingFound_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("finding");
        QTest::newRow("audit row deleted")
            << QStringLiteral("ALTER TABLE hydrascope.audit DISABLE TRIGGER USER; DELETE FROM hydrascope.audit WHERE "
                              "case_name = '%1' AND seq = 2; ALTER TABLE hydrascope.audit ENABLE TRIGGER USER;")
            << QStringLiteral("entry 2 is missing");
        QTest::newRow("annotation edited")
            << QStringLiteral("SET session_replication_role = replica; UPDATE hydrascope.annotations SET title = "
                              "'nothing to see' WHERE case_name = '%1' AND id = 1;")
            << QStringLiteral("annotation 1 was changed outside Hydrascope");
        QTest::newRow("audit row edited")
            << QStringLiteral("SET session_replication_role = replica; UPDATE hydrascope.audit SET actor = 'mallory' "
                              "WHERE case_name = '%1' AND seq = 3;")
            << QStringLiteral("audit entry 3 was altered");
    }
    void tamperingFound()
    {
        QFETCH(QString, sql);
        QFETCH(QString, finding);
        const QString name = QStringLiteral("tamper-%1").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
        QVERIFY(newCase(name));
        const QString loc = location(QStringLiteral("alice"), name);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(hydrascope({QStringLiteral("case"), QStringLiteral("annotate"), loc, QStringLiteral("--title"),
                                 QStringLiteral("note %1").arg(i), QStringLiteral("--at"), QStringLiteral("2026-02-11T14:37:00Z")}).code, 0);
        QCOMPARE(hydrascope({QStringLiteral("case"), QStringLiteral("verify"), loc}).code, 0);
        // Without bypassing anything, even the superuser cannot rewrite the log.
        QVERIFY(!m_server.exec(QStringLiteral("DELETE FROM hydrascope.audit WHERE case_name = '%1'").arg(name)));
        QVERIFY(m_server.exec(sql.arg(name)));
        const Run v = hydrascope({QStringLiteral("case"), QStringLiteral("verify"), loc});
        QCOMPARE(v.code, 2);
        QVERIFY2(v.out.contains(finding), qPrintable(v.out));
    }

    // push then pull: the same annotations, views, log and pseudonyms, byte for byte.
    void pushPullRoundTrip()
    {
        const QString original = m_dir.filePath(QStringLiteral("big.hcase"));
        QVERIFY(writeBigCase(original, 5000));
        QCOMPARE(hydrascope({QStringLiteral("case"), QStringLiteral("verify"), original}).code, 0);
        const QString loc = location(QStringLiteral("alice:s3cret"), QStringLiteral("pushed"));
        Run r = hydrascope({QStringLiteral("case"), QStringLiteral("push"), original, loc});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("5000 annotations")) && r.out.contains(QStringLiteral("verified on both sides")),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("s3cret")));
        QCOMPARE(hydrascope({QStringLiteral("case"), QStringLiteral("verify"), loc}).code, 0);
        // Pushing again is refused: a case is never replaced.
        QCOMPARE(hydrascope({QStringLiteral("case"), QStringLiteral("push"), original, loc}).code, 2);
        const QString pulled = m_dir.filePath(QStringLiteral("pulled.hcase"));
        r = hydrascope({QStringLiteral("case"), QStringLiteral("pull"), loc, QStringLiteral("-o"), pulled});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(hydrascope({QStringLiteral("case"), QStringLiteral("verify"), pulled}).code, 0);
        for (const char* table : {"annotations", "saved_views", "audit", "pseudonyms"}) {
            const QString dump = QStringLiteral("SELECT group_concat(r, char(10)) FROM (SELECT %1 AS r FROM %2 ORDER BY 1)")
                                     .arg(columnsQuoted(original, QLatin1String(table)), QLatin1String(table));
            const QStringList before = test::queryColumn(original, dump);
            QCOMPARE(before.size(), 1);
            QVERIFY(before.front().size() > 60); // the rows themselves, not an empty dump
            QCOMPARE(test::queryColumn(pulled, dump), before);
        }
        const QString info = QStringLiteral("SELECT group_concat(key || '=' || value, char(10)) FROM (SELECT * FROM case_info "
                                            "WHERE key <> 'evidence_path' ORDER BY key)");
        QCOMPARE(test::queryColumn(pulled, info), test::queryColumn(original, info));
        QCOMPARE(test::queryNumber(pulled, QStringLiteral("SELECT count(*) FROM annotations")), 5000.0);
        QCOMPARE(test::queryNumber(pulled, QStringLiteral("PRAGMA user_version")),
                 test::queryNumber(original, QStringLiteral("PRAGMA user_version")));
    }

    // The dashboard's side (CaseController): another reviewer's edit appears within a second
    // with its author; a reader cannot edit and is told why; the server going away keeps the
    // case shown, refuses edits, and the controller reconnects by itself.
    void dashboardFollowsTheServer()
    {
        const QString name = QStringLiteral("dashboard");
        QVERIFY(newCase(name));
        QString error;
        auto alice = openCase(location(QStringLiteral("alice"), name), CaseBackend::Mode::ReadWrite, &error);
        QVERIFY2(alice, qPrintable(error));
        alice->setActor(QStringLiteral("alice"));
        CaseController bob, carol;
        QVERIFY2(bob.open(location(QStringLiteral("bob"), name), &error), qPrintable(error));
        QVERIFY2(carol.open(location(QStringLiteral("carol"), name), &error), qPrintable(error));
        QString why;
        QVERIFY(bob.mayEdit(&why));
        QVERIFY(!carol.mayEdit(&why));
        QVERIFY2(why.contains(QStringLiteral("may read this case but not annotate it")), qPrintable(why));

        QSignalSpy elsewhere(&bob, &CaseController::changedElsewhere);
        Annotation a;
        a.kind = AnnotationKind::Range;
        a.from = 1770681600;
        a.to = a.from + 3600;
        a.title = QStringLiteral("alice's range");
        QElapsedTimer shown;
        shown.start();
        QVERIFY(alice->addAnnotation(a));
        QTRY_COMPARE_WITH_TIMEOUT(bob.annotations().size(), std::size_t(1), 1000);
        QVERIFY2(shown.elapsed() < 1000, "not shown within a second");
        QCOMPARE(bob.annotations().front().author, QStringLiteral("alice"));
        QTRY_COMPARE_WITH_TIMEOUT(carol.annotations().size(), std::size_t(1), 1000);
        QVERIFY(elsewhere.count() >= 1);

        // Bob edits what he sees; alice had saved a newer revision: bob is told, nothing written.
        Annotation seen = bob.annotations().front();
        Annotation newer = *alice->annotation(seen.id);
        newer.note = QStringLiteral("alice first");
        QVERIFY(alice->updateAnnotation(newer));
        QSignalSpy failed(&bob, &CaseController::editFailed);
        seen.note = QStringLiteral("bob second");
        bob.caseFile()->setActor(QStringLiteral("bob"));
        QVERIFY(!bob.caseFile()->updateAnnotation(seen));
        QVERIFY(bob.caseFile()->lastWasConflict());

        // The server goes away: still shown, edits refused, back by itself.
        QSignalSpy connection(&bob, &CaseController::connectionChanged);
        QVERIFY(m_server.stop());
        QTRY_VERIFY_WITH_TIMEOUT(!bob.isConnected(), 5000);
        QCOMPARE(bob.annotations().size(), std::size_t(1));
        QVERIFY(!bob.mayEdit(&why));
        QVERIFY2(why.contains(QStringLiteral("cannot be reached")), qPrintable(why));
        bob.addAnnotation(a);
        QVERIFY(failed.count() >= 1);
        QCOMPARE(bob.annotations().size(), std::size_t(1));
        QVERIFY(m_server.restart());
        QTRY_VERIFY_WITH_TIMEOUT(bob.isConnected(), 10000);
        QVERIFY(bob.mayEdit(&why));
        bob.addAnnotation(a);
        QTRY_COMPARE_WITH_TIMEOUT(bob.annotations().size(), std::size_t(2), 1000);
        QCOMPARE(verifyCase(bob.caseFile()->snapshot(), false).tampering, QStringList());
    }

    void cleanupTestCase() { m_server.stop(); }

private:
    QString location(const QString& user, const QString& name) const
    {
        return m_server.uri(user) + QLatin1Char('#') + name;
    }
    bool newCase(const QString& name)
    {
        const Run r = hydrascope({QStringLiteral("case"), QStringLiteral("new"), m_evidence, QStringLiteral("-o"),
                                  location(QStringLiteral("alice"), name), QStringLiteral("--reviewer"), QStringLiteral("alice")});
        if (r.code != 0)
            qWarning("case new: %s", qPrintable(r.err));
        return r.code == 0;
    }
    // Runs one statement as `role`; false when the server refuses it.
    bool asRole(const QString& role, const char* sql) const
    {
        PGconn* c = PQconnectdb(m_server.uri(role).toUtf8().constData());
        PGresult* r = PQexec(c, sql);
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
        PQclear(r);
        PQfinish(c);
        return ok;
    }
    // Every column of a table, each through quote(): types and bytes show.
    static QString columnsQuoted(const QString& db, const QString& table)
    {
        QStringList columns;
        for (const QString& c : test::queryColumn(db, QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(table)))
            columns << QStringLiteral("quote(%1)").arg(c);
        return columns.join(QStringLiteral(" || '|' || "));
    }
    // A .hcase of `count` annotations (hostile text, every kind), a view and pseudonyms, with a
    // chain built entry by entry as Hydrascope builds it (caseedits.h), written in one go.
    bool writeBigCase(const QString& path, int count)
    {
        CaseSnapshot s;
        s.info.formatVersion = kCaseFormatVersion;
        s.info.createdAt = 1770681600;
        s.info.reviewer = QStringLiteral("lead \u202e");
        s.info.title = QStringLiteral("Big case 大");
        QString error;
        s.info.evidenceName = QFileInfo(m_evidence).fileName();
        s.info.evidenceSize = QFileInfo(m_evidence).size();
        s.info.evidenceSha256 = sha256OfFile(m_evidence, &error);
        s.info.evidencePath = m_evidence;
        auto append = [&](const QString& action, const QString& subject, const QString& hash) {
            const AuditEntry* last = s.audit.empty() ? nullptr : &s.audit.back();
            std::optional<AuditEntry> e = nextAuditEntry(last ? last->seq : 0, last ? last->hash : QString(),
                                                         s.info.createdAt + std::int64_t(s.audit.size()), QStringLiteral("lead"),
                                                         action, subject, QStringLiteral("detail"), hash, kCaseFormatVersion, &error);
            s.audit.push_back(*e);
        };
        append(QStringLiteral("created"), QStringLiteral("case"), contentHash(s.info, kCaseFormatVersion));
        for (int i = 1; i <= count; ++i) {
            Annotation a;
            a.id = i;
            a.kind = static_cast<AnnotationKind>(i % kAnnotationKinds);
            a.title = QStringLiteral("note %1 حملة 请求 \u202e \"quoted\"").arg(i);
            a.note = QStringLiteral("line one\nline two\t%1").arg(i);
            a.tags = {QStringLiteral("t%1").arg(i % 7), QStringLiteral("עברית")};
            a.severity = static_cast<AnnotationSeverity>(i % kSeverities);
            a.author = i % 2 ? QStringLiteral("alice") : QStringLiteral("bob");
            a.createdAt = a.editedAt = s.info.createdAt + i;
            a.from = 1770681600 + i;
            a.to = a.kind == AnnotationKind::Range ? a.from + 60 : (isTimeKind(a.kind) ? a.from : 0);
            a.target = isTimeKind(a.kind) ? 0 : i;
            a.internal = i % 5 == 0;
            s.annotations.push_back(a);
            append(QStringLiteral("created"), annotationSubject(i), contentHash(a, kCaseFormatVersion));
        }
        SavedView v;
        v.id = 1;
        v.name = QStringLiteral("pivot \u202e");
        v.allGroups = false;
        v.campaignIds = {1, 3};
        v.from = 1770681600;
        s.views.push_back(v);
        append(QStringLiteral("created"), viewSubject(1), contentHash(v, kCaseFormatVersion));
        const std::vector<Pseudonym> pseudonyms = {{QStringLiteral("account"), QStringLiteral("acct-1 \u202e"), QStringLiteral("ACCT-0001")},
                                                   {QStringLiteral("payment"), QStringLiteral("pay 大"), QStringLiteral("PAY-0001")}};
        auto c = CaseFile::createCopy(path, s, pseudonyms, &error);
        if (!c)
            qWarning("%s", qPrintable(error));
        return c != nullptr;
    }

    QTemporaryDir m_dir;
    QTemporaryDir m_serverDir;
    test::PgServer m_server;
    QString m_evidence;
};

int main(int argc, char** argv)
{
    QApplication application(argc, argv); // the dashboard's case controller (QUndoStack) needs a GUI application
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 5 && args.at(1) == QLatin1String("--worker"))
        return worker(args.at(2), args.at(3), args.at(4).toInt());
    TestCasePostgres test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_casepg.moc"
