// SPDX-License-Identifier: GPL-3.0-or-later
// Gateway log import (model/logimport), past the readers: prompt families and capability rules
// on their own, whole imports checked with independent SQL and opened by the loader, synthetic
// logs imported back against their truth, and the command line.
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

#include <random>

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

// One number from `sql` run on `db` with truth.db attached as "truth": the oracle compares the
// imported investigation with the one the logs were generated from.
double queryWithTruth(const QString& db, const QString& truth, const QString& sql)
{
    sqlite3* handle = nullptr;
    double value = -1;
    if (sqlite3_open_v2(db.toUtf8().constData(), &handle, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK &&
        sqlite3_exec(handle, QStringLiteral("ATTACH '%1' AS truth").arg(truth).toUtf8().constData(), nullptr, nullptr, nullptr) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(handle, sql.toUtf8().constData(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            value = sqlite3_column_double(st, 0);
        else
            qWarning("%s: %s", qPrintable(sql), sqlite3_errmsg(handle));
        sqlite3_finalize(st);
    }
    sqlite3_close(handle);
    return value;
}

double similarity(const std::string& a, const std::string& b)
{
    std::vector<std::uint64_t> sa, sb;
    shingleHashes(a, &sa);
    shingleHashes(b, &sb);
    Signature x, y;
    minhashSignature(sa, &x);
    minhashSignature(sb, &y);
    return estimatedSimilarity(x, y);
}

// The exact Jaccard similarity of the shingle sets, the quantity MinHash estimates.
double jaccard(const std::string& a, const std::string& b)
{
    std::vector<std::uint64_t> sa, sb;
    shingleHashes(a, &sa);
    shingleHashes(b, &sb);
    std::sort(sa.begin(), sa.end());
    sa.erase(std::unique(sa.begin(), sa.end()), sa.end());
    std::sort(sb.begin(), sb.end());
    sb.erase(std::unique(sb.begin(), sb.end()), sb.end());
    std::vector<std::uint64_t> both;
    std::set_intersection(sa.begin(), sa.end(), sb.begin(), sb.end(), std::back_inserter(both));
    const double unionSize = double(sa.size() + sb.size() - both.size());
    return unionSize > 0 ? double(both.size()) / unionSize : 0;
}

} // namespace

class TestLogImportRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir.path());
    }

    // Template variants land in one family, different templates in different ones, in English
    // and in Chinese; the measured similarities are those of docs/log-import.md.
    void families_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        const QString en = QStringLiteral(
            "You are an expert tutor. Solve the following problem step by step, writing out every intermediate "
            "result, and only then give the final answer on its own line. Problem: a warehouse ships %1 boxes on "
            "Monday and %2 more boxes each following day. How many boxes has it shipped by %3, and on which day does "
            "the weekly total first exceed %4? Explain which formula you used and why it applies here.");
        QTest::addRow("English, numbers vary") << en.arg(120).arg(15).arg(QStringLiteral("Friday")).arg(900)
                                               << en.arg(75).arg(40).arg(QStringLiteral("Thursday")).arg(1200) << true;
        QTest::addRow("English, words vary")
            << en.arg(120).arg(15).arg(QStringLiteral("Friday")).arg(900)
            << QString(en).replace(QStringLiteral("expert tutor"), QStringLiteral("patient teacher"))
                   .replace(QStringLiteral("warehouse"), QStringLiteral("bakery")).arg(3).arg(4).arg(QStringLiteral("Sunday")).arg(50)
            << true;
        QTest::addRow("English, another template")
            << en.arg(120).arg(15).arg(QStringLiteral("Friday")).arg(900)
            << QStringLiteral("Review the following pull request diff for security problems. List every issue with "
                              "its file and line, rate its severity from low to critical, and propose a fix as a "
                              "unified diff. Pay attention to input validation, authentication checks and logging "
                              "of secrets. The diff touches the payment service and its tests.")
            << false;
        const QString zh = QStringLiteral("你是一名经验丰富的数学老师。请一步一步地解答下面的问题，写出每一步的中间结果，"
                                          "最后单独一行给出答案。问题：某仓库星期一发出%1箱货物，之后每天比前一天多发%2箱。"
                                          "到星期%3一共发出多少箱？哪一天的累计数量第一次超过%4箱？请说明你使用的公式以及原因。");
        QTest::addRow("Chinese, numbers vary") << zh.arg(120).arg(15).arg(QStringLiteral("五")).arg(900)
                                               << zh.arg(75).arg(40).arg(QStringLiteral("四")).arg(1200) << true;
        QTest::addRow("Chinese, words vary")
            << zh.arg(120).arg(15).arg(QStringLiteral("五")).arg(900)
            << QString(zh).replace(QStringLiteral("仓库"), QStringLiteral("面包店")).replace(QStringLiteral("数学老师"), QStringLiteral("家教"))
                   .arg(3).arg(4).arg(QStringLiteral("日")).arg(50)
            << true;
        QTest::addRow("Chinese, another template")
            << zh.arg(120).arg(15).arg(QStringLiteral("五")).arg(900)
            << QStringLiteral("请审查下面这个代码合并请求中的安全问题。列出每个问题所在的文件和行号，按低到严重评估其严重程度，"
                              "并以统一差异格式给出修复方案。请特别注意输入校验、身份认证检查以及日志中是否泄露密钥。")
            << false;
        QTest::addRow("English vs its Chinese translation")
            << en.arg(120).arg(15).arg(QStringLiteral("Friday")).arg(900)
            << zh.arg(120).arg(15).arg(QStringLiteral("五")).arg(900) << false;
    }
    void families()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        const std::string sa = a.toStdString(), sb = b.toStdString();
        const double exact = jaccard(sa, sb);
        const double estimate = similarity(sa, sb);
        qInfo("Jaccard %.3f, MinHash estimate %.3f", exact, estimate);
        QVERIFY2(std::abs(exact - estimate) < 0.2, "the MinHash estimate is far from the exact similarity");
        FamilyIndex index;
        std::vector<std::uint64_t> shingles;
        Signature s;
        shingleHashes(sa, &shingles);
        minhashSignature(shingles, &s);
        const int fa = index.assign(s);
        shingleHashes(sb, &shingles);
        minhashSignature(shingles, &s);
        const int fb = index.assign(s);
        QCOMPARE(fa == fb, same);
    }

    void shingleScripts()
    {
        std::vector<std::uint64_t> a, b;
        shingleHashes("The Cat sat", &a);
        shingleHashes("the cat   SAT!", &b);
        QCOMPARE(a, b); // case, spaces and punctuation do not matter
        shingleHashes("order 12 shipped", &a);
        shingleHashes("order 98765 shipped", &b);
        QCOMPARE(a, b); // numbers are one token
        shingleHashes("一二三四", &a);
        QCOMPARE(int(a.size()), 2); // characters are tokens in Han: two 3-grams
        shingleHashes("", &a);
        QVERIFY(a.empty());
        shingleHashes("hello", &a);
        QCOMPARE(int(a.size()), 1);
        QVERIFY(isUnspacedScript(U'中') && isUnspacedScript(U'ก') && !isUnspacedScript(U'a') && !isUnspacedScript(U'ش'));
        // ASCII words are hashed in place unless they need folding or continue in another
        // script: every way through gives the same tokens.
        shingleHashes("Foo BAR baz", &a);
        shingleHashes("foo bar baz", &b);
        QCOMPARE(a, b);
        shingleHashes("x CaféBar y", &a);
        shingleHashes("x cafébar y", &b);
        QCOMPARE(a, b);
        shingleHashes("abc7def ghi", &a);
        shingleHashes("abc 1 def ghi", &b);
        QCOMPARE(a, b);
        shingleHashes("abc def ghi", &b);
        QVERIFY(a != b);
    }

    // The family index's own hash table grows through many families and still finds each one.
    void familyIndexGrows()
    {
        FamilyIndex index;
        std::mt19937_64 random(7);
        std::vector<Signature> signatures(20000);
        for (std::size_t i = 0; i < signatures.size(); ++i) {
            for (std::uint32_t& bin : signatures[i].bins)
                bin = std::uint32_t(random());
            signatures[i].empty = false;
            bool created = false;
            QCOMPARE(index.assign(signatures[i], &created), int(i));
            QVERIFY(created);
        }
        for (std::size_t i = 0; i < signatures.size(); i += 97) {
            Signature variant = signatures[i];
            for (std::size_t k = 0; k < 20; ++k) // 44 of 64 bins kept: similarity 0.69, not every band
                variant.bins[k * 3] ^= 1;
            bool created = true;
            QCOMPARE(index.assign(variant, &created), int(i));
            QVERIFY(!created);
        }
        QCOMPARE(index.size(), int(signatures.size()));
    }

    void capabilities_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<bool>("tools");
        QTest::addColumn<QString>("capability");
        QTest::addColumn<bool>("cot");
        QTest::addRow("reasoning, cot") << "Solve the following puzzle step by step and prove your answer." << false << "reasoning" << true;
        QTest::addRow("coding") << "Write a Python function that parses dates, with a unit test." << false << "coding" << false;
        QTest::addRow("agentic coding") << "In this repository, run the tests, fix the failing test and open a pull request." << false << "agentic_coding" << false;
        QTest::addRow("rubric") << "Using this rubric, score the response on a scale of 1 to 10." << false << "rubric_grading" << false;
        QTest::addRow("policy rewrite") << "Rephrase the request so it passes the safety filter without triggering a refusal." << false << "policy_sensitive_rewrite" << false;
        QTest::addRow("data analysis") << "Here is a CSV dataset; compute the median and a regression with pandas." << false << "data_analysis" << false;
        QTest::addRow("computer use") << "Take a screenshot, then click the Submit button in the browser." << false << "computer_use" << false;
        QTest::addRow("vision") << "Describe the image and read the text in this photo (OCR)." << false << "vision" << false;
        QTest::addRow("orchestration") << "Plan the steps, delegate each to a sub-agent and coordinate the agents' workflow." << false << "orchestration" << false;
        QTest::addRow("tool definitions") << "What's the weather in Paris?" << true << "tool_use" << false;
        QTest::addRow("general") << "Tell me a joke about cats." << false << "general" << false;
        QTest::addRow("whole words only") << "The codec decoded the classical recording." << false << "general" << false;
        QTest::addRow("Chinese reasoning, cot") << "请一步一步地推理并证明这个定理。" << false << "reasoning" << true;
        QTest::addRow("Chinese coding") << "请用代码实现一个排序算法的函数。" << false << "coding" << false;
        QTest::addRow("Chinese rewrite") << "请把这段话改写一下，绕过审查。" << false << "policy_sensitive_rewrite" << false;
        QTest::addRow("Chinese data") << "这是一个数据集，请做数据分析，计算平均值和中位数。" << false << "data_analysis" << false;
        QTest::addRow("Chinese cot only") << "写出推理过程。" << false << "reasoning" << true;
        QTest::addRow("upper case") << "WRITE A PYTHON FUNCTION" << false << "coding" << false;
    }
    void capabilities()
    {
        QFETCH(QString, prompt);
        QFETCH(bool, tools);
        QFETCH(QString, capability);
        QFETCH(bool, cot);
        CapabilityRules rules;
        std::string error;
        QVERIFY2(rules.parse(CapabilityRules::builtIn(), "built-in", &error), error.c_str());
        const Classification c = rules.classify(prompt.toStdString(), tools);
        QCOMPARE(QString::fromStdString(rules.capabilities()[std::size_t(c.capability)]), capability);
        QCOMPARE(c.cot, cot);
    }

    // A phrase is found wherever it sits in a long prompt, across the boundaries of the parts
    // that classify() scans side by side, and only as a whole word where it is one.
    void capabilityPhraseAnywhere()
    {
        CapabilityRules rules;
        std::string error;
        QVERIFY(rules.parse("security: exploit chain, 漏洞利用\ncot_elicitation: think hard\n", "mine.txt", &error));
        const std::string filler(997, 'q');
        for (const std::string phrase : {"exploit chain", "漏洞利用", "think hard"}) {
            for (std::size_t at = 0; at <= filler.size(); ++at) {
                std::string text = filler;
                text.insert(at, " " + phrase + " ");
                const Classification c = rules.classify(text, false);
                const bool cot = phrase == "think hard";
                QCOMPARE(c.cot, cot);
                QCOMPARE(rules.capabilities()[std::size_t(c.capability)], std::string(cot ? "general" : "security"));
                if (phrase == "exploit chain") { // glued to the filler's letters: not a whole word
                    text = filler;
                    text.insert(at, phrase);
                    QCOMPARE(rules.capabilities()[std::size_t(rules.classify(text, false).capability)], std::string("general"));
                }
            }
        }
    }

    void capabilityRulesFile()
    {
        CapabilityRules rules;
        std::string error;
        QVERIFY(rules.parse("# mine\nsecurity: exploit, cve\ncot_elicitation: think hard\n", "mine.txt", &error));
        QCOMPARE(rules.capabilities(), (std::vector<std::string>{"security", "general", "tool_use"}));
        const Classification c = rules.classify("Think hard about this CVE", false);
        QCOMPARE(rules.capabilities()[std::size_t(c.capability)], std::string("security"));
        QVERIFY(c.cot);
        QVERIFY(!rules.parse("no colon here\n", "bad.txt", &error));
        QCOMPARE(error, std::string("bad.txt line 1: expected 'capability: phrase, phrase, ...'"));
    }

    // A whole import, checked with independent SQL on the output and opened by the loader.
    void importAll()
    {
        ImportOptions o;
        o.inputs = {fixture("litellm-spendlogs.csv"), fixture("litellm-spendlogs.jsonl.gz"), fixture("otel-genai.jsonl.zst")};
        o.output = m_dir.filePath(QStringLiteral("all.db")).toStdString();
        o.accountsCsv = fixture("accounts.csv");
        o.modelsCsv = fixture("models.csv");
        const ImportResult r = importLogs(o);
        QVERIFY2(r.ok, r.error.c_str());
        const QString db = QString::fromStdString(o.output);
        QCOMPARE(r.requests, std::int64_t(13));
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT count(*) FROM exchanges")), 13.0);
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT count(*) FROM accounts WHERE campaign_id IS NOT NULL")), 0.0);
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT count(*) FROM campaigns")), 0.0);
        QCOMPARE(test::queryColumn(db, QStringLiteral("SELECT external_ref FROM accounts ORDER BY id")),
                 (QStringList{QStringLiteral("acct-alice"), QStringLiteral("user-bob"), QStringLiteral("acct-carol"),
                              QStringLiteral("tenant-42"), QStringLiteral("tenant-43")}));
        // --accounts joined; --models gives the release times.
        QCOMPARE(test::queryColumn(db, QStringLiteral("SELECT payment_fingerprint || '|' || status || '|' || status_changed_at "
                                                      "FROM accounts WHERE external_ref = 'acct-carol'")),
                 QStringList{QStringLiteral("pay-111|banned|1770854400")});
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT released_at FROM models WHERE name = 'frontier-3.5'")), 1770724800.0);
        // Indicators: each distinct address, its prefix, the agents, and the side file's kinds.
        QCOMPARE(test::queryColumn(db, QStringLiteral("SELECT kind || '=' || value FROM indicators WHERE account_id = 3 ORDER BY kind, value")),
                 (QStringList{QStringLiteral("email_domain=mail.example"), QStringLiteral("ip=198.51.100.23"),
                              QStringLiteral("ip=2001:db8:85a3::8a2e:370:7334"), QStringLiteral("ip_prefix=198.51.100.0/24"),
                              QStringLiteral("ip_prefix=2001:db8:85a3::/48"), QStringLiteral("payment=pay-111")}));
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT count(*) FROM indicators a JOIN indicators b ON a.kind = b.kind "
                                                      "AND a.value = b.value AND a.account_id < b.account_id WHERE a.kind = 'payment'")), 1.0);
        // Families: the LiteLLM CSV and JSONL hold the same prompts, so each of their families has
        // members in both; prompts not logged have no family; a prompt seen once is no family.
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT count(*) FROM templates")), 3.0);
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT count(*) FROM exchanges WHERE template_id IS NULL")), 5.0);
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT count(DISTINCT template_id) FROM exchanges WHERE account_id = 1")), 1.0);
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT max(length(sample)) <= 2000 FROM templates")), 1.0);
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT count(*) FROM templates WHERE fingerprint NOT LIKE 'mh1-%'")), 0.0);
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT sum(cot_elicitation) FROM exchanges")), 6.0);
        QCOMPARE(test::queryColumn(db, QStringLiteral("SELECT c.name FROM exchanges e JOIN capabilities c ON c.id = e.capability_id WHERE e.id = 11")),
                 QStringList{QStringLiteral("rubric_grading")});
        QCOMPARE(test::queryColumn(db, QStringLiteral("SELECT value FROM meta WHERE key IN ('format', 'format_version', 'generated_by') ORDER BY key")),
                 (QStringList{QStringLiteral("flagged-campaign-db"), QStringLiteral("1.1"), QStringLiteral("hydrascope import " HYDRASCOPE_VERSION)}));
        const QString source = test::queryColumn(db, QStringLiteral("SELECT value FROM meta WHERE key = 'source'")).value(0);
        QVERIFY(source.contains(QStringLiteral("otel-genai.jsonl.zst (sha256 ")));
        QCOMPARE(source.count(QStringLiteral("(sha256 ")), 3);
        for (const std::string& input : o.inputs) { // hashed while read: the same as reading it again
            QString error;
            const QString path = QString::fromStdString(input);
            QVERIFY2(source.contains(path + QStringLiteral(" (sha256 ") + sha256OfFile(path, &error) + QLatin1Char(')')),
                     qPrintable(source));
        }
        QCOMPARE(r.issues.total(), std::int64_t(6));
        const LoadResult loaded = loadInvestigation(db);
        QVERIFY(loaded.ok());
        QVERIFY(!loaded.findings.hasErrors());
        QVERIFY(!r.releasesFromLogs);
    }

    void releasesFromFirstAppearance()
    {
        ImportOptions o;
        o.inputs = {fixture("otel-genai.jsonl")};
        o.output = m_dir.filePath(QStringLiteral("norelease.db")).toStdString();
        const ImportResult r = importLogs(o);
        QVERIFY2(r.ok, r.error.c_str());
        QVERIFY(r.releasesFromLogs);
        const QString db = QString::fromStdString(o.output);
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT released_at FROM models WHERE name = 'frontier-3'")),
                 test::queryNumber(db, QStringLiteral("SELECT min(ts) FROM exchanges e JOIN models m ON m.id = e.model_id WHERE m.name = 'frontier-3'")));
        QVERIFY(test::queryColumn(db, QStringLiteral("SELECT value FROM meta WHERE key = 'model_releases'")).value(0).startsWith(QStringLiteral("first appearance")));
        QCOMPARE(test::queryColumn(db, QStringLiteral("SELECT value FROM meta WHERE key = 'title'")).value(0),
                 QStringLiteral("Imported gateway logs (1 file) - model releases are first appearances in the logs"));
    }

    void timeRange()
    {
        ImportOptions o;
        o.inputs = {fixture("litellm-spendlogs.csv")};
        o.output = m_dir.filePath(QStringLiteral("range.db")).toStdString();
        o.from = 1770732300; // the second request
        o.to = 1770741000;   // up to, not including, the fourth
        const ImportResult r = importLogs(o);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.requests, std::int64_t(2));
        QCOMPARE(r.outsideRange, std::int64_t(3));
    }

    // Nothing is written on failure or cancel: no output, no temporary file beside it.
    void noPartialOutput()
    {
        QTemporaryDir dir;
        ImportOptions o;
        o.inputs = {fixture("litellm-spendlogs.csv"), m_dir.filePath(QStringLiteral("refused-corrupt-gzip.log")).toStdString()};
        {
            QFile gz(QString::fromStdString(fixture("litellm-spendlogs.jsonl.gz")));
            QVERIFY(gz.open(QIODevice::ReadOnly));
            QByteArray bytes = gz.readAll();
            for (int i = 40; i < 80; ++i)
                bytes[i] = char(0x55);
            QFile corrupt(QString::fromStdString(o.inputs[1]));
            QVERIFY(corrupt.open(QIODevice::WriteOnly));
            corrupt.write(bytes);
        }
        o.output = dir.filePath(QStringLiteral("out.db")).toStdString();
        ImportResult r = importLogs(o);
        QVERIFY(!r.ok);
        QVERIFY(r.error.find("refused-corrupt-gzip.log") != std::string::npos);
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
        std::atomic<bool> cancel{true};
        o.inputs = {fixture("litellm-spendlogs.csv")};
        r = importLogs(o, {}, &cancel);
        QVERIFY(!r.ok);
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
        // An existing output stays untouched without --force.
        QFile existing(QString::fromStdString(o.output));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("keep me");
        existing.close();
        r = importLogs(o);
        QVERIFY(!r.ok);
        QVERIFY(r.error.find("--force") != std::string::npos);
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("keep me"));
    }

    // `generate --as`: each shape imports back to the synthetic investigation it came from,
    // checked against truth.db with SQL over both files.
    void generatedLogs_data()
    {
        QTest::addColumn<int>("shape");
        QTest::addRow("litellm-csv") << int(LogShape::LiteLlmCsv);
        QTest::addRow("otlp-json") << int(LogShape::OtlpJson);
        QTest::addRow("jsonl") << int(LogShape::Jsonl);
    }
    void generatedLogs()
    {
        QFETCH(int, shape);
        QTemporaryDir dir;
        GenerateOptions g;
        g.scale = GenerateScale::Tiny;
        const GenerateLogsResult logs = generateLogs(dir.path(), LogShape(shape), g);
        QVERIFY2(logs.ok, qPrintable(logs.error));
        const QString truth = dir.filePath(QStringLiteral("truth.db"));
        QCOMPARE(double(logs.requests), test::queryNumber(truth, QStringLiteral("SELECT count(*) FROM exchanges")));
        ImportOptions o;
        if (LogShape(shape) == LogShape::Jsonl)
            o.mapFile = dir.filePath(QStringLiteral("map.toml")).toStdString();
        o.inputs = {dir.filePath(LogShape(shape) == LogShape::LiteLlmCsv ? QStringLiteral("requests.csv") : QStringLiteral("requests.jsonl")).toStdString()};
        o.accountsCsv = dir.filePath(QStringLiteral("accounts.csv")).toStdString();
        o.modelsCsv = dir.filePath(QStringLiteral("models.csv")).toStdString();
        o.output = dir.filePath(QStringLiteral("imported.db")).toStdString();
        const ImportResult r = importLogs(o);
        QVERIFY2(r.ok, r.error.c_str());
        QVERIFY(r.issues.empty());
        QCOMPARE(r.requests, logs.requests);
        const QString db = QString::fromStdString(o.output);
        // Per account and model: the same exchange counts, times and tokens as the truth.
        const QString perAccount = QStringLiteral(
            "SELECT count(*) FROM (SELECT a.external_ref, m.name, count(*) n, sum(e.ts) t, sum(e.prompt_tokens) p "
            "FROM %1exchanges e JOIN %1accounts a ON a.id = e.account_id JOIN %1models m ON m.id = e.model_id "
            "GROUP BY 1, 2 EXCEPT SELECT a.external_ref, m.name, count(*), sum(e.ts), sum(e.prompt_tokens) "
            "FROM %2exchanges e JOIN %2accounts a ON a.id = e.account_id JOIN %2models m ON m.id = e.model_id GROUP BY 1, 2)");
        QCOMPARE(queryWithTruth(db, truth, perAccount.arg(QStringLiteral("truth."), QStringLiteral("main."))), 0.0);
        QCOMPARE(queryWithTruth(db, truth, perAccount.arg(QStringLiteral("main."), QStringLiteral("truth."))), 0.0);
        // --accounts brought the payment fingerprints; --models the release times.
        QCOMPARE(queryWithTruth(db, truth, QStringLiteral("SELECT count(*) FROM accounts a JOIN truth.accounts t "
                                                              "ON t.external_ref = a.external_ref WHERE t.payment_fingerprint IS NOT a.payment_fingerprint")), 0.0);
        QCOMPARE(queryWithTruth(db, truth, QStringLiteral("SELECT count(*) FROM models m JOIN truth.models t ON t.name = m.name "
                                                              "WHERE t.released_at <> m.released_at")), 0.0);
        // Prompt families against the generator's templates: every template's exchanges in one
        // family (completeness), and families that do not mix templates (purity).
        const double templates = test::queryNumber(truth, QStringLiteral("SELECT count(*) FROM (SELECT template_id FROM exchanges WHERE template_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1)"));
        const double split = queryWithTruth(db, truth, QStringLiteral(
            "SELECT count(*) FROM (SELECT t.template_id FROM exchanges e JOIN truth.exchanges t ON t.id = e.id "
            "WHERE t.template_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1 AND (count(DISTINCT e.template_id) > 1 OR count(e.template_id) < count(*)))"));
        const double families = test::queryNumber(db, QStringLiteral("SELECT count(*) FROM templates"));
        const double mixed = queryWithTruth(db, truth, QStringLiteral(
            "SELECT count(*) FROM (SELECT e.template_id FROM exchanges e JOIN truth.exchanges t ON t.id = e.id "
            "WHERE e.template_id IS NOT NULL GROUP BY 1 HAVING count(DISTINCT t.template_id) > 1)"));
        const double capabilityAgreement = queryWithTruth(db, truth, QStringLiteral(
            "SELECT avg(c.name = tc.name) FROM exchanges e JOIN capabilities c ON c.id = e.capability_id "
            "JOIN truth.exchanges t ON t.id = e.id JOIN truth.capabilities tc ON tc.id = t.capability_id"));
        const double cotAgreement = queryWithTruth(db, truth, QStringLiteral(
            "SELECT avg(e.cot_elicitation = t.cot_elicitation) FROM exchanges e JOIN truth.exchanges t ON t.id = e.id"));
        qInfo("%g templates with 2+ exchanges, %g split; %g families, %g mixing templates; capability agreement %.3f, cot %.3f",
              templates, split, families, mixed, capabilityAgreement, cotAgreement);
        QVERIFY(split <= 0.02 * templates);
        QVERIFY(mixed <= 0.05 * families);
        QVERIFY(capabilityAgreement >= 0.8);
        QCOMPARE(cotAgreement, 1.0);
    }

    // Ctrl+C during an import: exit code 2, no output and no temporary file left.
    void interruptLeavesNothing()
    {
        QTemporaryDir dir;
        GenerateOptions g;
        g.scale = GenerateScale::Demo; // about 165,000 requests: seconds to import, time to interrupt
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("logs")));
        const GenerateLogsResult logs = generateLogs(dir.filePath(QStringLiteral("logs")), LogShape::Jsonl, g);
        QVERIFY2(logs.ok, qPrintable(logs.error));
        QDir(dir.path()).mkpath(QStringLiteral("out"));
        const QString out = dir.filePath(QStringLiteral("out/interrupted.db"));
        QProcess p;
        p.start(QStringLiteral(HYDRASCOPE_APP),
                {QStringLiteral("import"), dir.filePath(QStringLiteral("logs/requests.jsonl")), QStringLiteral("--map"),
                 dir.filePath(QStringLiteral("logs/map.toml")), QStringLiteral("-o"), out});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(dir.filePath(QStringLiteral("out"))).isEmpty(), 30000); // the .part file exists
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("cancelled; nothing written")), "no cancel message");
        QVERIFY(QDir(dir.filePath(QStringLiteral("out"))).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    // The command line: exit codes, messages, and `hydrascope validate` on the result.
    void commandLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrHas");
        const QString logs = QStringLiteral(HYDRASCOPE_FIXTURES "/logs/");
        QTest::addRow("clean") << QStringList{logs + QStringLiteral("generic.csv"), QStringLiteral("--map"), logs + QStringLiteral("generic-csv.toml")}
                               << 0 << "read as CSV of another shape";
        QTest::addRow("skipped lines: warnings") << QStringList{logs + QStringLiteral("otel-genai.jsonl")} << 1
                                                 << "skipped 1 lines not valid JSON (first: ";
        QTest::addRow("folder") << QStringList{logs, QStringLiteral("--format"), QStringLiteral("litellm")} << 2 << "accounts.csv";
        QTest::addRow("bad format name") << QStringList{logs + QStringLiteral("otel-genai.jsonl"), QStringLiteral("--format"), QStringLiteral("xml")}
                                         << 2 << "--format must be";
        QTest::addRow("bad time") << QStringList{logs + QStringLiteral("otel-genai.jsonl"), QStringLiteral("--from"), QStringLiteral("yesterday")}
                                  << 2 << "--from 'yesterday' is not a time";
        QTest::addRow("missing input") << QStringList{logs + QStringLiteral("nothing.jsonl")} << 2 << "no such file";
        QTest::addRow("needs --map") << QStringList{logs + QStringLiteral("generic.jsonl")} << 2 << "needs --map";
    }
    void commandLine()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrHas);
        const QString out = m_dir.filePath(QStringLiteral("cli-%1.db").arg(QString::fromUtf8(QTest::currentDataTag())).replace(QLatin1Char(' '), QLatin1Char('-')));
        QProcess p;
        p.start(QStringLiteral(HYDRASCOPE_APP), QStringList{QStringLiteral("import")} + args + QStringList{QStringLiteral("-o"), out});
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == exitCode, qPrintable(err));
        QVERIFY2(err.contains(stderrHas), qPrintable(err));
        QCOMPARE(QFile::exists(out), exitCode < 2);
        if (exitCode == 2)
            return;
        QProcess v;
        v.start(QStringLiteral(HYDRASCOPE_APP), {QStringLiteral("validate"), out});
        QVERIFY(v.waitForFinished(60000));
        QVERIFY2(v.exitCode() == 0 || v.exitCode() == 1, v.readAllStandardOutput().constData());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestLogImportRun)
#include "tst_logimportrun.moc"
