// SPDX-License-Identifier: GPL-3.0-or-later
// The case file: round trips, the audit chain and content checks against tampering, evidence
// checks, refusals, and a child process killed in the middle of a burst of edits.
#include "caseaudit.h"
#include "casefile.h"
#include "casejson.h"
#include "fixturedb.h"
#include "loader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace hs;

namespace {

constexpr char kChildEnv[] = "HYDRASCOPE_CASE_CHILD";

Annotation makeAnnotation(AnnotationKind kind, const QString& title)
{
    Annotation a;
    a.kind = kind;
    a.title = title;
    a.note = QStringLiteral("<b>not markup</b>\nsecond line \u202e reversed");
    a.tags = {QStringLiteral("pivot"), QStringLiteral("atlas-3")};
    a.severity = AnnotationSeverity::Notable;
    if (kind == AnnotationKind::Range) {
        a.from = 1770800000;
        a.to = 1770886400;
    } else if (kind == AnnotationKind::Point) {
        a.from = a.to = 1770820620;
    } else {
        a.target = 2;
    }
    return a;
}

// Child mode: adds annotations as fast as it can and prints each id once committed.
int childBurst(const QString& path)
{
    QString error;
    auto c = CaseFile::open(path, CaseFile::Mode::ReadWrite, &error);
    if (!c)
        return 3;
    for (int i = 0;; ++i) {
        const auto a = c->addAnnotation(makeAnnotation(AnnotationKind::Point, QStringLiteral("burst %1").arg(i)));
        if (!a)
            return 4;
        std::printf("%lld\n", static_cast<long long>(a->id));
        std::fflush(stdout);
    }
}

} // namespace

class TestCaseFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void annotationRoundTrip_data();
    void annotationRoundTrip();
    void editsAndUndoOperations();
    void savedViews();
    void idsAreNeverReused();
    void pseudonymsAreStable();
    void refusals_data();
    void refusals();
    void readOnlyRefusesEdits();
    void verify_data();
    void verify();
    void jsonIsValid();
    void killedMidBurstLosesNothingCommitted();

private:
    std::unique_ptr<CaseFile> newCase();
    QTemporaryDir m_dir;
    QString m_evidence;
    EvidenceFile m_file;
    QString m_case;
    int m_counter = 0;
};

void TestCaseFile::initTestCase()
{
    m_evidence = m_dir.filePath(QStringLiteral("evidence.db"));
    QVERIFY(test::writeDb(m_evidence, test::validSql()));
    const LoadResult r = loadInvestigation(m_evidence, {});
    QVERIFY(r.ok());
    m_file = r.investigation->evidence;
    QCOMPARE(m_file.sha256.size(), 64);
}

void TestCaseFile::init() { m_case = m_dir.filePath(QStringLiteral("case-%1.hcase").arg(++m_counter)); }

std::unique_ptr<CaseFile> TestCaseFile::newCase()
{
    QString error;
    auto c = CaseFile::create(m_case, m_file, QStringLiteral("alice"), QStringLiteral("Case <i>title</i>"), &error);
    if (!c)
        qWarning("create failed: %s", qPrintable(error));
    return c;
}

void TestCaseFile::annotationRoundTrip_data()
{
    QTest::addColumn<int>("kind");
    for (int k = 0; k < kAnnotationKinds; ++k)
        QTest::addRow("%s", qPrintable(kindName(static_cast<AnnotationKind>(k)))) << k;
}

void TestCaseFile::annotationRoundTrip()
{
    QFETCH(int, kind);
    const Annotation wanted = makeAnnotation(static_cast<AnnotationKind>(kind), QStringLiteral("t\u202e<script>"));
    Annotation stored;
    {
        auto c = newCase();
        QVERIFY(c);
        const auto a = c->addAnnotation(wanted);
        QVERIFY2(a, qPrintable(c->lastError()));
        QCOMPARE(a->id, 1);
        QCOMPARE(a->author, QStringLiteral("alice")); // the actor by default
        QVERIFY(a->createdAt > 0);
        stored = *a;
    }
    QString error;
    auto reopened = CaseFile::open(m_case, CaseFile::Mode::ReadOnly, &error);
    QVERIFY2(reopened, qPrintable(error));
    const std::vector<Annotation> all = reopened->annotations();
    QCOMPARE(all.size(), std::size_t(1));
    QCOMPARE(all.front(), stored);
    QCOMPARE(all.front().title, wanted.title);
    QCOMPARE(all.front().note, wanted.note);
    QCOMPARE(all.front().tags, wanted.tags);
    QCOMPARE(reopened->info().reviewer, QStringLiteral("alice"));
    QCOMPARE(reopened->info().evidenceSha256, m_file.sha256);
    QCOMPARE(reopened->info().evidenceSize, m_file.size);
    QCOMPARE(verifyCase(reopened->snapshot()).exitCode(), 0);
}

void TestCaseFile::editsAndUndoOperations()
{
    auto c = newCase();
    QVERIFY(c);
    const auto a = c->addAnnotation(makeAnnotation(AnnotationKind::Range, QStringLiteral("first")));
    QVERIFY(a);
    Annotation edited = *a;
    edited.title = QStringLiteral("renamed");
    edited.severity = AnnotationSeverity::KeyEvidence;
    QVERIFY(c->updateAnnotation(edited));
    QCOMPARE(c->annotation(a->id)->title, QStringLiteral("renamed"));
    const Annotation before = *c->annotation(a->id);
    QVERIFY(c->removeAnnotation(a->id));
    QVERIFY(!c->annotation(a->id));
    QVERIFY(c->restoreAnnotation(before));
    QCOMPARE(*c->annotation(a->id), before);
    QVERIFY(!c->restoreAnnotation(before)); // exists already
    QVERIFY(!c->removeAnnotation(99));
    QStringList actions;
    for (const AuditEntry& e : c->audit())
        actions << e.action;
    QCOMPARE(actions, (QStringList{QStringLiteral("created"), QStringLiteral("created"), QStringLiteral("edited"),
                                   QStringLiteral("deleted"), QStringLiteral("restored")}));
    QCOMPARE(verifyCase(c->snapshot()).exitCode(), 0);
}

void TestCaseFile::savedViews()
{
    auto c = newCase();
    QVERIFY(c);
    SavedView v;
    v.name = QStringLiteral("Pivot day");
    v.page = PageId::Timeline;
    v.allGroups = false;
    v.campaignIds = {2, 3};
    v.baseline = false;
    v.from = 1770800000;
    v.to = 1770886400;
    v.modelId = 3;
    const auto saved = c->saveView(v);
    QVERIFY2(saved, qPrintable(c->lastError()));
    v.modelId.reset();
    const auto replaced = c->saveView(v); // same name: replaces
    QVERIFY(replaced);
    QCOMPARE(replaced->id, saved->id);
    QCOMPARE(c->views().size(), std::size_t(1));
    QCOMPARE(c->views().front(), *replaced);
    QVERIFY(c->removeView(saved->id));
    QVERIFY(c->views().empty());
    QCOMPARE(verifyCase(c->snapshot()).exitCode(), 0);
}

// A deleted annotation's history stays its own: the next annotation gets a new id.
void TestCaseFile::idsAreNeverReused()
{
    auto c = newCase();
    QVERIFY(c);
    const auto first = c->addAnnotation(makeAnnotation(AnnotationKind::Point, QStringLiteral("first")));
    const auto second = c->addAnnotation(makeAnnotation(AnnotationKind::Point, QStringLiteral("second")));
    QVERIFY(first && second);
    QVERIFY(c->removeAnnotation(second->id));
    const auto third = c->addAnnotation(makeAnnotation(AnnotationKind::Point, QStringLiteral("third")));
    QVERIFY(third);
    QVERIFY(third->id > second->id);
    QCOMPARE(verifyCase(c->snapshot(), false).exitCode(), 0);
}

void TestCaseFile::pseudonymsAreStable()
{
    auto c = newCase();
    QVERIFY(c);
    const auto first = c->pseudonym(QStringLiteral("account"), QStringLiteral("acct-<b>1</b>"));
    const auto second = c->pseudonym(QStringLiteral("account"), QStringLiteral("acct-2"));
    const auto payment = c->pseudonym(QStringLiteral("payment"), QStringLiteral("fp-1"));
    QCOMPARE(first.value_or(QString()), QStringLiteral("ACCT-0001"));
    QCOMPARE(second.value_or(QString()), QStringLiteral("ACCT-0002"));
    QCOMPARE(payment.value_or(QString()), QStringLiteral("PAY-0001"));
    c.reset();
    QString error;
    auto ro = CaseFile::open(m_case, CaseFile::Mode::ReadOnly, &error);
    QCOMPARE(ro->pseudonym(QStringLiteral("account"), QStringLiteral("acct-<b>1</b>")).value_or(QString()),
             QStringLiteral("ACCT-0001"));
    QVERIFY(!ro->pseudonym(QStringLiteral("account"), QStringLiteral("never seen")));
}

void TestCaseFile::refusals_data()
{
    QTest::addColumn<QString>("setup"); // SQL run on the new case before reopening, or a file kind
    QTest::addColumn<QString>("message");
    QTest::addRow("newer format") << QStringLiteral("UPDATE case_info SET value='3' WHERE key='format_version'")
                                  << QStringLiteral("newer Hydrascope");
    QTest::addRow("other format") << QStringLiteral("UPDATE case_info SET value='x' WHERE key='format'")
                                  << QStringLiteral("not a Hydrascope case file");
    QTest::addRow("no info table") << QStringLiteral("DROP TABLE case_info") << QStringLiteral("not a Hydrascope case file");
    QTest::addRow("evidence file") << QStringLiteral("evidence") << QStringLiteral("not a Hydrascope case file");
    QTest::addRow("missing") << QStringLiteral("missing") << QStringLiteral("no such case file");
}

void TestCaseFile::refusals()
{
    QFETCH(QString, setup);
    QFETCH(QString, message);
    QString path = m_case;
    if (setup == QLatin1String("evidence")) {
        path = m_evidence;
    } else if (setup == QLatin1String("missing")) {
        path = m_dir.filePath(QStringLiteral("nowhere.hcase"));
    } else {
        QVERIFY(newCase());
        QVERIFY(test::execSql(m_case, setup));
    }
    QString error;
    QVERIFY(!CaseFile::open(path, CaseFile::Mode::ReadWrite, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestCaseFile::readOnlyRefusesEdits()
{
    QVERIFY(newCase());
    QString error;
    QVERIFY(!CaseFile::create(m_case, m_file, QStringLiteral("bob"), QString(), &error)); // never overwrites
    QVERIFY(error.contains(QStringLiteral("already exists")));
    auto ro = CaseFile::open(m_case, CaseFile::Mode::ReadOnly, &error);
    QVERIFY(ro);
    QVERIFY(!ro->addAnnotation(makeAnnotation(AnnotationKind::Point, QStringLiteral("x"))));
    QVERIFY(ro->lastError().contains(QStringLiteral("read-only")));
    QCOMPARE(ro->audit().size(), std::size_t(1));
}

void TestCaseFile::verify_data()
{
    QTest::addColumn<QString>("sql"); // run behind the program's back; "" for none
    QTest::addColumn<QString>("evidence"); // "", "remove" or "change"
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString unlock = QStringLiteral("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; ");
    QTest::addRow("intact") << QString() << QString() << 0 << QString();
    QTest::addRow("evidence missing") << QString() << QStringLiteral("remove") << 1 << QStringLiteral("not found");
    QTest::addRow("evidence changed") << QString() << QStringLiteral("change") << 1 << QStringLiteral("has changed");
    QTest::addRow("audit row deleted") << unlock + QStringLiteral("DELETE FROM audit WHERE seq=2") << QString() << 2
                                       << QStringLiteral("audit log: entry 2 is missing");
    // The last entry leaves no gap behind it; what it recorded is then unaccounted for.
    QTest::addRow("last audit row deleted") << unlock + QStringLiteral("DELETE FROM audit WHERE seq=3") << QString() << 2
                                            << QStringLiteral("annotation 2 is not in the audit log");
    QTest::addRow("audit row altered") << unlock + QStringLiteral("UPDATE audit SET actor='mallory' WHERE seq=2")
                                       << QString() << 2 << QStringLiteral("audit entry 2 was altered");
    QTest::addRow("audit row re-hashed") << unlock + QStringLiteral("UPDATE audit SET detail='x', hash='%1' WHERE seq=2")
                                                       .arg(QString(64, QLatin1Char('a')))
                                         << QString() << 2 << QStringLiteral("audit entry 3: does not follow");
    QTest::addRow("annotation edited") << QStringLiteral("UPDATE annotations SET title='harmless' WHERE id=1") << QString()
                                       << 2 << QStringLiteral("annotation 1 was changed outside Hydrascope");
    QTest::addRow("annotation deleted") << QStringLiteral("DELETE FROM annotations WHERE id=2") << QString() << 2
                                        << QStringLiteral("annotation 2 was removed outside Hydrascope");
    QTest::addRow("annotation inserted")
        << QStringLiteral("INSERT INTO annotations SELECT 9, kind, title, note, tags, severity, author, created_at, "
                          "edited_at, t_from, t_to, target, internal FROM annotations WHERE id=1")
        << QString() << 2 << QStringLiteral("annotation 9 is not in the audit log");
    QTest::addRow("evidence hash rewritten")
        << QStringLiteral("UPDATE case_info SET value='%1' WHERE key='evidence_sha256'").arg(QString(64, QLatin1Char('0')))
        << QString() << 2 << QStringLiteral("evidence record was changed outside Hydrascope");
    QTest::addRow("triggers hold") << QStringLiteral("DELETE FROM audit WHERE seq=1") << QStringLiteral("expect-fail") << 0
                                   << QString();
}

void TestCaseFile::verify()
{
    QFETCH(QString, sql);
    QFETCH(QString, evidence);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    // A copy of the evidence per row, beside the case, so that rows can remove or change it.
    const QString copy = m_dir.filePath(QStringLiteral("evidence-%1.db").arg(m_counter));
    QVERIFY(QFile::copy(m_evidence, copy));
    EvidenceFile file = m_file;
    file.path = copy;
    file.fileName = QFileInfo(copy).fileName();
    {
        QString error;
        auto c = CaseFile::create(m_case, file, QStringLiteral("alice"), QString(), &error);
        QVERIFY2(c, qPrintable(error));
        QVERIFY(c->addAnnotation(makeAnnotation(AnnotationKind::Range, QStringLiteral("one"))));
        QVERIFY(c->addAnnotation(makeAnnotation(AnnotationKind::Campaign, QStringLiteral("two"))));
    }
    if (evidence == QLatin1String("expect-fail")) {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("append-only")));
        QVERIFY(!test::execSql(m_case, sql));
    } else if (!sql.isEmpty()) {
        QVERIFY(test::execSql(m_case, sql));
    }
    if (evidence == QLatin1String("remove"))
        QVERIFY(QFile::remove(copy));
    if (evidence == QLatin1String("change")) {
        QFile f(copy);
        QVERIFY(f.open(QIODevice::Append));
        f.write("x");
    }
    QString error;
    auto c = CaseFile::open(m_case, CaseFile::Mode::ReadOnly, &error);
    QVERIFY2(c, qPrintable(error));
    const CaseVerification v = verifyCase(c->snapshot());
    const QString all = (v.tampering + v.evidence).join(QLatin1Char('\n'));
    QVERIFY2(v.exitCode() == exitCode, qPrintable(all));
    if (!message.isEmpty())
        QVERIFY2(all.contains(message), qPrintable(all));
}

void TestCaseFile::jsonIsValid()
{
    auto c = newCase();
    QVERIFY(c);
    QVERIFY(c->addAnnotation(makeAnnotation(AnnotationKind::Range, QStringLiteral("\"quoted\" \u0001"))));
    const CaseSnapshot s = c->snapshot();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(caseToJson(s, verifyCase(s)), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = doc.object();
    QCOMPARE(root.value(QStringLiteral("annotations")).toArray().size(), 1);
    QCOMPARE(root.value(QStringLiteral("annotations")).toArray().at(0).toObject().value(QStringLiteral("title")).toString(),
             QStringLiteral("\"quoted\" \u0001"));
    QCOMPARE(root.value(QStringLiteral("audit")).toArray().size(), 2);
    QCOMPARE(root.value(QStringLiteral("case")).toObject().value(QStringLiteral("audit_chain_head")).toString(), s.chainHead());
    QCOMPARE(root.value(QStringLiteral("verification")).toObject().value(QStringLiteral("exit_code")).toInt(), 0);
}

void TestCaseFile::killedMidBurstLosesNothingCommitted()
{
    QVERIFY(newCase());
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kChildEnv), m_case);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted());
    QList<qint64> reported;
    while (reported.size() < 200 && child.waitForReadyRead(20000))
        while (child.canReadLine())
            reported << child.readLine().trimmed().toLongLong();
    QVERIFY2(reported.size() >= 200, "the child did not commit edits");
    child.kill(); // SIGKILL: no destructor, no cleanup, mid-transaction most likely
    QVERIFY(child.waitForFinished());
    while (child.canReadLine())
        reported << child.readLine().trimmed().toLongLong();
    QString error;
    auto c = CaseFile::open(m_case, CaseFile::Mode::ReadWrite, &error);
    QVERIFY2(c, qPrintable(error));
    std::vector<std::int64_t> ids;
    for (const Annotation& a : c->annotations())
        ids.push_back(a.id);
    for (qint64 id : reported)
        QVERIFY2(std::find(ids.begin(), ids.end(), id) != ids.end(), qPrintable(QStringLiteral("lost %1").arg(id)));
    QVERIFY(ids.size() >= std::size_t(reported.size()));
    QVERIFY(ids.size() <= std::size_t(reported.size()) + 1); // at most the edit in flight beyond what was printed
    const CaseVerification v = verifyCase(c->snapshot(), false);
    QVERIFY2(v.tampering.isEmpty(), qPrintable(v.tampering.join(QLatin1Char('\n'))));
    QVERIFY(c->addAnnotation(makeAnnotation(AnnotationKind::Point, QStringLiteral("after the crash"))));
}

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsSet(kChildEnv))
        return childBurst(qEnvironmentVariable(kChildEnv));
    QCoreApplication app(argc, argv);
    TestCaseFile test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_casefile.moc"
