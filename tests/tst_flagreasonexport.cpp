// SPDX-License-Identifier: GPL-3.0-or-later
// flag_reasons in what leaves Hydrascope: the order every output shares (strongest first), the
// per-account counts, analyze --json, the bundle's flag_reasons.csv and redaction of details.
// The expected orders and counts are worked out by hand from the rows below.
#include "analysis.h"
#include "analysisjson.h"
#include "bundle.h"
#include "bundlecsv.h"
#include "fixturedb.h"
#include "flagreasonsummary.h"
#include "loader.h"
#include "presentation.h"
#include "redaction.h"
#include "reportcontent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hs;

namespace {

const QString kReasons = test::flagReasonsSql(); // what each row is: tests/fixtures/flag-reasons.sql

struct Loaded
{
    QTemporaryDir dir;
    LoadResult result;
};

std::unique_ptr<Loaded> load(const QString& sql)
{
    auto l = std::make_unique<Loaded>();
    const QString path = l->dir.filePath(QStringLiteral("evidence.db"));
    if (test::writeDb(path, sql))
        l->result = loadInvestigation(path, {false, 1});
    return l;
}

QStringList signalsOf(const Investigation& inv, const std::vector<std::uint32_t>& reasons)
{
    QStringList out;
    for (std::uint32_t i : reasons)
        out << inv.flagReasons[i].signal;
    return out;
}

std::uint32_t accountIndex(const Investigation& inv, std::int64_t id)
{
    for (std::uint32_t i = 0; i < inv.accounts.size(); ++i)
        if (inv.accounts[i].id == id)
            return i;
    return kNoIndex;
}

QJsonArray jsonCampaigns(const Investigation& inv, const Redactor* r = nullptr)
{
    return QJsonDocument::fromJson(analysisToJson(inv, analyze(inv), r)).object()[QStringLiteral("campaigns")].toArray();
}

} // namespace

class TestFlagReasonExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void order_data();
    void order();
    void campaignCounts();
    void json();
    void jsonWithoutTable();
    void csvAndRedaction_data();
    void csvAndRedaction();
    void bundleFilesOnlyWithTable();
    void presentationCopyScrubsDetails();
    void reportSection_data();
    void reportSection();
};

void TestFlagReasonExport::order_data()
{
    QTest::addColumn<qint64>("account"); // 0: campaign 1's own reasons
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("campaign 1") << qint64(0) << QStringList{QStringLiteral("near_duplicate_prompts"), QStringLiteral("cot_elicitation"), QStringLiteral("volume"), QStringLiteral("aaa"), QStringLiteral("analyst")};
    QTest::addRow("account a1") << qint64(1) << QStringList{QStringLiteral("synchronized_timing")};
    QTest::addRow("account a2") << qint64(2) << QStringList{QStringLiteral("shared_infrastructure"), QStringLiteral("synchronized_timing")};
    QTest::addRow("account a3: none") << qint64(3) << QStringList{};
}

void TestFlagReasonExport::order()
{
    QFETCH(qint64, account);
    QFETCH(QStringList, expected);
    const auto l = load(test::validSql() + kReasons);
    QVERIFY(l->result.ok());
    const Investigation& inv = *l->result.investigation;
    const std::vector<CampaignReasons> byCampaign = reasonsByCampaign(inv);
    const std::vector<std::vector<std::uint32_t>> byAccount = reasonsByAccount(inv);
    if (account == 0) {
        QCOMPARE(signalsOf(inv, byCampaign[inv.campaignIndex(1)].reasons), expected);
        return;
    }
    const std::uint32_t a = accountIndex(inv, account);
    QCOMPARE(signalsOf(inv, accountReasons(inv, a)), expected);
    QCOMPARE(signalsOf(inv, byAccount[a]), expected);
}

void TestFlagReasonExport::campaignCounts()
{
    const auto l = load(test::validSql() + kReasons);
    const Investigation& inv = *l->result.investigation;
    const std::vector<CampaignReasons> c = reasonsByCampaign(inv);
    const CampaignReasons& lantern = c[inv.campaignIndex(1)];
    QCOMPARE(lantern.accountsWithReasons, 2u);
    QCOMPARE(lantern.accountsBySignal.size(), std::size_t(2));
    QCOMPARE(lantern.accountsBySignal[0], std::make_pair(QStringLiteral("synchronized_timing"), std::uint64_t(2)));
    QCOMPARE(lantern.accountsBySignal[1], std::make_pair(QStringLiteral("shared_infrastructure"), std::uint64_t(1)));
    const CampaignReasons& copper = c[inv.campaignIndex(2)];
    QCOMPARE(copper.accountsWithReasons, 0u);
    QCOMPARE(signalsOf(inv, copper.reasons), QStringList{QStringLiteral("zzz")});
    QCOMPARE(reasonsCompact(inv, lantern.reasons, 2), QStringLiteral("near_duplicate_prompts 0.90, cot_elicitation 0.50, +3"));
}

void TestFlagReasonExport::json()
{
    const auto l = load(test::validSql() + kReasons);
    const QJsonArray campaigns = jsonCampaigns(*l->result.investigation);
    QCOMPARE(campaigns.size(), 2);
    const QJsonObject lantern = campaigns[0].toObject();
    QCOMPARE(lantern[QStringLiteral("id")].toInt(), 1);
    const QJsonArray reasons = lantern[QStringLiteral("flag_reasons")].toArray();
    QCOMPARE(reasons.size(), 5);
    QCOMPARE(reasons[0].toObject()[QStringLiteral("signal")].toString(), QStringLiteral("near_duplicate_prompts"));
    QCOMPARE(reasons[0].toObject()[QStringLiteral("score")].toDouble(), 0.9);
    QCOMPARE(reasons[0].toObject()[QStringLiteral("detail")].toString(), QStringLiteral("a1 and a2 share ip 198.51.100.7"));
    QVERIFY(reasons[4].toObject()[QStringLiteral("score")].isNull());
    QCOMPARE(lantern[QStringLiteral("accounts_with_flag_reasons")].toInt(), 2);
    const QJsonArray bySignal = lantern[QStringLiteral("account_flag_reasons_by_signal")].toArray();
    QCOMPARE(bySignal.size(), 2);
    QCOMPARE(bySignal[0].toObject()[QStringLiteral("signal")].toString(), QStringLiteral("synchronized_timing"));
    QCOMPARE(bySignal[0].toObject()[QStringLiteral("accounts")].toInt(), 2);
    const QJsonObject copper = campaigns[1].toObject();
    QVERIFY(copper[QStringLiteral("flag_reasons")].toArray()[0].toObject()[QStringLiteral("detail")].isNull());
    QCOMPARE(copper[QStringLiteral("accounts_with_flag_reasons")].toInt(), 0);
    // The keys come after lifecycle, the last key before them (docs/format.md).
    const QStringList keys = lantern.keys();
    QVERIFY(keys.contains(QStringLiteral("lifecycle")));
}

void TestFlagReasonExport::jsonWithoutTable()
{
    const auto l = load(test::validSql());
    const QByteArray json = analysisToJson(*l->result.investigation, analyze(*l->result.investigation));
    QVERIFY(!json.contains("flag_reasons"));
    QVERIFY(!json.contains("accounts_with_flag_reasons"));
}

void TestFlagReasonExport::csvAndRedaction_data()
{
    QTest::addColumn<int>("profile");
    QTest::addColumn<bool>("hidden");
    QTest::addRow("internal") << int(RedactionProfile::Internal) << false;
    QTest::addRow("policy") << int(RedactionProfile::Policy) << true;
    QTest::addRow("external") << int(RedactionProfile::External) << true;
}

void TestFlagReasonExport::csvAndRedaction()
{
    QFETCH(int, profile);
    QFETCH(bool, hidden);
    const auto l = load(test::validSql() + kReasons);
    const Investigation& inv = *l->result.investigation;
    Redactor r(static_cast<RedactionProfile>(profile));
    QString error;
    QVERIFY(r.prepare(inv, nullptr, &error));
    const QList<QByteArray> lines = flagReasonsCsv(inv, r).split('\n');
    QCOMPARE(lines.size(), 1 + 9 + 1); // header, 9 reasons, the empty piece after the last newline
    QCOMPARE(lines[0], QByteArray("id,campaign_id,campaign,account_id,external_ref,signal,score,detail\r"));
    // Campaign 1's own first, strongest first, then a1's, then a2's; then campaign 2.
    QVERIFY(lines[1].startsWith("2,1,"));
    QVERIFY(lines[6].startsWith("5,1,"));
    QVERIFY(lines[7].startsWith("7,1,"));
    QVERIFY(lines[9].startsWith("8,2,"));
    QVERIFY2(lines[2].contains("\"'=HYPERLINK(\"\"x\"\")\""), "a formula in a detail is neutralised");
    const QByteArray all = flagReasonsCsv(inv, r);
    QCOMPARE(all.contains("198.51.100.7"), !hidden);
    QCOMPARE(lines[6].contains(",a1,"), !hidden);
    const QJsonArray campaigns = jsonCampaigns(inv, &r);
    const QString detail = campaigns[0].toObject()[QStringLiteral("flag_reasons")].toArray()[0].toObject()[QStringLiteral("detail")].toString();
    QCOMPARE(detail.contains(QLatin1String("198.51.100.7")), !hidden);
    QCOMPARE(detail.contains(QLatin1String("a1")), !hidden);
    if (hidden)
        QVERIFY2(detail.contains(QLatin1String("IND-")) && detail.contains(QLatin1String("ACCT-")), qPrintable(detail));
}

void TestFlagReasonExport::bundleFilesOnlyWithTable()
{
    const auto names = [](const Investigation& inv) {
        QStringList out;
        for (const BundleFile& f : bundleFiles(inv, analyze(inv), nullptr, Redactor{}, {}))
            out << f.name;
        return out;
    };
    const auto with = load(test::validSql() + kReasons);
    QVERIFY(names(*with->result.investigation).contains(QStringLiteral("flag_reasons.csv")));
    const auto without = load(test::validSql());
    QVERIFY(!names(*without->result.investigation).contains(QStringLiteral("flag_reasons.csv")));
}

void TestFlagReasonExport::presentationCopyScrubsDetails()
{
    const auto l = load(test::validSql() + kReasons);
    const Investigation& inv = *l->result.investigation;
    Redactor r(RedactionProfile::Policy);
    QString error;
    QVERIFY(r.prepare(inv, nullptr, &error));
    const auto copy = redactedCopy(inv, r);
    QCOMPARE(copy->flagReasons.size(), inv.flagReasons.size());
    for (const FlagReason& f : copy->flagReasons) {
        QVERIFY2(!f.detail.contains(QLatin1String("198.51.100.7")), qPrintable(f.detail));
        QVERIFY2(!f.detail.contains(QLatin1String("a1")), qPrintable(f.detail));
    }
}

void TestFlagReasonExport::reportSection_data()
{
    QTest::addColumn<bool>("withTable");
    QTest::addColumn<int>("profile");
    QTest::addRow("reasons, internal") << true << int(RedactionProfile::Internal);
    QTest::addRow("reasons, policy") << true << int(RedactionProfile::Policy);
    QTest::addRow("no table") << false << int(RedactionProfile::Internal);
}

void TestFlagReasonExport::reportSection()
{
    QFETCH(bool, withTable);
    QFETCH(int, profile);
    const auto l = load(test::validSql() + (withTable ? kReasons : QString()));
    const Investigation& inv = *l->result.investigation;
    Redactor r(static_cast<RedactionProfile>(profile));
    QString error;
    QVERIFY(r.prepare(inv, nullptr, &error));
    const ReportContent c = buildReport(inv, analyze(inv), nullptr, r, {});
    QCOMPARE(c.campaigns.size(), std::size_t(2));
    const CampaignReport& lantern = c.campaigns[0].group == inv.campaignIndex(1) ? c.campaigns[0] : c.campaigns[1];
    const CampaignReport& copper = &lantern == &c.campaigns[0] ? c.campaigns[1] : c.campaigns[0];
    if (!withTable) { // nothing new for a file without reasons
        QVERIFY(!lantern.hasFlagReasons() && !copper.hasFlagReasons());
        QVERIFY(lantern.flaggedAccounts.isEmpty());
        return;
    }
    QVERIFY(lantern.hasFlagReasons());
    QCOMPARE(lantern.flagReasons.headers, (QStringList{QStringLiteral("Signal"), QStringLiteral("Score"), QStringLiteral("Detail")}));
    QCOMPARE(lantern.flagReasons.rows.size(), std::size_t(5));
    QCOMPARE(lantern.flagReasons.rows[0].mid(0, 2), (QStringList{QStringLiteral("near_duplicate_prompts"), QStringLiteral("0.90")}));
    QCOMPARE(lantern.flagReasons.rows[4].mid(0, 2), (QStringList{QStringLiteral("analyst"), QStringLiteral("no score")}));
    QCOMPARE(lantern.flagReasons.rows[0][2].contains(QLatin1String("198.51.100.7")), !r.hides());
    QVERIFY2(!lantern.flagReasons.rows[4][2].contains(QChar(0x202E)), "the override is a visible marker");
    QCOMPARE(lantern.flaggedAccounts, QStringLiteral("2 of its 2 accounts have reasons of their own, by signal:"));
    QCOMPARE(lantern.flaggedAccountsBySignal.rows.size(), std::size_t(2));
    QCOMPARE(lantern.flaggedAccountsBySignal.rows[0], (QStringList{QStringLiteral("synchronized_timing"), QStringLiteral("2")}));
    QVERIFY(copper.hasFlagReasons());
    QCOMPARE(copper.flagReasons.rows.size(), std::size_t(1));
    QCOMPARE(copper.flaggedAccounts, QStringLiteral("Its one account has no reason of its own."));
}

QTEST_GUILESS_MAIN(TestFlagReasonExport)
#include "tst_flagreasonexport.moc"
