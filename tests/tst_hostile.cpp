// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile evidence (issue 11): the defects fuzzing found, each as a regression, and the extreme
// values as data: every time column at the ends of int64 and in the far future, ids across the
// whole int64 range, corrupt B-trees, odd table shapes, encodings and page sizes, huge names and
// counts. Every file must either load, with the same figures through both exchange readers, or
// be refused with a clear error naming what is wrong: never a crash, never a silent subset.

#include "analysis.h"
#include "analysistext.h"
#include "fixturedb.h"
#include "loader.h"
#include "redaction.h"
#include "reportcontent.h"
#include "scan.h"
#include "timeline.h"
#include "timeutil.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace hs;

namespace {

constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();
const QString kHostile = QStringLiteral(HYDRASCOPE_FIXTURES "/fuzz/evidence/");

LoadResult load(const QString& path, bool direct)
{
    LoadOptions o;
    o.computeHash = false;
    o.directRead = direct;
    return loadInvestigation(path, o);
}

const Finding* findingOf(const LoadResult& r, const QString& code)
{
    for (const Finding& f : r.findings.items())
        if (f.code == code)
            return &f;
    return nullptr;
}

QString codes(const LoadResult& r)
{
    QStringList out;
    for (const Finding& f : r.findings.items())
        out << f.code + QLatin1Char(':') + f.message;
    return out.join(QLatin1Char('\n'));
}

// The analysis as the CLI prints it, without its first two lines (the title and the file's name)
// and without the findings (a table's declared types may differ between shapes).
QString figures(const LoadResult& r)
{
    if (!r.ok())
        return {};
    QStringList lines = analysisToText(*r.investigation, analyze(*r.investigation)).split(QLatin1Char('\n')).mid(2);
    lines.removeIf([](const QString& l) { return l.startsWith(QLatin1String("warning:")) || l.startsWith(QLatin1String("note:")); });
    return lines.join(QLatin1Char('\n'));
}

struct Run
{
    int exit = -1;
    QString out, err;
};

Run runApp(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(HYDRASCOPE_APP), args);
    Run r;
    if (!p.waitForFinished(240000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exit = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void corruptExchanges_data();
    void corruptExchanges();
    void extremeValues_data();
    void extremeValues();
    void tableShapes_data();
    void tableShapes();
    void timesAtInt64Ends();
    void releaseWindowsAcrossInt64();
    void malformedSchemaNamesTheReason();
    void garbageWalIsRefusedAtOnce();
    void hugeMetaTitleIsNamed();
    void validateWritesTheReasonToStderr();
    void reportOfFarFutureTimesStaysSmall();
    void reportOfManyCampaigns();
    void reportOfHugeName();
    void manyCampaignsTimesManyTemplates();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

// Defects 1, 6 and 7: damage inside the exchanges B-tree (made by tests/fuzz/make_hostile_evidence.py).
void TestHostile::corruptExchanges_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("direct");
    for (const bool direct : {true, false}) {
        const char* reader = direct ? "page reader" : "SQLite";
        QTest::addRow("TEXT of 2^63 bytes in a record header, %s", reader) << "defect01-huge-text-serial.db" << direct;
        QTest::addRow("interior key changed (range reads skip rows), %s", reader) << "defect06-interior-key-changed.db" << direct;
        QTest::addRow("a leaf referenced twice, %s", reader) << "defect07-leaf-referenced-twice.db" << direct;
    }
}

void TestHostile::corruptExchanges()
{
    QFETCH(QString, file);
    QFETCH(bool, direct);
    const LoadResult r = load(kHostile + file, direct);
    QVERIFY2(!r.ok(), qPrintable(QStringLiteral("a corrupt file was analysed: %1 rows").arg(r.ok() ? r.investigation->exchangeRows : 0)));
    const Finding* f = findingOf(r, QStringLiteral("corrupt"));
    QVERIFY2(f, qPrintable(codes(r)));
    QCOMPARE(f->table, QStringLiteral("exchanges"));
    QVERIFY2(f->message.contains(QLatin1String("corrupt")), qPrintable(f->message));
}

// Every time column at the ends of int64, just outside years 0001..9999, and in the far future.
void TestHostile::extremeValues_data()
{
    QTest::addColumn<QString>("sql");  // run on the valid fixture
    QTest::addColumn<QString>("code"); // empty: loads
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    struct Column
    {
        const char* table;
        const char* column;
        const char* where;
    };
    const Column columns[] = {{"exchanges", "ts", "id = 3"}, {"models", "released_at", "id = 1"},
                              {"campaigns", "first_flagged_at", "id = 1"}, {"accounts", "created_at", "id = 1"}};
    const std::pair<const char*, std::int64_t> bad[] = {{"INT64_MIN", kInt64Min}, {"INT64_MAX", kInt64Max},
                                                        {"year 0000", kMinTime - 1}, {"year 10000", kMaxTime + 1}};
    const std::pair<const char*, std::int64_t> good[] = {{"9999-12-31T23:59:59", kMaxTime}, {"year 3000", 32503680000},
                                                         {"0001-01-01", kMinTime}, {"before 1970", -1}};
    for (const Column& c : columns) {
        for (const auto& [name, value] : bad)
            QTest::addRow("%s.%s %s", c.table, c.column, name)
                << QStringLiteral("UPDATE %1 SET %2 = %3 WHERE %4;").arg(QLatin1String(c.table), QLatin1String(c.column)).arg(value).arg(QLatin1String(c.where))
                << "out-of-range" << c.table << c.column;
        for (const auto& [name, value] : good)
            QTest::addRow("%s.%s %s", c.table, c.column, name)
                << QStringLiteral("UPDATE %1 SET %2 = %3 WHERE %4;").arg(QLatin1String(c.table), QLatin1String(c.column)).arg(value).arg(QLatin1String(c.where))
                << "" << c.table << c.column;
    }
    QTest::addRow("exchange ids over the whole int64 range")
        << QStringLiteral("UPDATE exchanges SET id = %1 WHERE id = 1; UPDATE exchanges SET id = %2 WHERE id = 2;").arg(kInt64Min).arg(kInt64Max)
        << "" << "exchanges" << "id";
    QTest::addRow("every release at INT64_MIN, exchanges later")
        << QStringLiteral("UPDATE models SET released_at = %1;").arg(kInt64Min) << "out-of-range" << "models" << "released_at";
}

void TestHostile::extremeValues()
{
    QFETCH(QString, sql);
    QFETCH(QString, code);
    QFETCH(QString, table);
    QFETCH(QString, column);
    const QString file = path(QStringLiteral("extreme-%1.db").arg(QString::fromLatin1(QTest::currentDataTag())).replace(QLatin1Char(' '), QLatin1Char('_')).remove(QLatin1Char(':')));
    QVERIFY(test::writeDb(file, test::validSql()));
    QVERIFY(test::execSql(file, sql));
    const LoadResult direct = load(file, true);
    const LoadResult viaSqlite = load(file, false);
    QCOMPARE(direct.ok(), viaSqlite.ok());
    if (!code.isEmpty()) {
        QVERIFY2(!direct.ok(), qPrintable(codes(direct)));
        const Finding* f = findingOf(direct, code);
        QVERIFY2(f, qPrintable(codes(direct)));
        QCOMPARE(f->table, table);
        QCOMPARE(f->column, column);
        QVERIFY(f->row >= 0);
        QVERIFY(findingOf(viaSqlite, code));
        return;
    }
    QVERIFY2(direct.ok(), qPrintable(codes(direct)));
    QCOMPARE(figures(direct), figures(viaSqlite));
    QCOMPARE(direct.investigation->exchangeRows, qint64(test::queryNumber(file, QStringLiteral("SELECT count(*) FROM exchanges"))));
    // Everything downstream of the figures copes: each timeline bin and a report's content.
    const Investigation& inv = *direct.investigation;
    const Analysis a = analyze(inv);
    Selection all;
    all.groups.assign(inv.groupCount(), true);
    for (const Bin bin : {Bin::Hour, Bin::Day, Bin::Week}) {
        const TimelineData t = computeTimeline(inv, all, bin, SplitBy::Model);
        QVERIFY(t.bins <= kMaxTimelineBins);
    }
    const ReportContent report = buildReport(inv, a, nullptr, Redactor(), {});
    QCOMPARE(report.campaigns.size(), a.campaigns.size());
    for (const CampaignReport& c : report.campaigns)
        QVERIFY(c.timeline.data.bins <= kMaxTimelineBins);
}

// exchanges in shapes the format does not expect: each loads with the valid file's figures or is
// refused with a message naming the table.
void TestHostile::tableShapes_data()
{
    QTest::addColumn<QString>("before"); // run before the fixture (pragmas)
    QTest::addColumn<QString>("from");   // replaced in the fixture's SQL
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("loads");
    const QString table = QStringLiteral("CREATE TABLE exchanges(");
    QTest::addRow("page size 512") << "PRAGMA page_size = 512;" << "" << "" << true;
    QTest::addRow("page size 65536") << "PRAGMA page_size = 65536;" << "" << "" << true;
    QTest::addRow("UTF-16le") << "PRAGMA encoding = 'UTF-16le';" << "" << "" << true;
    QTest::addRow("UTF-16be") << "PRAGMA encoding = 'UTF-16be';" << "" << "" << true;
    QTest::addRow("WITHOUT ROWID") << "" << "cot_elicitation INTEGER);" << "cot_elicitation INTEGER) WITHOUT ROWID;" << true;
    QTest::addRow("a view") << "" << table << "CREATE VIEW exchanges AS SELECT * FROM exchanges_rows; CREATE TABLE exchanges_rows(" << false;
    QTest::addRow("a virtual table") << "" << table << "CREATE VIRTUAL TABLE exchanges USING fts5(id, ts, account_id, model_id, capability_id, prompt_tokens, completion_tokens, template_id, cot_elicitation); CREATE TABLE unused(" << true;
}

void TestHostile::tableShapes()
{
    QFETCH(QString, before);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, loads);
    static QString reference;
    if (reference.isEmpty()) {
        QVERIFY(test::writeDb(path(QStringLiteral("reference.db")), test::validSql()));
        reference = figures(load(path(QStringLiteral("reference.db")), true));
        QVERIFY(!reference.isEmpty());
    }
    QString sql = test::validSql();
    if (!from.isEmpty()) {
        QVERIFY(sql.contains(from));
        sql.replace(from, to);
        if (to.contains(QLatin1String("exchanges_rows")))
            sql.replace(QStringLiteral("INSERT INTO exchanges VALUES"), QStringLiteral("INSERT INTO exchanges_rows VALUES"));
        if (to.contains(QLatin1String("fts5")))
            sql.replace(QStringLiteral("INSERT INTO exchanges VALUES"), QStringLiteral("INSERT INTO exchanges(id, ts, account_id, model_id, capability_id, prompt_tokens, completion_tokens, template_id, cot_elicitation) VALUES"));
    }
    const QString file = path(QStringLiteral("shape-%1.db").arg(QString::fromLatin1(QTest::currentDataTag())).replace(QLatin1Char(' '), QLatin1Char('_')));
    QVERIFY(test::writeDb(file, before + sql));
    const QByteArray bytes = [&] { QFile f(file); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    for (const bool direct : {true, false}) {
        const LoadResult r = load(file, direct);
        QCOMPARE(r.ok(), loads);
        if (loads) {
            QCOMPARE(figures(r), reference);
        } else {
            const Finding* f = nullptr;
            for (const Finding& x : r.findings.items())
                if (x.severity == Severity::Error)
                    f = f ? f : &x;
            QVERIFY2(f && f->table == QLatin1String("exchanges"), qPrintable(codes(r)));
            if (to.startsWith(QLatin1String("CREATE VIEW")))
                QVERIFY2(f->message.contains(QLatin1String("view")), qPrintable(f->message));
        }
    }
    QFile after(file);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), bytes); // never a change to the evidence file
}

// Defect 14 (and the arithmetic of defects 2 and 3): helpers that take any int64.
void TestHostile::timesAtInt64Ends()
{
    for (const std::int64_t t : {kInt64Min, kInt64Min + 1, std::int64_t(-1), std::int64_t(0), kMinTime, kMaxTime, kInt64Max - 1, kInt64Max}) {
        const QString text = shortUtc(t);
        QVERIFY2(text.endsWith(QLatin1String(" UTC")) && text.size() >= 20, qPrintable(text));
        for (const Bin bin : {Bin::Hour, Bin::Day, Bin::Week}) {
            const std::int64_t start = binStart(t, bin);
            QVERIFY2(start <= t, qPrintable(QStringLiteral("%1 -> %2").arg(t).arg(start)));
            // Within one bin of t, unless the bin's start lies below int64 (then clamped to it).
            QVERIFY(start == kInt64Min || t - start < binSeconds(bin));
        }
    }
    QCOMPARE(shortUtc(0), QStringLiteral("1970-01-01 00:00 UTC"));
    QCOMPARE(shortUtc(-1), QStringLiteral("1969-12-31 23:59 UTC"));
    QCOMPARE(shortUtc(kMaxTime), QStringLiteral("9999-12-31 23:59 UTC"));
    QCOMPARE(binStart(-1, Bin::Hour), std::int64_t(-3600));
    QCOMPARE(binStart(0, Bin::Week), std::int64_t(-3 * 86400)); // Monday 1969-12-29
    QCOMPARE(binStart(kInt64Min, Bin::Hour), kInt64Min);
}

// Defect 2 at its root: the scan's release windows with a release at INT64_MIN and one at
// INT64_MAX (the loader refuses such files, but the fold itself must not overflow either).
void TestHostile::releaseWindowsAcrossInt64()
{
    const QString file = path(QStringLiteral("release-windows.db"));
    QVERIFY(test::writeDb(file, test::validSql()));
    ScanInput in;
    in.path = file;
    in.threads = 1;
    in.accountIndex.build({1, 2, 3, 4, 5, 6});
    in.modelIndex.build({1, 2});
    in.accountGroup = {0, 0, 1, 2, 2, 2};
    in.accountCount = 6;
    in.groupCount = 3;
    in.modelCount = 2;
    in.releases = {{kInt64Min, 0}, {1700001000, 1}, {kInt64Max, 1}};
    const ScanOutput out = scanExchanges(in, {});
    QVERIFY2(out.ok, qPrintable(out.error));
    QCOMPARE(out.rows, qint64(25));
    for (const ReleaseWindowCounts& r : out.aggregates.releases)
        QCOMPARE(r.model, std::uint32_t(1)); // only the real release has exchanges in its 24 hours
    QVERIFY(!out.aggregates.releases.empty());
}

// Defect 8: SQLite's own reason, not "not an error".
void TestHostile::malformedSchemaNamesTheReason()
{
    const QString file = path(QStringLiteral("malformed-schema.db"));
    QVERIFY(test::writeDb(file, test::validSql()));
    QVERIFY(test::execSql(file, QStringLiteral("PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'CREATE TABLE models(' WHERE name = 'models';")));
    const LoadResult r = load(file, true);
    QVERIFY(!r.ok());
    const QString all = codes(r);
    QVERIFY2(all.contains(QLatin1String("malformed database schema")), qPrintable(all));
    QVERIFY2(!all.contains(QLatin1String("not an error")), qPrintable(all));
}

// Defect 9: a -wal that is not a WAL is named at once (it cost 10 s, then "not an error").
void TestHostile::garbageWalIsRefusedAtOnce()
{
    const QString file = path(QStringLiteral("garbage-wal.db"));
    QVERIFY(test::writeDb(file, test::validSql()));
    QFile wal(file + QStringLiteral("-wal"));
    QVERIFY(wal.open(QIODevice::WriteOnly));
    QByteArray junk(4096, '\0');
    for (int i = 0; i < junk.size(); ++i)
        junk[i] = char((i * 7919) & 0xff);
    wal.write(junk);
    wal.close();
    const LoadResult r = load(file, true);
    QVERIFY(!r.ok());
    const Finding* f = findingOf(r, QStringLiteral("bad-wal"));
    QVERIFY2(f, qPrintable(codes(r)));
    QVERIFY(f->message.contains(QLatin1String("garbage-wal.db-wal")));
    QVERIFY(QFile::remove(file + QStringLiteral("-wal")));
}

// A 70 MB meta.title (over SQLite's 64 MB length limit here) is said, not dropped silently.
void TestHostile::hugeMetaTitleIsNamed()
{
    const QString file = path(QStringLiteral("huge-title.db"));
    QVERIFY(test::writeDb(file, test::validSql()));
    QVERIFY(test::execSql(file, QStringLiteral("UPDATE meta SET value = 'T' || hex(zeroblob(35000000)) WHERE key = 'title';")));
    const LoadResult r = load(file, true);
    QVERIFY2(r.ok(), qPrintable(codes(r)));
    const Finding* f = findingOf(r, QStringLiteral("value-left-out"));
    QVERIFY2(f, qPrintable(codes(r)));
    QCOMPARE(f->table, QStringLiteral("meta"));
    QVERIFY(f->message.contains(QLatin1String("'title'")));
    QVERIFY(r.investigation->meta.contains(QStringLiteral("format"))); // the rest of meta is read
    QFile::remove(file);
}

void TestHostile::validateWritesTheReasonToStderr()
{
    const Run r = runApp({QStringLiteral("validate"), kHostile + QStringLiteral("ts-int64-max.db")});
    QCOMPARE(r.exit, 2);
    QVERIFY2(r.err.contains(QLatin1String("out-of-range")) || r.err.contains(QLatin1String("outside the years")), qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("invalid")));
}

// Defects 3 and 4: report on times near the ends of int64 (refused, exit 2) and on three
// far-future times (a report, in bounded memory: it peaked at 4.2 GB).
void TestHostile::reportOfFarFutureTimesStaysSmall()
{
    for (const char* name : {"ts-int64-max.db", "ts-int64-min.db"}) {
        const Run r = runApp({QStringLiteral("report"), kHostile + QLatin1String(name), QStringLiteral("-o"), path(QStringLiteral("x.pdf"))});
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.contains(QLatin1String("outside the years")), qPrintable(r.err));
    }
    const QString file = path(QStringLiteral("far-future.db"));
    QVERIFY(test::writeTinyDb(file));
    QVERIFY(test::execSql(file, QStringLiteral("UPDATE exchanges SET ts = %1 - id WHERE id IN (SELECT id FROM exchanges "
                                               "WHERE account_id IN (SELECT id FROM accounts WHERE campaign_id IS NOT NULL) LIMIT 3);").arg(kMaxTime)));
    const LoadResult loaded = load(file, true);
    QVERIFY2(loaded.ok(), qPrintable(codes(loaded)));
    const Analysis a = analyze(*loaded.investigation);
    const ReportContent c = buildReport(*loaded.investigation, a, nullptr, Redactor(), {});
    std::size_t bins = 0;
    for (const CampaignReport& g : c.campaigns)
        bins += g.timeline.data.bins * (g.timeline.data.series.size() + 1);
    // Before: hourly bins over 8,000 years for every series (about 4 GB). Now weeks at most.
    QVERIFY2(bins < 4 * kMaxTimelineBins, qPrintable(QString::number(bins)));
    const QString pdf = path(QStringLiteral("far-future.pdf"));
    const Run r = runApp({QStringLiteral("report"), file, QStringLiteral("-o"), pdf});
    QVERIFY2(r.exit == 0, qPrintable(r.err));
    QVERIFY(QFile(pdf).size() > 0);
}

// Defect 5: 100,000 campaigns. The report details at most kMaxReportCampaigns and says so.
void TestHostile::reportOfManyCampaigns()
{
    const QString file = path(QStringLiteral("many-campaigns.db"));
    QVERIFY(test::writeDb(file, test::validSql()));
    QVERIFY(test::execSql(file, QStringLiteral(
        "INSERT INTO campaigns(id, name) WITH RECURSIVE n(i) AS (SELECT 1000 UNION ALL SELECT i + 1 FROM n WHERE i < 100999) "
        "SELECT i, 'campaign ' || i FROM n;"
        "INSERT INTO accounts(id, external_ref, campaign_id) SELECT id, 'acct' || id, id FROM campaigns WHERE id >= 1000;"
        "INSERT INTO exchanges(id, ts, account_id, model_id) SELECT id, 1700001000 + id, id, 1 + id % 2 FROM campaigns WHERE id >= 1000;")));
    const LoadResult r = load(file, true);
    QVERIFY2(r.ok(), qPrintable(codes(r)));
    const Analysis a = analyze(*r.investigation);
    QVERIFY(a.campaigns.size() > 100000);
    const ReportContent c = buildReport(*r.investigation, a, nullptr, Redactor(), {});
    QCOMPARE(c.campaigns.size(), kMaxReportCampaigns);
    QVERIFY(c.keyFigures.size() < 60);
    QVERIFY(c.keyFigures.join(QLatin1Char(' ')).contains(QStringLiteral("the other %1 are in the analysis JSON")
                                                             .arg(reportNumber(a.campaigns.size() - kMaxReportCampaigns))));
    // Those shown are those with the most exchanges: the two of the fixture (14 and 3).
    QCOMPARE(c.campaigns.front().group, std::uint32_t(0));
}

// Defect 5: a 50 MB campaign name.
void TestHostile::reportOfHugeName()
{
    const QString file = path(QStringLiteral("huge-name.db"));
    QVERIFY(test::writeDb(file, test::validSql()));
    QVERIFY(test::execSql(file, QStringLiteral("UPDATE campaigns SET name = 'N' || hex(zeroblob(25000000)) WHERE id = 1;")));
    const LoadResult r = load(file, true);
    QVERIFY2(r.ok(), qPrintable(codes(r)));
    QCOMPARE(r.investigation->campaigns[0].name.size(), qsizetype(50000001)); // the evidence is kept whole
    const ReportContent c = buildReport(*r.investigation, analyze(*r.investigation), nullptr, Redactor(), {});
    QVERIFY(c.campaigns[0].name.size() < kReportNameChars + 60);
    QVERIFY(c.campaigns[0].name.contains(QStringLiteral("49,999,801 more characters")) ||
            c.campaigns[0].name.contains(QStringLiteral("49999801 more characters")));
    QVERIFY(c.keyFigures.join(QString()).size() < 2000);
    const QString pdf = path(QStringLiteral("huge-name.pdf"));
    const Run run = runApp({QStringLiteral("report"), file, QStringLiteral("-o"), pdf});
    QVERIFY2(run.exit == 0, qPrintable(run.err));
    QFile::remove(file);
}

// Defect 5: 20,000 campaigns x 20,000 prompt families (a group x template space of 4e8).
void TestHostile::manyCampaignsTimesManyTemplates()
{
    const QString file = path(QStringLiteral("campaigns-templates.db"));
    QVERIFY(test::writeDb(file, test::validSql()));
    QVERIFY(test::execSql(file, QStringLiteral(
        "INSERT INTO campaigns(id, name) WITH RECURSIVE n(i) AS (SELECT 1000 UNION ALL SELECT i + 1 FROM n WHERE i < 20999) "
        "SELECT i, 'campaign ' || i FROM n;"
        "INSERT INTO templates(id, fingerprint) SELECT id, 'fp' || id FROM campaigns WHERE id >= 1000;"
        "INSERT INTO accounts(id, external_ref, campaign_id) SELECT id, 'acct' || id, id FROM campaigns WHERE id >= 1000;"
        "INSERT INTO exchanges(id, ts, account_id, model_id, template_id) SELECT id, 1700001000 + id * 60, id, 1, id FROM campaigns WHERE id >= 1000;")));
    const LoadResult r = load(file, true);
    QVERIFY2(r.ok(), qPrintable(codes(r)));
    const Analysis a = analyze(*r.investigation);
    const ReportContent c = buildReport(*r.investigation, a, nullptr, Redactor(), {});
    QCOMPARE(c.campaigns.size(), kMaxReportCampaigns);
    const QString pdf = path(QStringLiteral("campaigns-templates.pdf"));
    const Run run = runApp({QStringLiteral("report"), file, QStringLiteral("-o"), pdf});
    QVERIFY2(run.exit == 0, qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
