// SPDX-License-Identifier: GPL-3.0-or-later
// The case file as a whole, against hostile and damaged files: hashes pinned per format version
// (computed independently from docs/case-file.md), a case written by format 1 still verifying and
// taking edits, a copy of the .hcase alone being the whole case after every committed edit, values
// outside the format and damaged pages never verifying intact, audit numbers at the ends of the
// int64 range, and every file the case fuzzer has found (tests/fixtures/fuzz/casefile/).
#include "caseaudit.h"
#include "casefile.h"
#include "casehash.h"
#include "fixturedb.h"
#include "loader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace hs;

namespace {

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

Annotation pinnedAnnotation()
{
    Annotation a;
    a.id = 7;
    a.kind = AnnotationKind::Campaign;
    a.title = QStringLiteral("\u041a\u0432\u0430\u043d\u0442 \u91cf\u5b50 \u202e");
    a.note = QStringLiteral("line\nnext \"q\"");
    a.tags = {QStringLiteral("pivot"), QStringLiteral("\u05e7")};
    a.severity = AnnotationSeverity::KeyEvidence;
    a.author = QStringLiteral("alice");
    a.createdAt = 1770000000;
    a.editedAt = 1770000060;
    a.from = kMin;
    a.to = kMax;
    a.target = 42;
    a.internal = true;
    return a;
}

Annotation point(const QString& title)
{
    Annotation a;
    a.kind = AnnotationKind::Point;
    a.title = title;
    a.note = QStringLiteral("\u062d\u0645\u0644\u0629 \u202e note");
    a.from = a.to = 1770820620;
    return a;
}

// Overwrites bytes of the root page of `table` (or index) in a closed SQLite file.
bool corruptPage(const QString& path, const QString& table, int offset, const QByteArray& bytes)
{
    const auto root = static_cast<qint64>(
        test::queryNumber(path, QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name='%1'").arg(table)));
    const auto pageSize = static_cast<qint64>(test::queryNumber(path, QStringLiteral("PRAGMA page_size")));
    if (root < 2 || pageSize < 512)
        return false;
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek((root - 1) * pageSize + offset))
        return false;
    return f.write(bytes) == bytes.size();
}

} // namespace

class TestCaseIntegrity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void pinnedHashes();
    void formatOneStillVerifies();
    void formatOneTakesEditsAndStaysWhole();
    void copyAloneIsTheWholeCase_data();
    void copyAloneIsTheWholeCase();
    void valuesOutsideTheFormat_data();
    void valuesOutsideTheFormat();
    void damagedPages_data();
    void damagedPages();
    void auditAtTheEndsOfTheRange_data();
    void auditAtTheEndsOfTheRange();
    void fuzzFindings_data();
    void fuzzFindings();

private:
    std::unique_ptr<CaseFile> newCase();
    QString copyFixture(const QString& name);
    QTemporaryDir m_dir;
    EvidenceFile m_file;
    QString m_case;
    int m_counter = 0;
};

void TestCaseIntegrity::initTestCase()
{
    const QString evidence = m_dir.filePath(QStringLiteral("evidence.db"));
    QVERIFY(test::writeDb(evidence, test::validSql()));
    const LoadResult r = loadInvestigation(evidence, {});
    QVERIFY(r.ok());
    m_file = r.investigation->evidence;
}

void TestCaseIntegrity::init() { m_case = m_dir.filePath(QStringLiteral("case-%1.hcase").arg(++m_counter)); }

std::unique_ptr<CaseFile> TestCaseIntegrity::newCase()
{
    QString error;
    auto c = CaseFile::create(m_case, m_file, QStringLiteral("alice"), QStringLiteral("\u91cf\u5b50"), &error);
    if (!c)
        qWarning("create failed: %s", qPrintable(error));
    return c;
}

// Fixtures are copied before they are opened: SQLite may create -journal, -wal or -shm beside them.
QString TestCaseIntegrity::copyFixture(const QString& name)
{
    const QString to = m_dir.filePath(QStringLiteral("%1-%2").arg(m_counter).arg(QFileInfo(name).fileName()));
    QFile::remove(to);
    if (!QFile::copy(QStringLiteral(HYDRASCOPE_FIXTURES "/") + name, to))
        return {};
    QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
    return to;
}

// Format 2 hashes, pinned to values computed from docs/case-file.md by an independent program
// (Python's struct and hashlib): the code may change, these bytes may not.
void TestCaseIntegrity::pinnedHashes()
{
    QCOMPARE(contentHash(pinnedAnnotation(), 2),
             QStringLiteral("a7e89ab065f6d3d89ef04a12cf28cb70a03e11d211553c1cfd841d5d03e1779a"));
    SavedView v;
    v.id = 3;
    v.name = QStringLiteral("\u91cf\u5b50");
    v.page = PageId::Timeline;
    v.allGroups = false;
    v.campaignIds = {2, -1};
    v.baseline = true;
    v.from = 1770800000;
    v.modelId = 3;
    v.createdAt = 1770000000;
    QCOMPARE(contentHash(v, 2), QStringLiteral("6e0a4698c0b57a3f86b3167b2cdd922543e45eb0b103e06408ac1d955cfee233"));
    CaseInfo info;
    info.formatVersion = 2;
    info.createdAt = 1770000000;
    info.reviewer = QStringLiteral("alice");
    info.evidenceName = QStringLiteral("evidence.db");
    info.evidenceSize = 53248;
    info.evidenceSha256 = QString(32, QLatin1Char('a')).replace(QLatin1String("a"), QLatin1String("ab"));
    info.evidencePath = QStringLiteral("/not/hashed");
    QCOMPARE(contentHash(info, 2), QStringLiteral("3b3afa7a7364454cb71e5756f3be1ae21ad9ca448c122739c3b43fa3f76e4b64"));
    AuditEntry e;
    e.seq = 1;
    e.at = 1770000000;
    e.actor = QStringLiteral("alice");
    e.action = QStringLiteral("created");
    e.subject = QStringLiteral("case");
    e.detail = QStringLiteral("x");
    e.contentHash = QString(32, QLatin1Char('c')).replace(QLatin1String("c"), QLatin1String("cd"));
    e.prevHash = QString::fromLatin1(kGenesisHash);
    e.hash = QStringLiteral("ignored");
    QCOMPARE(chainHash(e, 2), QStringLiteral("099ea10077f88057fe2fdd35e076433e87c6031e61047ae73f61709e0e48d04f"));
    // The first bytes, as the format documents them: domain, then tag 'i' and a big-endian 7.
    QCOMPARE(hashedBytes(pinnedAnnotation(), 2).left(38),
             QByteArray("hydrascope-case 2 annotation\0i\0\0\0\0\0\0\0\7", 38));
}

// A case written by Hydrascope before format 2 (tests/fixtures/case/v1-hostile.hcase: WAL mode,
// hostile text, every kind, edits, deletions, views, pseudonyms) verifies, with the hashes its
// own code computed then pinned here.
void TestCaseIntegrity::formatOneStillVerifies()
{
    const QString path = copyFixture(QStringLiteral("case/v1-hostile.hcase"));
    QVERIFY(!path.isEmpty());
    QString error;
    auto c = CaseFile::open(path, CaseFile::Mode::ReadOnly, &error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->info().formatVersion, 1);
    const CaseSnapshot s = c->snapshot();
    const CaseVerification v = verifyCase(s, false);
    QVERIFY2(v.tampering.isEmpty(), qPrintable(v.tampering.join(QLatin1Char('\n'))));
    QCOMPARE(s.annotations.size(), std::size_t(5));
    QCOMPARE(s.views.size(), std::size_t(2));
    QCOMPARE(s.audit.size(), std::size_t(14));
    QCOMPARE(s.annotations.front().title, QStringLiteral("\u041a\u0432\u0430\u043d\u0442 \u91cf\u5b50"));
    const QStringList pinned = {
        QStringLiteral("b3f24e745a4849a5416154263a7e53492d2b285a2b924e51b3888c1e25d27c03"),
        QStringLiteral("34daf5a3d4602d458ab1f1de642a7a247505c09151a485ba28066c4e1cc18451"),
        QStringLiteral("57c9653b28b3dd2a192e83980c066855b118a21ecdc7d281b16470d1c8327380"),
        QStringLiteral("44c1557a3b873623c6826be549db57b220bf122ea564da0c13b40c379a13e572"),
        QStringLiteral("a6407ba1b09f1b3176b3329e666d2defb116cb78a2e298164e6a5c0d8ebec0d3")};
    for (std::size_t i = 0; i < s.annotations.size(); ++i)
        QCOMPARE(contentHash(s.annotations[i], 1), pinned.at(qsizetype(i)));
    QCOMPARE(contentHash(s.views.at(0), 1), QStringLiteral("5ec80acf76805b4a688e605febf3dd7987e4913b155b836d6f87cc0941ca4e5c"));
    QCOMPARE(contentHash(s.views.at(1), 1), QStringLiteral("9fa2af0995630ffa7f832ed551d2cda5995dc2edbeebed5dd9958988bce0bc60"));
    QCOMPARE(contentHash(s.info, 1), QStringLiteral("4f0140b9af1408e36c44a61765d4173de48d2bbea54ff152f7b4da355b61af64"));
    QCOMPARE(s.chainHead(), QStringLiteral("0574229deb6b334c34c6dd6fa1c3b238b5726f1918b31d825fc853a6ab233e3c"));
    // The same content under format 2's encoding hashes differently: the version decides.
    QVERIFY(contentHash(s.annotations.front(), 2) != pinned.front());
}

// Format 1 files keep their encoding when edited, leave WAL mode, and a copy alone is whole.
void TestCaseIntegrity::formatOneTakesEditsAndStaysWhole()
{
    const QString path = copyFixture(QStringLiteral("case/v1-hostile.hcase"));
    QString error;
    auto c = CaseFile::open(path, CaseFile::Mode::ReadWrite, &error);
    QVERIFY2(c, qPrintable(error));
    QVERIFY(c->addAnnotation(point(QStringLiteral("added by format 2 code"))));
    const QString copy = m_dir.filePath(QStringLiteral("v1-copy-%1.hcase").arg(m_counter));
    QVERIFY(QFile::copy(path, copy));
    c.reset();
    auto alone = CaseFile::open(copy, CaseFile::Mode::ReadOnly, &error);
    QVERIFY2(alone, qPrintable(error));
    QCOMPARE(alone->info().formatVersion, 1);
    QCOMPARE(alone->annotations().size(), std::size_t(6));
    const CaseVerification v = verifyCase(alone->snapshot(), false);
    QVERIFY2(v.tampering.isEmpty(), qPrintable(v.tampering.join(QLatin1Char('\n'))));
}

void TestCaseIntegrity::copyAloneIsTheWholeCase_data()
{
    QTest::addColumn<QString>("edit");
    for (const char* edit : {"create", "add", "update", "remove", "restore", "view", "remove view", "record",
                             "pseudonym", "pseudonyms"})
        QTest::newRow(edit) << QString::fromLatin1(edit);
}

// After each committed edit, the .hcase copied alone (no -wal, no -journal beside it) opens, shows
// every annotation and verifies intact: what a reviewer attaches to a ticket is the case.
void TestCaseIntegrity::copyAloneIsTheWholeCase()
{
    QFETCH(QString, edit);
    auto c = newCase();
    QVERIFY(c);
    const auto first = c->addAnnotation(point(QStringLiteral("first \u05e7")));
    QVERIFY(first);
    // The edit under test is the last one before the copy; the add above is committed too.
    bool ok = true;
    if (edit == QLatin1String("add")) {
        ok = c->addAnnotation(point(QStringLiteral("second"))).has_value();
    } else if (edit == QLatin1String("update")) {
        Annotation a = *first;
        a.title = QStringLiteral("renamed \u202e");
        ok = c->updateAnnotation(a);
    } else if (edit == QLatin1String("remove")) {
        ok = c->removeAnnotation(first->id);
    } else if (edit == QLatin1String("restore")) {
        ok = c->removeAnnotation(first->id) && c->restoreAnnotation(*first);
    } else if (edit == QLatin1String("view") || edit == QLatin1String("remove view")) {
        SavedView v;
        v.name = QStringLiteral("view");
        v.page = PageId::Overview;
        const auto saved = c->saveView(v);
        ok = saved && (edit == QLatin1String("view") || c->removeView(saved->id));
    } else if (edit == QLatin1String("record")) {
        ok = c->record(QStringLiteral("exported"), QStringLiteral("case"), QStringLiteral("report"));
    } else if (edit == QLatin1String("pseudonym")) {
        ok = c->pseudonym(QStringLiteral("account"), QStringLiteral("acct-1")).has_value();
    } else if (edit == QLatin1String("pseudonyms")) {
        ok = c->pseudonyms(QStringLiteral("account"), {QStringLiteral("a"), QStringLiteral("b")}).has_value();
    }
    QVERIFY2(ok, qPrintable(c->lastError()));
    const std::vector<Annotation> wanted = c->annotations();
    const std::size_t views = c->views().size();
    const QString copy = m_dir.filePath(QStringLiteral("alone-%1/case.hcase").arg(m_counter));
    QVERIFY(QDir().mkpath(QFileInfo(copy).path()));
    QVERIFY(QFile::copy(m_case, copy)); // while the case is still open for writing
    QString error;
    auto alone = CaseFile::open(copy, CaseFile::Mode::ReadOnly, &error);
    QVERIFY2(alone, qPrintable(error));
    QCOMPARE(alone->annotations(), wanted);
    QCOMPARE(alone->views().size(), views);
    QCOMPARE(alone->audit().size(), c->audit().size());
    if (edit.startsWith(QLatin1String("pseudonym")))
        QVERIFY(alone->pseudonym(QStringLiteral("account"), edit == QLatin1String("pseudonym") ? QStringLiteral("acct-1")
                                                                                                : QStringLiteral("b")));
    const CaseVerification v = verifyCase(alone->snapshot(), false);
    QVERIFY2(v.tampering.isEmpty(), qPrintable(v.tampering.join(QLatin1Char('\n'))));
}

void TestCaseIntegrity::valuesOutsideTheFormat_data()
{
    QTest::addColumn<QString>("sql"); // run behind the program's back on a case with annotation 1 and view 1
    QTest::addColumn<QString>("message");
    // Kind "range" is the default a failed parse used to leave in place: the hash then matched.
    QTest::addRow("unknown kind") << QStringLiteral("UPDATE annotations SET kind='bogus' WHERE id=1")
                                  << QStringLiteral("annotations row 1: kind \"bogus\" is not a kind of annotation");
    QTest::addRow("severity alias") << QStringLiteral("UPDATE annotations SET severity='key' WHERE id=1")
                                    << QStringLiteral("annotations row 1: severity");
    QTest::addRow("internal is 2") << QStringLiteral("UPDATE annotations SET internal=2 WHERE id=1")
                                   << QStringLiteral("annotations row 1: internal is 2");
    QTest::addRow("tags not strings") << QStringLiteral("UPDATE annotations SET tags='[1]' WHERE id=1")
                                      << QStringLiteral("annotations row 1: tags");
    QTest::addRow("tags not json") << QStringLiteral("UPDATE annotations SET tags='pivot' WHERE id=1")
                                   << QStringLiteral("annotations row 1: tags");
    QTest::addRow("title a blob") << QStringLiteral("UPDATE annotations SET title=CAST('first' AS BLOB) WHERE id=1")
                                  << QStringLiteral("annotations row 1: title is not text");
    QTest::addRow("time as text") << QStringLiteral("UPDATE annotations SET t_from='soon' WHERE id=1")
                                  << QStringLiteral("annotations row 1: t_from is not a whole number");
    QTest::addRow("view ids not numbers") << QStringLiteral("UPDATE saved_views SET campaign_ids='[\"x\"]' WHERE id=1")
                                          << QStringLiteral("saved_views row 1: campaign_ids");
    QTest::addRow("view ids fractional") << QStringLiteral("UPDATE saved_views SET campaign_ids='[2.5]' WHERE id=1")
                                         << QStringLiteral("saved_views row 1: campaign_ids");
    QTest::addRow("view flag 7") << QStringLiteral("UPDATE saved_views SET baseline=7 WHERE id=1")
                                 << QStringLiteral("saved_views row 1: baseline is 7");
    QTest::addRow("audit detail a number")
        << QStringLiteral("DROP TRIGGER audit_no_update; UPDATE audit SET detail=CAST(detail AS BLOB) WHERE seq=1")
        << QStringLiteral("audit row 1: detail is not text");
}

void TestCaseIntegrity::valuesOutsideTheFormat()
{
    QFETCH(QString, sql);
    QFETCH(QString, message);
    {
        auto c = newCase();
        QVERIFY(c);
        Annotation a = point(QStringLiteral("first"));
        a.kind = AnnotationKind::Range;
        a.to = a.from + 3600;
        QVERIFY(c->addAnnotation(a));
        SavedView v;
        v.name = QStringLiteral("v");
        v.page = PageId::Overview;
        v.campaignIds = {2};
        QVERIFY(c->saveView(v));
    }
    QVERIFY(test::execSql(m_case, sql));
    QString error;
    auto c = CaseFile::open(m_case, CaseFile::Mode::ReadOnly, &error);
    QVERIFY2(c, qPrintable(error));
    const CaseVerification v = verifyCase(c->snapshot(), false);
    const QString all = v.tampering.join(QLatin1Char('\n'));
    QCOMPARE(v.exitCode(), 2);
    QVERIFY2(all.contains(message), qPrintable(all));
}

void TestCaseIntegrity::damagedPages_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QByteArray>("bytes");
    // Overwritten row content may still be a well-formed page: then the hashes catch it.
    QTest::addColumn<bool>("structural");
    for (const char* table : {"saved_views", "pseudonyms", "sqlite_autoindex_pseudonyms_1", "annotations", "audit"}) {
        const QString t = QString::fromLatin1(table);
        QTest::addRow("%s page type", table) << t << 0 << QByteArray("\x01", 1) << true;
        QTest::addRow("%s cell count", table) << t << 3 << QByteArray("\xff\xff", 2) << true;
        QTest::addRow("%s cell pointer", table) << t << 8 << QByteArray("\x00\x03", 2) << true;
        QTest::addRow("%s cell content", table) << t << 4000 << QByteArray(96, '\xee') << false;
    }
}

// A damaged page anywhere is a damaged case: never "intact", whichever table it holds (verify
// used to read neither pseudonyms nor past a step error).
void TestCaseIntegrity::damagedPages()
{
    QFETCH(QString, table);
    QFETCH(int, offset);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, structural);
    {
        auto c = newCase();
        QVERIFY(c);
        QVERIFY(c->addAnnotation(point(QStringLiteral("first"))));
        SavedView v;
        v.name = QStringLiteral("v");
        v.page = PageId::Overview;
        QVERIFY(c->saveView(v));
        QVERIFY(c->pseudonyms(QStringLiteral("account"), {QStringLiteral("a"), QStringLiteral("b")}));
    }
    QVERIFY(corruptPage(m_case, table, offset, bytes));
    QString error;
    auto c = CaseFile::open(m_case, CaseFile::Mode::ReadOnly, &error);
    QVERIFY2(c, qPrintable(error));
    const CaseVerification v = verifyCase(c->snapshot(), false);
    const QString all = v.tampering.join(QLatin1Char('\n'));
    QCOMPARE(v.exitCode(), 2);
    if (structural)
        QVERIFY2(all.contains(QStringLiteral("the case file is damaged")), qPrintable(all));
}

void TestCaseIntegrity::auditAtTheEndsOfTheRange_data()
{
    QTest::addColumn<qint64>("seq");
    QTest::addColumn<QString>("message");
    QTest::addRow("INT64_MAX") << qint64(kMax) << QStringLiteral("audit log: entries 3 to 9223372036854775806 are missing");
    QTest::addRow("INT64_MIN") << qint64(kMin)
                               << QStringLiteral("audit entry -9223372036854775808: out of sequence");
    QTest::addRow("zero") << qint64(0) << QStringLiteral("audit entry 0: out of sequence");
}

// A plain INSERT (the triggers allow it) puts an entry at either end of the int64 range: verify
// says so without overflowing, and no edit can follow an entry at INT64_MAX (the next number
// would wrap to INT64_MIN).
void TestCaseIntegrity::auditAtTheEndsOfTheRange()
{
    QFETCH(qint64, seq);
    QFETCH(QString, message);
    {
        auto c = newCase();
        QVERIFY(c);
        QVERIFY(c->addAnnotation(point(QStringLiteral("first"))));
    }
    QVERIFY(test::execSql(m_case, QStringLiteral("INSERT INTO audit SELECT %1, at, actor, action, subject, detail, "
                                                 "content_hash, prev_hash, hash FROM audit WHERE seq=2")
                                      .arg(seq)));
    QString error;
    auto c = CaseFile::open(m_case, CaseFile::Mode::ReadWrite, &error);
    QVERIFY2(c, qPrintable(error));
    const CaseVerification v = verifyCase(c->snapshot(), false);
    const QString all = v.tampering.join(QLatin1Char('\n'));
    QCOMPARE(v.exitCode(), 2);
    QVERIFY2(all.contains(message), qPrintable(all));
    const bool added = c->addAnnotation(point(QStringLiteral("after"))).has_value();
    for (const AuditEntry& e : c->audit())
        QVERIFY2(e.seq == seq || (e.seq >= 1 && e.seq <= 4), qPrintable(QString::number(e.seq)));
    QCOMPARE(added, seq != kMax);
    if (!added)
        QVERIFY2(c->lastError().contains(QStringLiteral("largest possible entry number")), qPrintable(c->lastError()));
}

void TestCaseIntegrity::fuzzFindings_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(QStringLiteral(HYDRASCOPE_FIXTURES "/fuzz/casefile"));
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    QVERIFY2(!files.isEmpty(), "no fuzz findings found: the fixture folder moved?");
    for (const QString& f : files)
        QTest::newRow(qPrintable(f)) << QStringLiteral("fuzz/casefile/") + f;
}

// Every case file the fuzzer made crash, hang or verify wrongly: opened, read and verified
// like the fuzz harness does, now without a crash (under `make sanitize` without a report).
// Each is damaged or altered, so when it opens it never verifies intact.
void TestCaseIntegrity::fuzzFindings()
{
    QFETCH(QString, file);
    const QString path = copyFixture(file);
    QVERIFY(!path.isEmpty());
    QString error;
    auto c = CaseFile::open(path, CaseFile::Mode::ReadOnly, &error);
    if (!c) {
        QVERIFY(!error.isEmpty());
        return;
    }
    const CaseSnapshot s = c->snapshot();
    const CaseVerification v = verifyCase(s, false);
    QCOMPARE(v.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestCaseIntegrity)
#include "tst_caseintegrity.moc"
