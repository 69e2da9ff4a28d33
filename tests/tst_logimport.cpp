// SPDX-License-Identifier: GPL-3.0-or-later
// Gateway log import (model/logimport), reading: each reader on committed fixtures written the
// way the real tools write them (tests/fixtures/logs/make_fixtures.py), the awkward parts
// included; times, addresses, refused files and the --map file on their own.
// tst_logimportrun covers families, capabilities, whole imports and the command line.
#include "capabilityrules.h"
#include "fieldmap.h"
#include "importer.h"
#include "ipaddress.h"
#include "logreader.h"
#include "minhash.h"
#include "promptanalyzer.h"
#include "recordreader.h"
#include "sha256.h"
#include "shingles.h"
#include "timeparse.h"

#include "fixturedb.h"
#include "generatorlogs.h"
#include "loader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <csignal>
#include <sys/types.h>

using namespace hs;
using namespace hs::logimport;

namespace {

std::string fixture(const char* name)
{
    return QString(QStringLiteral(HYDRASCOPE_FIXTURES "/logs/") + QString::fromLatin1(name)).toStdString();
}

struct ReadAll
{
    std::vector<LogRequest> requests;
    bool ok = false;
    std::string error;
    ReadIssues issues;
    std::vector<FileReport> files;
};

ReadAll readAll(const std::string& path, LogFormat format = LogFormat::Auto, const std::string& mapFile = {})
{
    FieldMap map;
    std::string error;
    if (!mapFile.empty() && !loadFieldMap(mapFile, &map, &error))
        qFatal("%s", error.c_str());
    LogReader reader(format, map, !mapFile.empty());
    ReadAll out;
    out.ok = reader.readFile(path, 0, [&](std::vector<LogRequest>& batch) {
        out.requests.insert(out.requests.end(), batch.begin(), batch.end());
    });
    out.error = reader.error();
    out.issues = reader.issues();
    out.files = reader.files();
    return out;
}

} // namespace

class TestLogImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir.path());
    }

    void logTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("seconds");
        QTest::addRow("ISO Z") << "2026-02-10T14:03:07Z" << true << qint64(1770732187);
        QTest::addRow("ISO fraction Z") << "2026-02-10T14:03:07.123456Z" << true << qint64(1770732187);
        QTest::addRow("ISO offset") << "2026-02-10T15:03:07+01:00" << true << qint64(1770732187);
        QTest::addRow("ISO offset no colon") << "2026-02-10T09:03:07-0500" << true << qint64(1770732187);
        QTest::addRow("PostgreSQL, no zone") << "2026-02-10 14:03:07.123456" << true << qint64(1770732187);
        QTest::addRow("PostgreSQL +00") << "2026-02-10 14:03:07+00" << true << qint64(1770732187);
        QTest::addRow("minutes only") << "2026-02-10T14:03Z" << true << qint64(1770732180);
        QTest::addRow("date") << "2026-02-10" << true << qint64(1770681600);
        QTest::addRow("Unix seconds") << "1770732187" << true << qint64(1770732187);
        QTest::addRow("Unix seconds fraction") << "1770732187.75" << true << qint64(1770732187);
        QTest::addRow("Unix ms") << "1770732187123" << true << qint64(1770732187);
        QTest::addRow("Unix us") << "1770732187123456" << true << qint64(1770732187);
        QTest::addRow("Unix ns (OTLP)") << "1770732187123456789" << true << qint64(1770732187);
        QTest::addRow("quoted") << "\"2026-02-10T14:03:07Z\"" << true << qint64(1770732187);
        QTest::addRow("leap day") << "2024-02-29T00:00:00Z" << true << qint64(1709164800);
        QTest::addRow("words") << "not a time" << false << qint64(0);
        QTest::addRow("month 13") << "2026-13-01T00:00:00Z" << false << qint64(0);
        QTest::addRow("trailing junk") << "2026-02-10T14:03:07Zjunk" << false << qint64(0);
        QTest::addRow("empty") << "" << false << qint64(0);
        QTest::addRow("20 digits") << "17707321871234567890" << false << qint64(0);
        QTest::addRow("19 digits past int64") << "9999999999999999999" << false << qint64(0); // fuzz_logtext
        QTest::addRow("int64 max, ns") << "9223372036854775807" << true << qint64(9223372036);
        QTest::addRow("negative, past int64") << "-9999999999999999927" << false << qint64(0);
    }
    void logTimes()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, seconds);
        std::int64_t t = 0;
        QCOMPARE(parseLogTime(text.toStdString(), &t), ok);
        if (ok)
            QCOMPARE(qint64(t), seconds);
    }

    void addresses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("prefix");
        QTest::addRow("v4") << "203.0.113.7" << "203.0.113.7" << "203.0.113.0/24";
        QTest::addRow("v4 port") << "203.0.113.7:51234" << "203.0.113.7" << "203.0.113.0/24";
        QTest::addRow("v6") << "2001:db8:85a3::8a2e:370:7334" << "2001:db8:85a3::8a2e:370:7334" << "2001:db8:85a3::/48";
        QTest::addRow("v6 bracket port") << "[2001:DB8::1]:443" << "2001:db8::1" << "2001:db8::/48";
        QTest::addRow("v4-mapped v6") << "::ffff:198.51.100.9" << "198.51.100.9" << "198.51.100.0/24";
        QTest::addRow("not an address") << "unknown" << "" << "";
        QTest::addRow("empty") << "" << "" << "";
    }
    void addresses()
    {
        QFETCH(QString, text);
        QFETCH(QString, address);
        QFETCH(QString, prefix);
        std::string a, p;
        QCOMPARE(canonicalAddress(text.toStdString(), &a, &p), !address.isEmpty());
        QCOMPARE(QString::fromStdString(a), address);
        QCOMPARE(QString::fromStdString(p), prefix);
    }

    // Each fixture: the format auto-detection decides, the requests, and the records skipped.
    void readers_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("map");
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("requests");
        QTest::addColumn<QStringList>("issues"); // "kind=count"
        QTest::addRow("LiteLLM CSV (BOM, CRLF, newline in a cell, cut off)")
            << "litellm-spendlogs.csv" << "" << int(LogFormat::LiteLlm) << 5
            << QStringList{QStringLiteral("CSV records with the wrong number of fields=1"), QStringLiteral("truncated last lines=1")};
        QTest::addRow("LiteLLM JSONL gzip") << "litellm-spendlogs.jsonl.gz" << "" << int(LogFormat::LiteLlm) << 5
            << QStringList{QStringLiteral("records with an unreadable time=1"), QStringLiteral("truncated last lines=1")};
        QTest::addRow("OTLP JSON") << "otel-genai.jsonl" << "" << int(LogFormat::OtlpJson) << 3
            << QStringList{QStringLiteral("GenAI spans without an account (user.id, enduser.id)=1"),
                           QStringLiteral("lines not valid JSON=1")};
        QTest::addRow("OTLP JSON zstd") << "otel-genai.jsonl.zst" << "" << int(LogFormat::OtlpJson) << 3
            << QStringList{QStringLiteral("GenAI spans without an account (user.id, enduser.id)=1"),
                           QStringLiteral("lines not valid JSON=1")};
        QTest::addRow("generic JSONL with --map") << "generic.jsonl" << "generic.toml" << int(LogFormat::Jsonl) << 2
            << QStringList{QStringLiteral("records without an account=1")};
        QTest::addRow("generic CSV with --map") << "generic.csv" << "generic-csv.toml" << int(LogFormat::Csv) << 1
            << QStringList{};
    }
    void readers()
    {
        QFETCH(QString, file);
        QFETCH(QString, map);
        QFETCH(int, format);
        QFETCH(int, requests);
        QFETCH(QStringList, issues);
        const ReadAll r = readAll(fixture(file.toLatin1().constData()), LogFormat::Auto,
                                  map.isEmpty() ? std::string() : fixture(map.toLatin1().constData()));
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(int(r.files.size()), 1);
        QCOMPARE(int(r.files[0].decision.format), format);
        QVERIFY(!r.files[0].decision.reason.empty());
        QCOMPARE(int(r.requests.size()), requests);
        QStringList got;
        for (const auto& [kind, k] : r.issues.kinds()) {
            got << QStringLiteral("%1=%2").arg(QString::fromStdString(kind)).arg(k.count);
            QVERIFY(k.firstLine > 0);
            QCOMPARE(QString::fromStdString(k.firstFile), QString::fromStdString(fixture(file.toLatin1().constData())));
        }
        got.sort();
        issues.sort();
        QCOMPARE(got, issues);
    }

    // The fields of single requests, where the awkward parts are.
    void liteLlmFields()
    {
        const ReadAll csv = readAll(fixture("litellm-spendlogs.csv"));
        QCOMPARE(int(csv.requests.size()), 5);
        const LogRequest& first = csv.requests[0];
        QCOMPARE(first.ts, std::int64_t(1770732187)); // 2026-02-10 14:03:07.123456, no zone: UTC
        QCOMPARE(first.account, std::string("acct-alice"));
        QCOMPARE(first.model, std::string("frontier-3"));
        QCOMPARE(first.ip, std::string("203.0.113.7"));
        QCOMPARE(first.userAgent, std::string("OpenAI/Python 1.40.0"));
        QCOMPARE(first.promptTokens, std::int64_t(120));
        QCOMPARE(first.completionTokens, std::int64_t(480));
        QCOMPARE(first.line, std::int64_t(2));
        QVERIFY(first.prompt.rfind("Solve the following problem", 0) == 0); // the user turn, not the system prompt
        QVERIFY(csv.requests[1].prompt.rfind("Solve the following problem", 0) == 0); // content as a list of parts
        const LogRequest& bob = csv.requests[2];
        QCOMPARE(bob.account, std::string("user-bob")); // user empty: metadata.user_api_key_user_id
        QVERIFY(bob.prompt.empty());                     // messages = {}
        QVERIFY(bob.ip.empty());                         // no IP logged
        QCOMPARE(bob.ts, std::int64_t(1770735600));
        QVERIFY(csv.requests[3].hasTools);               // tools in proxy_server_request
        QVERIFY(csv.requests[3].prompt.find("写出推理过程") != std::string::npos);
        QCOMPARE(csv.requests[4].prompt, std::string("Write a Python function that parses\nISO-8601 dates and add unit tests."));
        QCOMPARE(csv.requests[4].line, std::int64_t(6)); // the fifth record; the newline is inside a quoted cell
        const ReadAll jsonl = readAll(fixture("litellm-spendlogs.jsonl.gz"));
        QCOMPARE(int(jsonl.requests.size()), 5);
        QCOMPARE(jsonl.requests[2].ts, std::int64_t(1770800400)); // +01:00
        QCOMPARE(jsonl.requests[2].account, std::string("user-bob"));
        for (std::size_t i = 0; i < 5; ++i) {
            QCOMPARE(jsonl.requests[i].account, csv.requests[i].account);
            QCOMPARE(jsonl.requests[i].prompt, csv.requests[i].prompt);
            QCOMPARE(jsonl.requests[i].hasTools, csv.requests[i].hasTools);
        }
    }

    void otlpFields()
    {
        const ReadAll r = readAll(fixture("otel-genai.jsonl"));
        QCOMPARE(int(r.requests.size()), 3);
        const LogRequest& current = r.requests[0];
        QCOMPARE(current.account, std::string("tenant-42")); // user.id on the resource
        QCOMPARE(current.model, std::string("frontier-3"));   // request model before response model
        QCOMPARE(current.ts, std::int64_t(1770800000));
        QCOMPARE(current.promptTokens, std::int64_t(812));
        QCOMPARE(current.completionTokens, std::int64_t(1403));
        QCOMPARE(current.ip, std::string("203.0.113.50"));
        QCOMPARE(current.userAgent, std::string("curl/8.5.0"));
        QVERIFY(current.hasTools);
        QVERIFY(current.prompt.rfind("You are grading answers.", 0) == 0); // parts of gen_ai.input.messages
        QCOMPARE(r.files[0].otherSpans, std::int64_t(1));
        const LogRequest& older = r.requests[1]; // v1.36 names
        QCOMPARE(older.account, std::string("tenant-43")); // enduser.id
        QCOMPARE(older.promptTokens, std::int64_t(50));    // gen_ai.usage.prompt_tokens
        QCOMPARE(older.completionTokens, std::int64_t(70));
        QVERIFY(older.prompt.find("绕过审查") != std::string::npos); // gen_ai.prompt
        QCOMPARE(r.requests[2].prompt, std::string("Take a screenshot and click the Submit button")); // event
        QCOMPARE(r.requests[2].promptTokens, std::int64_t(-1));
    }

    void genericFields()
    {
        const ReadAll r = readAll(fixture("generic.jsonl"), LogFormat::Auto, fixture("generic.toml"));
        QCOMPARE(int(r.requests.size()), 2);
        QCOMPARE(r.requests[0].ts, std::int64_t(1770800000)); // milliseconds
        QCOMPARE(r.requests[0].account, std::string("k-1"));
        QCOMPARE(r.requests[0].ip, std::string("198.51.100.7"));
        QCOMPARE(r.requests[0].promptTokens, std::int64_t(10));
        QCOMPARE(r.requests[1].capabilityLabel, std::string("general"));
        const ReadAll c = readAll(fixture("generic.csv"), LogFormat::Auto, fixture("generic-csv.toml"));
        QCOMPARE(c.requests[0].prompt, std::string("Rewrite, please"));
        QCOMPARE(c.requests[0].ts, std::int64_t(1770800000));
    }

    // Refused files: the message names the file and a byte offset; mapped shapes need --map.
    void refusedFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QByteArray gz;
        {
            QFile f(QString::fromStdString(fixture("litellm-spendlogs.jsonl.gz")));
            QVERIFY(f.open(QIODevice::ReadOnly));
            gz = f.readAll();
        }
        QByteArray corrupt = gz;
        for (int i = 40; i < 80; ++i)
            corrupt[i] = char(0x55);
        QTest::addRow("corrupt gzip") << corrupt << "byte offset";
        QTest::addRow("gzip cut short") << gz.left(gz.size() / 2) << "ends early at byte offset";
        QTest::addRow("NUL byte") << QByteArray("{\"resourceSpans\": []}\n{\"a\0", 26) << "NUL byte) at byte offset 25";
        QTest::addRow("unknown JSON without --map") << QByteArray("{\"x\": 1}\n") << "needs --map";
        QTest::addRow("not JSON, not CSV") << QByteArray("hello\n") << "byte offset 0";
        QTest::addRow("first line bad JSON") << QByteArray("{\"resourceSpans\": [\n") << "byte offset 0";
        QTest::addRow("empty") << QByteArray() << "empty";
        QTest::addRow("every line bad") << QByteArray("{\"resourceSpans\": []}\n{bad\n") << QString();
    }
    void refusedFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString path = m_dir.filePath(QStringLiteral("refused-%1.log").arg(QString::fromUtf8(QTest::currentDataTag())).replace(QLatin1Char(' '), QLatin1Char('-')));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const ReadAll r = readAll(path.toStdString());
        if (expected.isEmpty()) { // a file whose lines are all unreadable but that is not refused
            QVERIFY(r.ok);
            QCOMPARE(r.issues.total(), std::int64_t(1));
            return;
        }
        QVERIFY(!r.ok);
        QVERIFY2(r.error.find(path.toStdString()) == 0, r.error.c_str());
        QVERIFY2(QString::fromStdString(r.error).contains(expected), r.error.c_str());
    }

    // Records split across compressed chunks and reads: the same records whatever the packing.
    void recordReaderPackings()
    {
        std::string text = "\xEF\xBB\xBF";
        for (int i = 0; i < 20000; ++i)
            text += "line " + std::to_string(i) + (i % 3 ? "\r\n" : "\n");
        text += "last without newline";
        RecordReader reader;
        reader.openMemory(text);
        std::string_view record;
        int count = 0;
        std::string lastRecord;
        while (reader.next(&record, false)) {
            if (count == 0)
                QCOMPARE(std::string(record), std::string("line 0"));
            lastRecord = std::string(record);
            ++count;
        }
        QVERIFY(reader.error().empty());
        QCOMPARE(count, 20001);
        QCOMPARE(lastRecord, std::string("last without newline"));
        QVERIFY(reader.unterminated());
        QCOMPARE(reader.line(), std::int64_t(20001));
    }

    // CSV records whose quoted fields hold newlines and doubled quotes, long enough to cross the
    // reader's 1 MB reads: each comes back whole, with its first line number.
    void recordReaderQuotedAcrossReads()
    {
        const QString path = m_dir.filePath(QStringLiteral("quoted.csv"));
        std::string text = "a,b\n";
        std::vector<std::string> expected;
        std::vector<std::int64_t> lines;
        std::int64_t line = 2;
        for (int i = 0; i < 40; ++i) {
            std::string field(std::size_t(70000 + i * 977), 'x');
            for (std::size_t k = 1000; k < field.size(); k += 5003)
                field.replace(k, 4, k % 2 ? "\"\"\nx" : "\n\"\"x"); // "" and newlines inside the quotes
            const std::string record = std::to_string(i) + ",\"" + field + "\"";
            expected.push_back(record);
            lines.push_back(line);
            line += std::int64_t(std::count(record.begin(), record.end(), '\n')) + 1;
            text += record + (i % 2 ? "\r\n" : "\n");
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.data(), qint64(text.size()));
        f.close();
        RecordReader reader;
        std::string error;
        QVERIFY(reader.open(path.toStdString(), &error));
        std::string_view record;
        QVERIFY(reader.next(&record, true));
        QCOMPARE(std::string(record), std::string("a,b"));
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QVERIFY(reader.next(&record, true));
            QCOMPARE(std::string(record), expected[i]);
            QCOMPARE(reader.line(), lines[i]);
        }
        QVERIFY(!reader.next(&record, true));
        QVERIFY(reader.error().empty());
        // The SHA-256 taken while reading is the file's.
        QString hashError;
        QCOMPARE(QString::fromStdString(reader.sha256Hex()), sha256OfFile(path, &hashError));
        RecordReader compressed;
        const std::string gz = fixture("litellm-spendlogs.jsonl.gz");
        QVERIFY(compressed.open(gz, &error));
        QVERIFY(compressed.sha256Hex().empty()); // not read yet
        while (compressed.next(&record, false)) {
        }
        QCOMPARE(QString::fromStdString(compressed.sha256Hex()), sha256OfFile(QString::fromStdString(gz), &hashError));
    }

    void mapFileErrors()
    {
        FieldMap map;
        std::string error;
        QVERIFY(!parseFieldMap("tiem = \"ts\"\n", "m.toml", &map, &error));
        QVERIFY2(error.find("m.toml: unknown key 'tiem'") == 0, error.c_str());
        QVERIFY(!parseFieldMap("time = 3\n", "m.toml", &map, &error));
        QVERIFY(!parseFieldMap("time = [\n", "m.toml", &map, &error));
        QVERIFY(parseFieldMap("account = [\"a\", \"b.c\"]\n", "m.toml", &map, &error));
        QCOMPARE(map[Field::Account], (std::vector<std::string>{"a", "b.c"}));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestLogImport)
#include "tst_logimport.moc"
