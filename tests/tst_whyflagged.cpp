// SPDX-License-Identifier: GPL-3.0-or-later
// Flag reasons in the dashboard: the reasons table model and the Overview's column (under
// QAbstractItemModelTester), the decision annotation, the "Why flagged" dock following the
// selection and the accounts table, and File > Detect campaigns in logs....
// The rows are tests/fixtures/flag-reasons.sql (its comment gives the expected order and counts).
#include "accountspage.h"
#include "campaigntablemodel.h"
#include "caseactions.h"
#include "casecontroller.h"
#include "fixturedb.h"
#include "flagdecision.h"
#include "flagreasonsdock.h"
#include "flagreasonsmodel.h"
#include "generatorlogs.h"
#include "importdialog.h"
#include "loader.h"
#include "loadjob.h"
#include "mainwindow.h"
#include "markerdelegate.h"
#include "pageid.h"
#include "selection.h"
#include "tablepanel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace hs;

namespace {

std::uint32_t accountIndex(const Investigation& inv, std::int64_t id)
{
    for (std::uint32_t i = 0; i < inv.accounts.size(); ++i)
        if (inv.accounts[i].id == id)
            return i;
    return kNoIndex;
}

QStringList column(const QAbstractItemModel& m, int c, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, c).data(role).toString();
    return out;
}

} // namespace

class TestWhyFlagged : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reasonsModel();
    void campaignColumn_data();
    void campaignColumn();
    void decision_data();
    void decision();
    void dockFollowsSelectionAndAccount();
    void dockDecides();
    void windowDecidesIntoTheCase();
    void detectDialog();

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const Investigation> m_inv;   // with flag_reasons
    std::shared_ptr<const Investigation> m_plain; // the same file without the table
};

void TestWhyFlagged::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolateSettings(m_dir.path());
    const QString with = m_dir.filePath(QStringLiteral("with.db")), without = m_dir.filePath(QStringLiteral("without.db"));
    QVERIFY(test::writeDb(with, test::validSql() + test::flagReasonsSql()));
    QVERIFY(test::writeDb(without, test::validSql()));
    const LoadResult a = loadInvestigation(with, {false, 1});
    const LoadResult b = loadInvestigation(without, {false, 1});
    QVERIFY(a.ok() && b.ok());
    m_inv = a.investigation;
    m_plain = b.investigation;
}

void TestWhyFlagged::reasonsModel()
{
    FlagReasonsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<std::uint32_t> all;
    for (std::uint32_t i = 0; i < m_inv->flagReasons.size(); ++i)
        all.push_back(i);
    model.setReasons(m_inv, all);
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(model.columnCount(), 3);
    // Row 2 is reason 3 (analyst, no score, a right-to-left override in the detail).
    QCOMPARE(model.index(2, FlagReasonsModel::Score).data().toString(), QStringLiteral("no score"));
    // The cell holds the text as recorded (the dock's MarkerDelegate marks it); the tooltip marks it.
    QCOMPARE(model.index(2, FlagReasonsModel::Detail).data().toString(), QStringLiteral("by hand ") + QChar(0x202E) + QStringLiteral("reversed"));
    const QString marked = model.index(2, FlagReasonsModel::Detail).data(Qt::ToolTipRole).toString();
    QVERIFY2(!marked.contains(QChar(0x202E)) && marked.contains(QStringLiteral("RLO")), qPrintable(marked));
    // Markup in a detail stays text in the tooltip.
    const QString tip = model.index(0, FlagReasonsModel::Detail).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("&lt;b&gt;bold&lt;/b&gt;")) && !tip.contains(QStringLiteral("<b>")), qPrintable(tip));
    QCOMPARE(model.index(1, FlagReasonsModel::Score).data().toString(), QStringLiteral("0.90"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestWhyFlagged::campaignColumn_data()
{
    QTest::addColumn<bool>("withReasons");
    QTest::addColumn<QString>("lantern");
    QTest::addColumn<QString>("copper");
    QTest::addRow("flag_reasons") << true << "near_duplicate_prompts 0.90, cot_elicitation 0.50, volume 0.50, +2 more" << "zzz";
    QTest::addRow("no table") << false << "" << "";
}

void TestWhyFlagged::campaignColumn()
{
    QFETCH(bool, withReasons);
    QFETCH(QString, lantern);
    QFETCH(QString, copper);
    const auto inv = withReasons ? m_inv : m_plain;
    CampaignTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResults(inv, std::make_shared<const Analysis>(analyze(*inv)));
    const auto plain = [](QString s) { // shownEvidence isolates each name: compare the letters
        return s.remove(QChar(0x2068)).remove(QChar(0x2069));
    };
    QCOMPARE(plain(model.index(0, CampaignTableModel::FlagReasons).data().toString()), lantern);
    QCOMPARE(plain(model.index(1, CampaignTableModel::FlagReasons).data().toString()), copper);
    QCOMPARE(model.index(2, CampaignTableModel::FlagReasons).data().toString(), QString()); // the baseline
    const QString tip = model.index(0, CampaignTableModel::FlagReasons).data(Qt::ToolTipRole).toString();
    QCOMPARE(tip.contains(QStringLiteral("198.51.100.7")), withReasons); // the whole detail is in the tooltip
}

void TestWhyFlagged::decision_data()
{
    QTest::addColumn<qint64>("account"); // 0: about the campaign
    QTest::addColumn<bool>("confirmed");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("target");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("tag");
    QTest::addRow("confirm campaign") << qint64(0) << true << int(AnnotationKind::Campaign) << qint64(1)
                                      << "Flag confirmed: campaign Lantern <b>Ops</b>" << "flag-confirmed";
    QTest::addRow("reject campaign") << qint64(0) << false << int(AnnotationKind::Campaign) << qint64(1)
                                     << "Flag rejected: campaign Lantern <b>Ops</b>" << "flag-rejected";
    QTest::addRow("confirm account") << qint64(2) << true << int(AnnotationKind::Account) << qint64(2)
                                     << "Flag confirmed: account a2" << "flag-confirmed";
    QTest::addRow("reject account") << qint64(1) << false << int(AnnotationKind::Account) << qint64(1)
                                    << "Flag rejected: account a1" << "flag-rejected";
}

void TestWhyFlagged::decision()
{
    QFETCH(qint64, account);
    QFETCH(bool, confirmed);
    QFETCH(int, kind);
    QFETCH(qint64, target);
    QFETCH(QString, title);
    QFETCH(QString, tag);
    const std::uint32_t a = account ? accountIndex(*m_inv, account) : kNoIndex;
    const Annotation n = flagDecisionAnnotation(*m_inv, m_inv->campaignIndex(1), a,
                                                confirmed ? FlagDecision::Confirmed : FlagDecision::Rejected, {1, 6});
    QCOMPARE(int(n.kind), kind);
    QCOMPARE(n.target, target);
    QCOMPARE(n.title, title);
    QCOMPARE(n.tags, QStringList{tag});
    QVERIFY(n.note.startsWith(confirmed ? QStringLiteral("The reviewer confirmed") : QStringLiteral("The reviewer rejected")));
    QVERIFY(n.note.contains(QStringLiteral("near_duplicate_prompts (flag_reasons row 2, score 0.90)")));
    QVERIFY(n.note.contains(QStringLiteral("shared_infrastructure (flag_reasons row 7, score 0.80): pf1")));
}

void TestWhyFlagged::dockFollowsSelectionAndAccount()
{
    SelectionState selection;
    FlagReasonsDock dock(&selection, nullptr);
    QVERIFY2(qobject_cast<MarkerDelegate*>(dock.view()->itemDelegate()), "hidden characters of evidence shown as markers");
    QAbstractItemModelTester tester(dock.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    selection.reset(m_inv->groupCount());
    dock.setInvestigation(m_inv);
    QCOMPARE(dock.model()->rowCount(), 0); // every group selected: no one campaign
    QVERIFY(dock.subjectText().startsWith(QStringLiteral("Select one campaign")));
    std::vector<bool> lantern(m_inv->groupCount(), false);
    lantern[m_inv->campaignIndex(1)] = true;
    selection.setGroups(lantern);
    QCOMPARE(dock.model()->rowCount(), 5);
    QVERIFY2(dock.subjectText().contains(QStringLiteral("2 of its accounts have reasons of their own")), qPrintable(dock.subjectText()));
    QVERIFY(dock.subjectText().contains(QStringLiteral("synchronized_timing")));
    dock.showAccount(accountIndex(*m_inv, 2));
    QCOMPARE(dock.model()->rowCount(), 2);
    QVERIFY(column(*dock.model(), FlagReasonsModel::Signal).join(QLatin1Char(',')).contains(QStringLiteral("shared_infrastructure")));
    dock.showAccount(accountIndex(*m_inv, 4)); // a baseline account
    QCOMPARE(dock.model()->rowCount(), 0);
    QVERIFY(dock.subjectText().contains(QStringLiteral("in no campaign")));
    dock.showAccount(kNoIndex); // back to the selection's campaign
    QCOMPARE(dock.model()->rowCount(), 5);
    dock.setInvestigation(m_plain);
    QCOMPARE(dock.model()->rowCount(), 0);
    QVERIFY(dock.subjectText().contains(QStringLiteral("no flag_reasons table")));
}

void TestWhyFlagged::dockDecides()
{
    SelectionState selection;
    FlagReasonsDock dock(&selection, nullptr);
    selection.reset(m_inv->groupCount());
    dock.setInvestigation(m_inv);
    dock.resize(900, 260);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    dock.showAccount(accountIndex(*m_inv, 2));
    QVERIFY2(!dock.confirmButton()->isEnabled(), "no case: nothing to record the decision in");
    dock.setEditable(true, {});
    QVERIFY(dock.confirmButton()->isEnabled() && dock.rejectButton()->isEnabled());
    if (!qEnvironmentVariableIsEmpty("HYDRASCOPE_SCREENSHOT_DIR"))
        dock.grab().save(qEnvironmentVariable("HYDRASCOPE_SCREENSHOT_DIR") + QStringLiteral("/whyflagged-dock.png"));
    std::vector<Annotation> decided;
    connect(&dock, &FlagReasonsDock::decided, this, [&decided](const Annotation& a) { decided.push_back(a); });
    // One row chosen: the decision names that reason only.
    dock.view()->selectRow(1);
    QTest::mouseClick(dock.rejectButton(), Qt::LeftButton);
    QCOMPARE(decided.size(), std::size_t(1));
    Annotation a = decided.back();
    QCOMPARE(a.kind, AnnotationKind::Account);
    QCOMPARE(a.target, 2);
    QVERIFY(a.note.contains(QStringLiteral("synchronized_timing")));
    QVERIFY(!a.note.contains(QStringLiteral("shared_infrastructure")));
    // None chosen: every reason shown.
    dock.view()->clearSelection();
    QTest::mouseClick(dock.confirmButton(), Qt::LeftButton);
    QCOMPARE(decided.size(), std::size_t(2));
    a = decided.back();
    QVERIFY(a.note.contains(QStringLiteral("these 2 reasons")));
    dock.setEditable(false, QStringLiteral("read-only case"));
    QVERIFY(!dock.rejectButton()->isEnabled());
    QCOMPARE(dock.rejectButton()->toolTip(), QStringLiteral("read-only case"));
}

// The whole window: the dock follows a row chosen in the Accounts table, and Confirm writes the
// annotation into the open case file (read back by a second controller, as a colleague would).
void TestWhyFlagged::windowDecidesIntoTheCase()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QSignalSpy loaded(w.loadJob(), &LoadJob::finished);
    w.openFile(m_dir.filePath(QStringLiteral("with.db")));
    QVERIFY(loaded.wait(60000));
    auto* dock = w.findChild<FlagReasonsDock*>();
    QVERIFY(dock);
    std::vector<bool> lantern(m_inv->groupCount(), false);
    lantern[m_inv->campaignIndex(1)] = true;
    w.selection()->setGroups(lantern);
    QTRY_COMPARE(dock->model()->rowCount(), 5);
    QVERIFY2(!dock->confirmButton()->isEnabled(), "no case open yet");
    const QString casePath = m_dir.filePath(QStringLiteral("decisions.hcase"));
    w.caseActions()->createCase(casePath, QStringLiteral("reviewer"));
    CaseController* cases = w.caseActions()->controller();
    QVERIFY(cases->isOpen());
    QTRY_VERIFY(dock->confirmButton()->isEnabled());

    // A row of the Accounts table: the dock shows that account's own reasons.
    w.showPage(PageId::Accounts);
    TablePanel* accounts = w.accountsPage()->accounts();
    const QString ref = m_inv->accounts[accountIndex(*m_inv, 2)].externalRef;
    QTRY_VERIFY(!accounts->proxy()->match(accounts->proxy()->index(0, 0), Qt::DisplayRole, ref, 1, Qt::MatchExactly).isEmpty());
    const QModelIndex row = accounts->proxy()->match(accounts->proxy()->index(0, 0), Qt::DisplayRole, ref, 1, Qt::MatchExactly).front();
    accounts->view()->setCurrentIndex(row);
    QTRY_COMPARE(dock->model()->rowCount(), 2);

    const std::size_t before = cases->annotations().size();
    QTest::mouseClick(dock->confirmButton(), Qt::LeftButton);
    QTRY_COMPARE(cases->annotations().size(), before + 1);
    const Annotation written = cases->annotations().back();
    QCOMPARE(written.kind, AnnotationKind::Account);
    QCOMPARE(written.target, 2);
    QCOMPARE(written.tags, QStringList{QStringLiteral("flag-confirmed")});

    CaseController colleague;
    QString error;
    QVERIFY2(colleague.open(casePath, &error), qPrintable(error));
    const auto& read = colleague.annotations();
    QVERIFY(std::any_of(read.begin(), read.end(), [&](const Annotation& a) {
        return a.title == written.title && a.note == written.note && a.tags == written.tags;
    }));
}

void TestWhyFlagged::detectDialog()
{
    QTemporaryDir logs;
    GenerateOptions g;
    g.scale = GenerateScale::Tiny;
    QVERIFY(generateLogs(logs.path(), LogShape::LiteLlmCsv, g).ok);
    const QStringList inputs{logs.filePath(QStringLiteral("requests.csv"))};
    ImportDialog dialog(nullptr, ImportDialog::Mode::Detect);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Detect campaigns in logs"));
    dialog.setInputs(inputs);
    dialog.setSideFiles(logs.filePath(QStringLiteral("accounts.csv")), logs.filePath(QStringLiteral("models.csv")), QString());
    const QString out = m_dir.filePath(QStringLiteral("detected.db"));
    dialog.setOutput(out);
    // A thresholds file that cannot be read writes nothing.
    dialog.setThresholds(m_dir.filePath(QStringLiteral("missing.toml")));
    dialog.start();
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Nothing was written")), qPrintable(dialog.statusText()));
    QVERIFY(!QFile::exists(out));
    dialog.setThresholds({});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    if (!qEnvironmentVariableIsEmpty("HYDRASCOPE_SCREENSHOT_DIR"))
        dialog.grab().save(qEnvironmentVariable("HYDRASCOPE_SCREENSHOT_DIR") + QStringLiteral("/detectdialog.png"));
    QSignalSpy imported(&dialog, &ImportDialog::imported);
    dialog.start();
    QVERIFY(imported.wait(120000));
    QCOMPARE(imported.front().front().toString(), out);
    QVERIFY2(dialog.statusText().contains(QStringLiteral("flag reasons")), qPrintable(dialog.statusText()));
    const LoadResult r = loadInvestigation(out, {false, 1});
    QVERIFY(r.ok());
    QVERIFY(r.investigation->hasFlagReasons);
    QVERIFY(!r.investigation->flagReasons.empty());
    QVERIFY(!r.investigation->campaigns.empty());
}

QTEST_MAIN(TestWhyFlagged)
#include "tst_whyflagged.moc"
