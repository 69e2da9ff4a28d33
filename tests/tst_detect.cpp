// SPDX-License-Identifier: GPL-3.0-or-later
// Campaign detection (model/detect): accuracy against the generator's ground truth with the hard
// negatives of detectscenario.h added, at tiny and demo scale, for seeds and log shapes the
// thresholds were not tuned on (they were set on the demo scale, seed 20260224, JSONL); the
// --config reader; what the detection writes (valid 1.1, reasons for every flagged account).
#include "detectconfig.h"
#include "detectrun.h"

#include "detectscenario.h"
#include "generatorlogs.h"
#include "loader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace hs;
using namespace hs::detect;

namespace {

QString runScenario(const QTemporaryDir& dir, GenerateScale scale, std::uint64_t seed, DetectRun* run,
                    const DetectConfig& config = {}, bool varied = false)
{
    GenerateOptions g;
    g.scale = scale;
    g.seed = seed;
    g.varied = varied;
    const GenerateLogsResult logs = generateLogs(dir.path(), LogShape::Jsonl, g);
    if (!logs.ok)
        return logs.error;
    QString error;
    if (!testing::appendHardNegatives(dir.path(), seed, &error))
        return error;
    logimport::ImportOptions o;
    o.inputs = {dir.filePath(QStringLiteral("requests.jsonl")).toStdString()};
    o.mapFile = dir.filePath(QStringLiteral("map.toml")).toStdString();
    o.accountsCsv = dir.filePath(QStringLiteral("accounts.csv")).toStdString();
    o.modelsCsv = dir.filePath(QStringLiteral("models.csv")).toStdString();
    o.output = dir.filePath(QStringLiteral("detected.db")).toStdString();
    *run = detectLogs(o, config);
    return run->import.ok ? QString() : QString::fromStdString(run->import.error);
}

} // namespace

class TestDetect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accuracy_data()
    {
        QTest::addColumn<int>("scale");
        QTest::addColumn<qulonglong>("seed");
        QTest::addColumn<bool>("varied");
        QTest::addRow("demo, tuning seed") << int(GenerateScale::Demo) << qulonglong(20260224) << false;
        QTest::addRow("demo, unseen seed 99") << int(GenerateScale::Demo) << qulonglong(99) << false;
        QTest::addRow("tiny, unseen seed 20260224") << int(GenerateScale::Tiny) << qulonglong(20260224) << false;
        QTest::addRow("tiny, unseen seed 5") << int(GenerateScale::Tiny) << qulonglong(5) << false;
        // --varied: campaigns with their own language, templates, timing, payment sharing and
        // organic-looking accounts; none of these seeds was looked at while setting the thresholds.
        for (const qulonglong seed : {11ull, 12ull, 13ull, 14ull})
            QTest::addRow("demo, varied, seed %llu", seed) << int(GenerateScale::Demo) << seed << true;
        // Not at tiny scale: there a varied campaign may have accounts with one to three requests
        // in eighty days, below any behavioural evidence; bench_detect reports those figures
        // (docs/detection.md, "Limits").
    }
    void accuracy()
    {
        QFETCH(int, scale);
        QFETCH(qulonglong, seed);
        QFETCH(bool, varied);
        QTemporaryDir dir;
        DetectRun run;
        const QString error = runScenario(dir, GenerateScale(scale), seed, &run, {}, varied);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const testing::Accuracy acc = testing::measureAccuracy(dir.filePath(QStringLiteral("detected.db")),
                                                               dir.filePath(QStringLiteral("ground-truth.csv")));
        QVERIFY2(acc.error.isEmpty(), qPrintable(acc.error));
        qInfo("precision %.4f recall %.4f ARI %.4f (%lld flagged, %lld true positives, %lld campaign accounts)", acc.precision,
              acc.recall, acc.ari, qlonglong(acc.flagged), qlonglong(acc.truePositives), qlonglong(acc.positives));
        if (acc.recall < 0.97 || acc.precision < 0.99)
            qInfo("%s", detect::explainText(run).c_str());
        QVERIFY2(acc.precision >= 0.99, qPrintable(QString::number(acc.precision)));
        QVERIFY2(acc.recall >= 0.97, qPrintable(QString::number(acc.recall)));
        QVERIFY2(acc.ari >= 0.9, qPrintable(QString::number(acc.ari)));
        QCOMPARE(acc.negatives.size(), std::size_t(4));
        for (const auto& [group, counts] : acc.negatives) {
            qInfo("%s: %lld of %lld flagged", group.c_str(), qlonglong(counts.first), qlonglong(counts.second));
            QVERIFY2(double(counts.first) <= 0.01 * double(counts.second), group.c_str());
        }
        // What was written: a valid 1.1 file, every flagged account with reasons, campaigns named
        // by what they do, attributed to nobody.
        const LoadResult loaded = loadInvestigation(dir.filePath(QStringLiteral("detected.db")));
        QVERIFY(loaded.ok());
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open_v2(dir.filePath(QStringLiteral("detected.db")).toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr),
                 SQLITE_OK);
        const auto count = [db](const char* sql) {
            sqlite3_stmt* st = nullptr;
            sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
            const qint64 v = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
            sqlite3_finalize(st);
            return v;
        };
        QCOMPARE(count("SELECT count(*) FROM accounts a WHERE campaign_id IS NOT NULL AND NOT EXISTS "
                       "(SELECT 1 FROM flag_reasons r WHERE r.account_id = a.id AND r.campaign_id = a.campaign_id)"), 0);
        QCOMPARE(count("SELECT count(*) FROM campaigns c WHERE (SELECT count(*) FROM flag_reasons r WHERE r.campaign_id = c.id "
                       "AND r.account_id IS NULL) < 3"), 0);
        QCOMPARE(count("SELECT count(*) FROM campaigns WHERE attributed_to IS NOT NULL OR status <> 'active' OR name NOT LIKE 'Campaign %: %'"), 0);
        QCOMPARE(count("SELECT count(*) FROM flag_reasons WHERE score < 0 OR score > 1 OR detail IS NULL"), 0);
        QCOMPARE(count("SELECT count(*) FROM campaigns"), qint64(run.detect.campaigns.size()));
        sqlite3_close(db);
    }

    void config_data()
    {
        QTest::addColumn<QString>("toml");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::addRow("empty") << QString() << QString();
        QTest::addRow("override") << QStringLiteral("[timing]\nwindow_hours = 1.5\nmin_shared = 7\n") << QString();
        QTest::addRow("unknown section") << QStringLiteral("[timings]\nmin_shared = 7\n") << QStringLiteral("unknown section [timings]");
        QTest::addRow("unknown key") << QStringLiteral("[timing]\nmin_share = 7\n") << QStringLiteral("[timing] min_share: unknown key");
        QTest::addRow("out of range") << QStringLiteral("[capability]\nmin_jsd = 1.5\n") << QStringLiteral("from 0 to 1, not 1.5");
        QTest::addRow("not whole") << QStringLiteral("[grouping]\nmin_accounts = 2.5\n") << QStringLiteral("a whole number");
        QTest::addRow("text") << QStringLiteral("[grouping]\nmin_signals = \"3\"\n") << QStringLiteral("must be a number");
        QTest::addRow("nan") << QStringLiteral("[cot]\nmin_ratio = nan\n") << QStringLiteral("not nan");
        QTest::addRow("top-level key") << QStringLiteral("min_signals = 3\n") << QStringLiteral("unknown section [min_signals]");
        QTest::addRow("broken toml") << QStringLiteral("[timing\n") << QStringLiteral("cfg.toml: ");
    }
    void config()
    {
        QFETCH(QString, toml);
        QFETCH(QString, error);
        DetectConfig c;
        std::string message;
        const bool ok = parseDetectConfig(toml.toStdString(), "cfg.toml", &c, &message);
        QCOMPARE(ok, error.isEmpty());
        if (!ok) {
            QVERIFY2(QString::fromStdString(message).contains(error), message.c_str());
            QCOMPARE(c.minShared, DetectConfig().minShared); // untouched on error
        }
        if (std::string(QTest::currentDataTag()) == "override") {
            QCOMPARE(c.windowHours, 1.5);
            QCOMPARE(c.minShared, 7);
        }
        // What --explain prints reads back to the same configuration.
        DetectConfig back;
        QVERIFY(parseDetectConfig(detectConfigToml(c), "printed", &back, &message));
        QCOMPARE(detectConfigToml(back), detectConfigToml(c));
    }

    void thresholdsMatter()
    {
        // A test that cannot fail is a defect: asking for more agreeing signals than exist flags nothing.
        QTemporaryDir dir;
        DetectConfig strict;
        strict.minSignals = 7;
        strict.pivotMinExcess = 1;
        DetectRun run;
        const QString error = runScenario(dir, GenerateScale::Tiny, 20260224, &run, strict);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(run.detect.campaigns.size(), std::size_t(0));
        QVERIFY(!run.detect.unflagged.empty());
    }

    void commandLine()
    {
        // `hydrascope detect`: a bad --config is refused before anything is read (exit 2, no file);
        // --explain prints each campaign's signals on stdout.
        QTemporaryDir dir;
        GenerateOptions g;
        g.scale = GenerateScale::Tiny;
        QVERIFY(generateLogs(dir.path(), LogShape::Jsonl, g).ok);
        QFile config(dir.filePath(QStringLiteral("detect.toml")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[timing]\nwindow_hours = -1\n");
        config.close();
        const QString out = dir.filePath(QStringLiteral("out.db"));
        const QStringList common{QStringLiteral("detect"), dir.filePath(QStringLiteral("requests.jsonl")), QStringLiteral("--map"),
                                 dir.filePath(QStringLiteral("map.toml")), QStringLiteral("--accounts"),
                                 dir.filePath(QStringLiteral("accounts.csv")), QStringLiteral("-o"), out};
        QProcess p;
        p.start(QStringLiteral(HYDRASCOPE_APP), common + QStringList{QStringLiteral("--config"), config.fileName()});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(p.readAllStandardError().contains("[timing] window_hours: must be a number from"), "no message naming the key");
        QVERIFY(!QFile::exists(out));
        p.start(QStringLiteral(HYDRASCOPE_APP), common + QStringList{QStringLiteral("--explain")});
        QVERIFY(p.waitForFinished(120000));
        const QByteArray explained = p.readAllStandardOutput();
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(explained.contains("Campaign 1: ") && explained.contains("agrees   near_duplicate_prompts"), explained.constData());
        QVERIFY(p.readAllStandardError().contains("flagged in 3 campaigns"));
        QVERIFY(QFile::exists(out));
    }

    void adjustedRandIndex()
    {
        std::map<std::string, std::pair<std::string, std::string>> same{{"a", {"1", "x"}}, {"b", {"1", "x"}}, {"c", {"2", "y"}}, {"d", {"2", "y"}}};
        QCOMPARE(testing::adjustedRandIndex(same), 1.0);
        std::map<std::string, std::pair<std::string, std::string>> crossed{{"a", {"1", "x"}}, {"b", {"1", "y"}}, {"c", {"2", "x"}}, {"d", {"2", "y"}}};
        QVERIFY(testing::adjustedRandIndex(crossed) < 0);
    }
};

QTEST_GUILESS_MAIN(TestDetect)
#include "tst_detect.moc"
