// SPDX-License-Identifier: GPL-3.0-or-later
// `hydrascope report` and `hydrascope export` as a user runs them: the report's text layer against
// a golden file (through pdftotext), vector charts, embedded fonts, redaction searched in every
// byte, spreadsheet-safe CSV, STIX required properties and the manifest.
#include "casefile.h"
#include "fixturedb.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QByteArray out, err;
};

Run run(const QString& program, const QStringList& args, const QString& dir = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SOURCE_DATE_EPOCH"), QStringLiteral("1735689600")); // 2025-01-01 00:00 UTC
    p.setProcessEnvironment(env);
    if (!dir.isEmpty())
        p.setWorkingDirectory(dir);
    p.start(program, args);
    if (!p.waitForFinished(120000))
        qFatal("%s did not finish", qPrintable(program));
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

Run app(const QStringList& args) { return run(QStringLiteral(HYDRASCOPE_APP), args); }

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The hidden values of the redaction fixture: distinctive, so that no hash or number contains them.
const QStringList kHidden{QStringLiteral("acct-ref-1-zq"), QStringLiteral("acct-ref-2-zq"), QStringLiteral("acct-ref-4-zq"),
                          QStringLiteral("payfp-one-zq"), QStringLiteral("payfp-four-zq"), QStringLiteral("198.51.100.7"),
                          QStringLiteral("AS64500"), QStringLiteral("Solve step by step"), QStringLiteral("alert(1)")};

// RFC 4180: records of fields; a quoted field may hold commas, quotes (doubled) and line breaks.
QList<QStringList> parseCsv(const QByteArray& bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"'))
                field += text.at(++i);
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                field += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            record << field;
            records << record;
            record.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        records << (record << field);
    return records;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reportGolden();
    void chartsAreVectorsAndFontsEmbedded();
    void redacted_data();
    void redacted();
    void csvIsSpreadsheetSafe();
    void stixRequiredProperties();
    void manifestVerifies();
    void exportWithoutCase();
    void failedExportLeavesNothing();
    void refusals_data();
    void refusals();
    void viewRestrictsTheReport();
    void pdfA();
    void everyScriptVerbatim();
    void lifecycle_data();
    void lifecycle();

private:
    QString makeCase(const QString& db, const QString& name);
    QTemporaryDir m_dir;
    QString m_db, m_case, m_pdf, m_text;
    QDateTime m_started; // when the case was made: times from then on are this run's own
};

QString TestReport::makeCase(const QString& db, const QString& name)
{
    const QString c = m_dir.filePath(name);
    auto ok = [](const Run& r) { return r.code == 0 ? true : (qWarning("%s", r.err.constData()), false); };
    const bool made = ok(app({QStringLiteral("case"), QStringLiteral("new"), db, QStringLiteral("-o"), c, QStringLiteral("--reviewer"),
                              QStringLiteral("Dana Reviewer"), QStringLiteral("--title"), QStringLiteral("Case about acct-ref-1-zq")}))
        && ok(app({QStringLiteral("case"), QStringLiteral("annotate"), c, QStringLiteral("--title"), QStringLiteral("Lantern pivots to atlas-3"),
                   QStringLiteral("--from"), QStringLiteral("2023-11-14T22:00:00Z"), QStringLiteral("--to"), QStringLiteral("2023-11-15T23:00:00Z"),
                   QStringLiteral("--severity"), QStringLiteral("key-evidence"), QStringLiteral("--note"),
                   QStringLiteral("Account acct-ref-1-zq moved first. <b>not bold</b>"), QStringLiteral("--author"), QStringLiteral("Dana")}))
        && ok(app({QStringLiteral("case"), QStringLiteral("annotate"), c, QStringLiteral("--title"), QStringLiteral("Ask billing before sharing"),
                   QStringLiteral("--at"), QStringLiteral("2023-11-14T20:00:00Z"), QStringLiteral("--internal"), QStringLiteral("--author"),
                   QStringLiteral("Dana")}))
        && ok(app({QStringLiteral("case"), QStringLiteral("annotate"), c, QStringLiteral("--title"), QStringLiteral("=Copper is small"),
                   QStringLiteral("--kind"), QStringLiteral("campaign"), QStringLiteral("--target"), QStringLiteral("2"),
                   QStringLiteral("--severity"), QStringLiteral("notable"), QStringLiteral("--note"), QStringLiteral("+1 -1 @x"),
                   QStringLiteral("--author"), QStringLiteral("Dana")}));
    return made ? c : QString();
}

void TestReport::initTestCase()
{
    m_started = QDateTime::currentDateTimeUtc();
    for (const char* tool : {"pdftotext", "pdfinfo", "pdfimages", "pdffonts", "sha256sum"})
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1 is missing: install poppler-utils (packaging/install-deps.sh)").arg(QString::fromLatin1(tool))));
    m_db = m_dir.filePath(QStringLiteral("small.db"));
    // Distinctive hidden values, so that a search for them cannot hit a hash by chance.
    QVERIFY(hs::test::writeDb(m_db, hs::test::validSql() + QStringLiteral(
        "UPDATE accounts SET external_ref = 'acct-ref-' || id || '-zq';"
        "UPDATE accounts SET payment_fingerprint = 'payfp-one-zq' WHERE payment_fingerprint = 'pf1';"
        "UPDATE accounts SET payment_fingerprint = 'payfp-four-zq' WHERE payment_fingerprint = 'pf4';"
        "UPDATE indicators SET value = 'payfp-one-zq' WHERE value = 'pf1';")));
    m_case = makeCase(m_db, QStringLiteral("small.hcase"));
    QVERIFY(!m_case.isEmpty());
    m_pdf = m_dir.filePath(QStringLiteral("report.pdf"));
    const Run r = app({QStringLiteral("report"), m_db, QStringLiteral("--case"), m_case, QStringLiteral("-o"), m_pdf});
    QVERIFY2(r.code == 0, r.err.constData());
    const Run t = run(QStringLiteral("pdftotext"), {m_pdf, QStringLiteral("-")});
    QCOMPARE(t.code, 0);
    m_text = QString::fromUtf8(t.out);
}

void TestReport::reportGolden()
{
    // The evidence hash is checked against an independent hash, then masked with the other
    // hashes and the case's own times (the audit log is written now), which change every run.
    const QByteArray hash = QCryptographicHash::hash(readAll(m_db), QCryptographicHash::Sha256).toHex();
    QVERIFY2(m_text.contains(QString::fromLatin1(hash)), "the title page carries the evidence's SHA-256");
    QString actual = m_text;
    actual.replace(QRegularExpression(QStringLiteral("\\b[0-9a-f]{8,64}\\b")), QStringLiteral("(hex)"));
    // Only the times this run wrote (the case's own entries): any other time is evidence, and stays.
    static const QRegularExpression when(QStringLiteral("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d(\\s+UTC)?"));
    const qint64 runFrom = m_started.toSecsSinceEpoch() / 60 * 60;
    const qint64 runTo = QDateTime::currentSecsSinceEpoch();
    int masked = 0;
    for (qsizetype at = 0;;) {
        const QRegularExpressionMatch m = when.match(actual, at);
        if (!m.hasMatch())
            break;
        const QDateTime t = QDateTime::fromString(m.captured(0).left(16), QStringLiteral("yyyy-MM-dd HH:mm"));
        const qint64 secs = QDateTime(t.date(), t.time(), Qt::UTC).toSecsSinceEpoch();
        if (secs >= runFrom && secs <= runTo) {
            actual.replace(m.capturedStart(), m.capturedLength(), QStringLiteral("(time)"));
            at = m.capturedStart() + 6;
            ++masked;
        } else {
            at = m.capturedEnd();
        }
    }
    QVERIFY(masked > 0); // the case's creation and its annotations at least
    actual.replace(QRegularExpression(QStringLiteral("[\\d,]+ bytes \\([0-9.]+ KiB\\)")), QStringLiteral("(size)"));
    const QString goldenPath = QStringLiteral(HYDRASCOPE_FIXTURES "/small-investigation.report.txt");
    const QString golden = QString::fromUtf8(readAll(goldenPath));
    if (actual != golden) {
        const QString actualPath = QStringLiteral("small-investigation.report.txt.actual");
        QFile out(actualPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(actual.toUtf8());
        out.close();
        qWarning("%s", run(QStringLiteral("diff"), {QStringLiteral("-u"), goldenPath, actualPath}).out.constData());
    }
    QCOMPARE(actual, golden);
    // "page N of M" agrees with the PDF's own page count.
    const Run info = run(QStringLiteral("pdfinfo"), {m_pdf});
    const QRegularExpressionMatch pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(QString::fromUtf8(info.out));
    QVERIFY(pages.hasMatch());
    QVERIFY(m_text.contains(QStringLiteral("page %1 of %1").arg(pages.captured(1))));
    QVERIFY(!m_text.contains(QStringLiteral("page %1 of").arg(pages.captured(1).toInt() + 1)));
    QVERIFY(QString::fromUtf8(info.out).contains(QRegularExpression(QStringLiteral("Creator:\\s+Hydrascope"))));
    QVERIFY(QString::fromUtf8(info.out).contains(QRegularExpression(QStringLiteral("Title:\\s+Case about acct-ref-1-zq"))));
    QVERIFY(run(QStringLiteral("pdfinfo"), {QStringLiteral("-meta"), m_pdf}).out.contains("<dc:creator><rdf:Seq><rdf:li>Dana Reviewer"));
}

void TestReport::chartsAreVectorsAndFontsEmbedded()
{
    const Run images = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), m_pdf});
    QCOMPARE(images.code, 0);
    QCOMPARE(images.out.trimmed().split('\n').size(), 2); // the two header lines, no image
    for (const char* chartText : {"Campaign exchanges per bin", "organic baseline (lower panel)", "pivot to atlas-3:", "organic baseline"})
        QVERIFY2(m_text.contains(QString::fromLatin1(chartText)), chartText);
    const Run fonts = run(QStringLiteral("pdffonts"), {m_pdf});
    const QList<QByteArray> lines = fonts.out.trimmed().split('\n').mid(2);
    QVERIFY(!lines.isEmpty());
    for (const QByteArray& line : lines)
        QVERIFY2(line.simplified().split(' ').value(line.simplified().split(' ').size() - 5) == "yes", line.constData());
}

void TestReport::redacted_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<bool>("withCase");
    QTest::addRow("policy") << QStringLiteral("policy") << true;
    QTest::addRow("external") << QStringLiteral("external") << true;
    QTest::addRow("policy without a case") << QStringLiteral("policy") << false;
}

void TestReport::redacted()
{
    QFETCH(QString, profile);
    QFETCH(bool, withCase);
    const QString dir = m_dir.filePath(QStringLiteral("redacted-%1-%2").arg(profile).arg(withCase));
    QStringList caseArgs;
    if (withCase)
        caseArgs = {QStringLiteral("--case"), m_case};
    Run r = app(QStringList{QStringLiteral("export"), m_db, QStringLiteral("-o"), dir, QStringLiteral("--redact"), profile,
                            QStringLiteral("--with-report")} + caseArgs);
    QVERIFY2(r.code == 0, r.err.constData());
    const QString pdf = dir + QStringLiteral("/report-") + profile + QStringLiteral(".pdf");
    r = app(QStringList{QStringLiteral("report"), m_db, QStringLiteral("-o"), pdf, QStringLiteral("--redact"), profile} + caseArgs);
    QVERIFY2(r.code == 0, r.err.constData());
    // Every byte of every file, the PDFs' text layers and their metadata (Info and XMP).
    QByteArray everything;
    for (QDirIterator it(dir, QDir::Files); it.hasNext();) {
        const QString file = it.next();
        everything += file.toUtf8() + readAll(file);
        if (file.endsWith(QLatin1String(".pdf")))
            everything += QString::fromUtf8(run(QStringLiteral("pdftotext"), {file, QStringLiteral("-")}).out).simplified().toUtf8()
                + run(QStringLiteral("pdfinfo"), {QStringLiteral("-meta"), file}).out + run(QStringLiteral("pdfinfo"), {file}).out;
    }
    for (const QString& hidden : kHidden)
        QVERIFY2(!everything.contains(hidden.toUtf8()), qPrintable(hidden));
    QVERIFY(everything.contains("ACCT-0001"));
    QVERIFY(everything.contains(withCase ? "The mapping is kept only in the case" : "the mapping was not kept"));
    QCOMPARE(everything.contains("Ask billing before sharing"), withCase && profile == QLatin1String("policy"));
    // The same account gets the same pseudonym in the report, the CSV and the next export.
    if (withCase)
        QVERIFY(readAll(dir + QStringLiteral("/accounts.csv")).contains("1,ACCT-0001,"));
}

void TestReport::csvIsSpreadsheetSafe()
{
    const QString dir = m_dir.filePath(QStringLiteral("csv"));
    const Run r = app({QStringLiteral("export"), m_db, QStringLiteral("--case"), m_case, QStringLiteral("-o"), dir});
    QVERIFY2(r.code == 0, r.err.constData());
    const QByteArray notes = readAll(dir + QStringLiteral("/annotations.csv"));
    QVERIFY(notes.contains(",\"'=Copper is small\","));
    QVERIFY(notes.contains(",\"'+1 -1 @x\""));
    // Every field of every file, read as RFC 4180 (quoted fields may hold commas and line
    // breaks): none may start with what a spreadsheet takes for a formula.
    int fields = 0;
    for (const QString& name : QDir(dir).entryList({QStringLiteral("*.csv")}))
        for (const QStringList& record : parseCsv(readAll(dir + QLatin1Char('/') + name)))
            for (const QString& field : record) {
                ++fields;
                QVERIFY2(field.isEmpty() || !QStringLiteral("=+-@\t\r").contains(field.at(0)),
                         qPrintable(name + QLatin1Char(':') + field));
            }
    QVERIFY(fields > 100);
    // The parser itself: a comma and a line break inside quotes stay in their field.
    QCOMPARE(parseCsv("a,\"b,=c\"\r\n\"x\r\ny\",\"q\"\"\"\r\n"),
             (QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b,=c")}, {QStringLiteral("x\r\ny"), QStringLiteral("q\"")}}));
}

void TestReport::stixRequiredProperties()
{
    const QString dir = m_dir.filePath(QStringLiteral("stix"));
    QCOMPARE(app({QStringLiteral("export"), m_db, QStringLiteral("--case"), m_case, QStringLiteral("-o"), dir}).code, 0);
    const QJsonObject bundle = QJsonDocument::fromJson(readAll(dir + QStringLiteral("/indicators.stix.json"))).object();
    QCOMPARE(bundle.value(QStringLiteral("type")).toString(), QStringLiteral("bundle"));
    static const QRegularExpression id(QStringLiteral("^([a-z0-9-]+)--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    QVERIFY(id.match(bundle.value(QStringLiteral("id")).toString()).hasMatch());
    const QHash<QString, QStringList> required{
        {QStringLiteral("identity"), {QStringLiteral("name")}},
        {QStringLiteral("campaign"), {QStringLiteral("name")}},
        {QStringLiteral("indicator"), {QStringLiteral("pattern"), QStringLiteral("pattern_type"), QStringLiteral("valid_from")}},
        {QStringLiteral("relationship"), {QStringLiteral("relationship_type"), QStringLiteral("source_ref"), QStringLiteral("target_ref")}},
        {QStringLiteral("note"), {QStringLiteral("content"), QStringLiteral("object_refs")}}};
    QHash<QString, int> count;
    QSet<QString> ids;
    const QJsonArray objects = bundle.value(QStringLiteral("objects")).toArray();
    for (const QJsonValue& v : objects)
        ids.insert(v.toObject().value(QStringLiteral("id")).toString());
    for (const QJsonValue& v : objects) {
        const QJsonObject o = v.toObject();
        const QString type = o.value(QStringLiteral("type")).toString();
        QVERIFY2(required.contains(type), qPrintable(type));
        ++count[type];
        const QRegularExpressionMatch m = id.match(o.value(QStringLiteral("id")).toString());
        QVERIFY(m.hasMatch() && m.captured(1) == type);
        QCOMPARE(o.value(QStringLiteral("spec_version")).toString(), QStringLiteral("2.1"));
        for (const QString& key : QStringList{QStringLiteral("created"), QStringLiteral("modified")} + required.value(type))
            QVERIFY2(o.contains(key) && !o.value(key).toString(QStringLiteral("x")).isEmpty(), qPrintable(type + QLatin1Char('.') + key));
        for (const QString& key : {QStringLiteral("source_ref"), QStringLiteral("target_ref"), QStringLiteral("created_by_ref")})
            if (o.contains(key))
                QVERIFY2(ids.contains(o.value(key).toString()), qPrintable(key));
        for (const QJsonValue& ref : o.value(QStringLiteral("object_refs")).toArray())
            QVERIFY(ids.contains(ref.toString()));
    }
    // The fixture: one identity, two campaigns, the shared ip and payment values, one key annotation.
    QCOMPARE(count.value(QStringLiteral("identity")), 1);
    QCOMPARE(count.value(QStringLiteral("campaign")), 2);
    QCOMPARE(count.value(QStringLiteral("indicator")), 2);
    QCOMPARE(count.value(QStringLiteral("note")), 1);
    QVERIFY(readAll(dir + QStringLiteral("/indicators.stix.json")).contains("[ipv4-addr:value = '198.51.100.7']"));
}

void TestReport::manifestVerifies()
{
    const QString dir = m_dir.filePath(QStringLiteral("manifest"));
    QCOMPARE(app({QStringLiteral("export"), m_db, QStringLiteral("--case"), m_case, QStringLiteral("-o"), dir,
                  QStringLiteral("--with-report")}).code, 0);
    const Run check = run(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("MANIFEST.sha256")}, dir);
    QVERIFY2(check.code == 0, check.out.constData());
    QStringList listed;
    for (const QByteArray& line : readAll(dir + QStringLiteral("/MANIFEST.sha256")).trimmed().split('\n'))
        listed << QString::fromUtf8(line.mid(66));
    QStringList files = QDir(dir).entryList(QDir::Files, QDir::Name);
    files.removeAll(QStringLiteral("MANIFEST.sha256"));
    QCOMPARE(listed, files);
    QVERIFY(files.contains(QStringLiteral("report.pdf")));
    QCOMPARE(files.size(), 10);
    // A changed file no longer verifies.
    QFile f(dir + QStringLiteral("/campaigns.csv"));
    QVERIFY(f.open(QIODevice::Append));
    f.write("x");
    f.close();
    QVERIFY(run(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("MANIFEST.sha256")}, dir).code != 0);
}

void TestReport::exportWithoutCase()
{
    const QString dir = m_dir.filePath(QStringLiteral("nocase"));
    QCOMPARE(app({QStringLiteral("export"), m_db, QStringLiteral("-o"), dir}).code, 0);
    QCOMPARE(readAll(dir + QStringLiteral("/annotations.json")).trimmed(), QByteArray("[]"));
    QCOMPARE(readAll(dir + QStringLiteral("/audit.json")).trimmed(), QByteArray("[]"));
    // analysis.json is the `analyze --json` document, byte for byte.
    QCOMPARE(readAll(dir + QStringLiteral("/analysis.json")), app({QStringLiteral("analyze"), m_db, QStringLiteral("--json")}).out);
}

void TestReport::failedExportLeavesNothing()
{
    const QString dir = m_dir.filePath(QStringLiteral("blocked"));
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/clusters.csv"))); // a folder where a file must go
    const Run r = app({QStringLiteral("export"), m_db, QStringLiteral("-o"), dir});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("clusters.csv"));
    QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void TestReport::refusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("stderrHas");
    const QString out = m_dir.filePath(QStringLiteral("refused.pdf"));
    QTest::addRow("bad profile") << QStringList{QStringLiteral("report"), m_db, QStringLiteral("-o"), out, QStringLiteral("--redact"), QStringLiteral("secret")} << QStringLiteral("--redact");
    QTest::addRow("no output") << QStringList{QStringLiteral("report"), m_db} << QStringLiteral("-o OUT");
    QTest::addRow("view without case") << QStringList{QStringLiteral("report"), m_db, QStringLiteral("-o"), out, QStringLiteral("--view"), QStringLiteral("v")} << QStringLiteral("--view needs --case");
    const QString other = m_dir.filePath(QStringLiteral("other.db"));
    QVERIFY(QFile::exists(other) || hs::test::writeDb(other, hs::test::validSql() + QStringLiteral("DELETE FROM exchanges WHERE id = 25;")));
    QTest::addRow("case of other evidence") << QStringList{QStringLiteral("export"), other, QStringLiteral("--case"), m_case, QStringLiteral("-o"), out} << QStringLiteral("was made for evidence");
    const QString tampered = m_dir.filePath(QStringLiteral("tampered.hcase"));
    if (!QFile::exists(tampered)) {
        QVERIFY(QFile::copy(makeCase(m_db, QStringLiteral("to-tamper.hcase")), tampered));
        QCOMPARE(run(QStringLiteral("sqlite3"), {tampered, QStringLiteral("UPDATE annotations SET title = 'changed' WHERE id = 1")}).code, 0);
    }
    QTest::addRow("tampered case") << QStringList{QStringLiteral("report"), m_db, QStringLiteral("--case"), tampered, QStringLiteral("-o"), out} << QStringLiteral("fails verification");
    QTest::addRow("unknown view") << QStringList{QStringLiteral("report"), m_db, QStringLiteral("--case"), m_case, QStringLiteral("-o"), out, QStringLiteral("--view"), QStringLiteral("v")} << QStringLiteral("no saved view");
}

void TestReport::refusals()
{
    QFETCH(QStringList, args);
    QFETCH(QString, stderrHas);
    const Run r = app(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(stderrHas), r.err.constData());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("refused.pdf"))));
}

void TestReport::viewRestrictsTheReport()
{
    const QString c = makeCase(m_db, QStringLiteral("view.hcase"));
    QVERIFY(!c.isEmpty());
    {
        QString error;
        auto caseFile = hs::CaseFile::open(c, hs::CaseFile::Mode::ReadWrite, &error);
        QVERIFY2(caseFile, qPrintable(error));
        hs::SavedView view;
        view.name = QStringLiteral("Copper only");
        view.page = hs::PageId::Timeline;
        view.allGroups = false;
        view.campaignIds = {2};
        view.baseline = false;
        view.from = 1700001000 - 100800; // 28 h before the release
        view.to = 1700001000 + 3600;
        QVERIFY(caseFile->saveView(view));
    }
    const QString pdf = m_dir.filePath(QStringLiteral("view.pdf"));
    const Run r = app({QStringLiteral("report"), m_db, QStringLiteral("--case"), c, QStringLiteral("-o"), pdf,
                       QStringLiteral("--view"), QStringLiteral("Copper only")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QString text = QString::fromUtf8(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out);
    QVERIFY(text.contains(QStringLiteral("Campaign: Copper")));
    QVERIFY(!text.contains(QStringLiteral("Campaign: Lantern")));
    QVERIFY(text.contains(QStringLiteral("Saved view")));
    QVERIFY(text.contains(QStringLiteral("No pivot was detected."))); // Lantern's pivot is outside the view
}

void TestReport::pdfA()
{
    const QString pdf = m_dir.filePath(QStringLiteral("archival.pdf"));
    const Run r = app({QStringLiteral("report"), m_db, QStringLiteral("-o"), pdf, QStringLiteral("--pdfa"),
                       QStringLiteral("--classification"), QStringLiteral("POLICY USE ONLY")});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(run(QStringLiteral("pdfinfo"), {pdf}).out.contains("PDF version:     1.4"));
    const QByteArray meta = run(QStringLiteral("pdfinfo"), {QStringLiteral("-meta"), pdf}).out;
    QVERIFY(meta.contains("pdfaid:part=\"1\" pdfaid:conformance=\"B\""));
    QVERIFY(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out.contains("POLICY USE ONLY"));
    // Without --pdfa the document claims no conformance it was not written for.
    QVERIFY(!run(QStringLiteral("pdfinfo"), {QStringLiteral("-meta"), m_pdf}).out.contains("pdfaid"));
}

// Campaign names, prompt samples and notes in Chinese, Arabic and Hebrew come back from the PDF's
// text layer as written, from embedded Noto fonts; hidden characters are markers, never "\u200f".
void TestReport::everyScriptVerbatim()
{
    const QString cjk = QStringLiteral("\u041a\u0432\u0430\u043d\u0442 \u91cf\u5b50");      // Квант 量子
    const QString arabic = QStringLiteral("\u062d\u0645\u0644\u0629 \u0627\u0644\u062a\u0642\u0637\u064a\u0631"); // حملة التقطير
    const QString hebrew = QStringLiteral("\u05de\u05d1\u05e6\u05e2 \u05d6\u05d9\u05e7\u05d5\u05e7");           // מבצע זיקוק
    const QString sampleCjk = QStringLiteral("\u8bf7\u9010\u6b65\u63a8\u7406");                                 // 请逐步推理
    const QString db = m_dir.filePath(QStringLiteral("scripts.db"));
    auto sqlText = [](const QString& t) { return QStringLiteral("'%1'").arg(QString(t).replace(QLatin1Char('\''), QStringLiteral("''"))); };
    QVERIFY(hs::test::writeDb(db, hs::test::validSql() + QStringLiteral(
        "UPDATE campaigns SET name = %1 WHERE id = 1; UPDATE campaigns SET name = %2 WHERE id = 2;"
        "UPDATE templates SET sample = %3 WHERE id = 1;"
        "UPDATE templates SET sample = %3 || ' ' || char(8207) || ' rlm ' || char(8238) || 'reversed' WHERE id = 2;"
        "UPDATE templates SET sample = %4 WHERE id = 3;")
        .arg(sqlText(cjk), sqlText(arabic), sqlText(sampleCjk), sqlText(hebrew))));
    const QString c = m_dir.filePath(QStringLiteral("scripts.hcase"));
    QCOMPARE(app({QStringLiteral("case"), QStringLiteral("new"), db, QStringLiteral("-o"), c}).code, 0);
    const Run note = app({QStringLiteral("case"), QStringLiteral("annotate"), c, QStringLiteral("--title"), hebrew,
                          QStringLiteral("--at"), QStringLiteral("2023-11-14T20:00:00Z"), QStringLiteral("--note"),
                          arabic + QStringLiteral(" / ") + sampleCjk});
    QVERIFY2(note.code == 0, note.err.constData());
    const QString pdf = m_dir.filePath(QStringLiteral("scripts.pdf"));
    const Run r = app({QStringLiteral("report"), db, QStringLiteral("--case"), c, QStringLiteral("-o"), pdf});
    QVERIFY2(r.code == 0, r.err.constData());
    const QString raw = QString::fromUtf8(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out);
    // What pdftotext adds or changes of its own: it wraps right-to-left runs in U+202B ... U+202C
    // and moves the spaces at their ends; and Qt 6.4's PDF writer maps a glyph back to the first
    // code point the font gives it, so an ideograph that shares its glyph with a Kangxi radical
    // (子 and 部首 ⼦) comes back as the radical: equal under NFKC. Compared with those undone.
    auto comparable = [](QString t) {
        t = t.normalized(QString::NormalizationForm_KC);
        t.remove(QRegularExpression(QStringLiteral("[\\s\u202a-\u202c]")));
        return t;
    };
    const QString text = comparable(raw);
    // (Each script on its own: a note mixing them is laid out right to left when it starts in
    // Arabic, as it should be, and pdftotext then gives its parts in the order they are on the page.)
    const QStringList wantedTexts{QString(QStringLiteral("Campaign: ") + cjk), arabic, hebrew, sampleCjk};
    for (const QString& wanted : wantedTexts)
        QVERIFY2(text.contains(comparable(wanted)), qPrintable(QStringLiteral("missing: %1\n%2").arg(wanted, raw)));
    // The sample's RLM and RLO are markers in the text layer, in logical order; the raw controls are gone.
    // (Beside Latin and Chinese: beside Hebrew, pdftotext guesses the bracket of a marker belongs
    // to the right-to-left run, though the page shows it whole: see docs/exports.md.)
    QVERIFY2(text.contains(comparable(sampleCjk + QStringLiteral(" \u27e8RLM\u27e9 rlm \u27e8RLO\u27e9reversed"))),
             qPrintable(raw));
    // Our sentence around an Arabic name keeps its order: "Campaign NAME: N exchanges".
    QVERIFY2(text.contains(comparable(QStringLiteral("Campaign ") + arabic + QStringLiteral(": 3 exchanges"))), qPrintable(raw));
    QVERIFY(!raw.contains(QStringLiteral("\\u200f")));
    QVERIFY(!raw.contains(QChar(0x202e)) && !raw.contains(QChar(0x200f)));
    // The glyphs came from Noto, embedded.
    const QByteArray fonts = run(QStringLiteral("pdffonts"), {pdf}).out;
    QVERIFY2(fonts.contains("NotoSansCJK"), fonts.constData()); // DejaVu has Arabic and Hebrew itself
    for (const QByteArray& line : fonts.trimmed().split('\n').mid(2))
        QVERIFY2(line.simplified().split(' ').value(line.simplified().split(' ').size() - 5) == "yes", line.constData());
}

// (1.1) A campaign with a ban: the sentence, the churn chart as vectors, the replacement with
// pseudonyms under redaction. Account 1 banned at T - 2.5 h; account 2 (same cluster, same prompt
// family) sends its first exchange at T - 1 h: replaced after 1.5 hours.
void TestReport::lifecycle_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addRow("internal") << QStringLiteral("internal");
    QTest::addRow("policy") << QStringLiteral("policy");
}

void TestReport::lifecycle()
{
    QFETCH(QString, profile);
    const QString db = m_dir.filePath(QStringLiteral("banned-%1.db").arg(profile));
    QVERIFY(QFile::copy(m_db, db));
    QVERIFY(hs::test::execSql(db, QStringLiteral("ALTER TABLE accounts ADD COLUMN status_changed_at INTEGER;"
                                                 "UPDATE accounts SET status_changed_at = 1700001000 - 9000 WHERE id = 1;"
                                                 "UPDATE accounts SET cluster_id = 1 WHERE id = 2;")));
    const QString pdf = m_dir.filePath(QStringLiteral("banned-%1.pdf").arg(profile));
    const Run r = app({QStringLiteral("report"), db, QStringLiteral("-o"), pdf, QStringLiteral("--redact"), profile});
    QVERIFY2(r.code == 0, r.err.constData());
    const QString text = QString::fromUtf8(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out).simplified();
    QVERIFY2(text.contains(QStringLiteral("Of 1 banned account, 1 was replaced, after a median of 1.5 hours.")), qPrintable(text.left(3000)));
    QVERIFY(text.contains(QStringLiteral("Bans and replacements")));
    QVERIFY(text.contains(QStringLiteral("active (right axis)"))); // the churn chart's legend: text, not an image
    QVERIFY(run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf}).out.count('\n') <= 2);
    const int table = text.indexOf(QStringLiteral("First replacements"));
    QVERIFY(table > 0);
    const QString rows = text.mid(table, 400);
    const bool redacted = profile != QLatin1String("internal");
    QCOMPARE(rows.contains(QStringLiteral("acct-ref-1-zq")), !redacted);
    QCOMPARE(rows.contains(QStringLiteral("acct-ref-2-zq")), !redacted);
    QCOMPARE(rows.contains(QStringLiteral("ACCT-")), redacted);
    QVERIFY(!redacted || !text.contains(QStringLiteral("-zq")));
    QVERIFY(rows.contains(QStringLiteral("1.5")));
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
