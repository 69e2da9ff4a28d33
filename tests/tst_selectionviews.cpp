// SPDX-License-Identifier: GPL-3.0-or-later
// Every view follows the one selection, and every row is reachable: the Overview's cards, table
// and campaign details, the Accounts page's tabs and context menu, the Capabilities page's "over
// time", a campaign annotation's jump, the Exchanges view's filters, order, jump, Ctrl+End and
// CSV; checked on screen (offscreen) against SQL over the same file.
#include "accountspage.h"
#include "campaigncompareview.h"
#include "campaigndetails.h"
#include "capabilitiespage.h"
#include "casenavigation.h"
#include "casedata.h"
#include "displaytext.h"
#include "exchangesmodel.h"
#include "exchangespage.h"
#include "finddialog.h"
#include "fixturedb.h"
#include "loadjob.h"
#include "progress.h"
#include "qcustomplotshim.h"
#include "timelinepage.h"
#include "mainwindow.h"
#include "overviewpage.h"
#include "pageset.h"
#include "selection.h"
#include "selectionjob.h"
#include "tablepanel.h"
#include "timeutil.h"
#include "viewtables.h"

#include <QAbstractBarSeries>
#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QImage>
#include <QAction>
#include <QApplication>
#include <QPushButton>
#include <QBarCategoryAxis>
#include <QChart>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

using namespace hs;

class TestSelectionViews : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void overviewFollowsSelection();
    void campaignAnnotationNarrowsOverview();
    void campaignDetailsAndCompare();
    void accountsTabsFollowSelection();
    void linkedAccountsListEveryAccount();
    void accountsContextMenu();
    void capabilitiesOverTimeFollowsRange();
    void exchangesCtrlEndReachesLastRow();
    void exchangesFilters_data();
    void exchangesFilters();
    void exchangesTimeOrderAndJump();
    void exchangesCsv();
    void findJumps_data();
    void findJumps();

private:
    void checkComparisonCharts();
    bool select(const Selection& s);
    double sql(const QString& query) const { return test::queryNumber(m_path, query); }
    QTemporaryDir m_dir;
    QString m_path;
    MainWindow* m_window = nullptr;
    TimeRange m_middle; // a range inside the traffic that leaves out the first campaign's start
};

void TestSelectionViews::initTestCase()
{
    test::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    m_path = m_dir.filePath(QStringLiteral("evidence.db"));
    QVERIFY(test::writeTinyDb(m_path));
    const auto lo = static_cast<std::int64_t>(sql(QStringLiteral("SELECT min(ts) FROM exchanges")));
    const auto hi = static_cast<std::int64_t>(sql(QStringLiteral("SELECT max(ts) FROM exchanges")));
    m_middle = TimeRange{(lo + (hi - lo) / 2) / 3600 * 3600, (lo + (hi - lo) * 3 / 4) / 3600 * 3600};
}

void TestSelectionViews::init()
{
    m_window = new MainWindow;
    m_window->resize(1366, 768);
    m_window->show();
    QSignalSpy loaded(m_window->loadJob(), &LoadJob::finished);
    QSignalSpy figures(m_window->findChild<SelectionJob*>(), &SelectionJob::updated);
    m_window->openFile(m_path);
    QVERIFY(loaded.wait(60000));
    QVERIFY(figures.count() > 0 || figures.wait(60000));
}

void TestSelectionViews::cleanup() { delete std::exchange(m_window, nullptr); }

bool TestSelectionViews::select(const Selection& s)
{
    QSignalSpy updated(m_window->findChild<SelectionJob*>(), &SelectionJob::updated);
    m_window->selection()->set(s);
    return updated.wait(60000);
}

void TestSelectionViews::overviewFollowsSelection()
{
    auto* overview = m_window->findChild<OverviewPage*>();
    m_window->showPage(PageId::Overview);
    QCOMPARE(overview->titleText(), QStringLiteral("Whole investigation"));
    QVERIFY(overview->cardText(0).startsWith(QLocale().toString(sql(QStringLiteral("SELECT count(*) FROM exchanges")), 'f', 0)));
    Selection s = m_window->selection()->current();
    s.range = m_middle;
    QVERIFY(select(s));
    QVERIFY(overview->titleText().startsWith(QStringLiteral("Selection:")));
    const QString where = QStringLiteral(" FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE e.ts >= %1 AND e.ts < %2 "
                                         "AND (a.campaign_id IS NULL OR a.campaign_id IN (SELECT id FROM campaigns))")
                              .arg(m_middle.from).arg(m_middle.to);
    QVERIFY2(overview->cardText(0).startsWith(QLocale().toString(sql(QStringLiteral("SELECT count(*)") + where), 'f', 0) + QLatin1Char('\n')),
             qPrintable(overview->cardText(0)));
    QVERIFY(overview->cardText(1).startsWith(QLocale().toString(sql(QStringLiteral("SELECT count(DISTINCT e.account_id)") + where), 'f', 0) + QLatin1Char('\n')));
    // The campaign table: the selection's exchanges per group, every selected group a row.
    QAbstractItemModel* table = overview->table()->model();
    QAbstractItemModelTester tester(table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(table->rowCount(), int(m_window->investigation()->groupCount()));
    double sum = 0;
    for (int r = 0; r < table->rowCount(); ++r)
        sum += QLocale().toDouble(table->index(r, 1).data().toString());
    QCOMPARE(sum, sql(QStringLiteral("SELECT count(*)") + where));
    // Fewer groups: fewer rows, and the title says so.
    s.groups.assign(m_window->investigation()->groupCount(), false);
    s.groups[1] = true;
    QVERIFY(select(s));
    QCOMPARE(table->rowCount(), 1);
    QVERIFY(overview->titleText().contains(QStringLiteral("1 of %1 groups").arg(m_window->investigation()->groupCount())));
}

void TestSelectionViews::campaignAnnotationNarrowsOverview()
{
    const auto& inv = *m_window->investigation();
    Annotation a;
    a.kind = AnnotationKind::Campaign;
    a.target = inv.campaigns[1].id;
    QSignalSpy updated(m_window->findChild<SelectionJob*>(), &SelectionJob::updated);
    jumpTo(*m_window, a);
    QVERIFY(updated.wait(60000));
    auto* overview = m_window->findChild<OverviewPage*>();
    QCOMPARE(m_window->pages()->current(), PageId::Overview);
    QCOMPARE(overview->table()->model()->rowCount(), 1);
    QCOMPARE(overview->table()->model()->index(0, 0).data().toString(), inv.campaigns[1].name);
    QVERIFY(overview->cardText(0).startsWith(QLocale().toString(sql(QStringLiteral(
        "SELECT count(*) FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE a.campaign_id = %1").arg(a.target)), 'f', 0) + QLatin1Char('\n')));
}

void TestSelectionViews::campaignDetailsAndCompare()
{
    const auto& inv = *m_window->investigation();
    auto* overview = m_window->findChild<OverviewPage*>();
    m_window->showPage(PageId::Overview);
    QTableView* table = overview->table();
    table->selectRow(0);
    const QString first = table->model()->index(0, 0).data().toString();
    TableModel* details = overview->details()->model();
    QCOMPARE(details->columnCount(), 2);
    QCOMPARE(details->headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(), first);
    const CampaignInfo* c = nullptr;
    for (const CampaignInfo& campaign : inv.campaigns)
        if (campaign.name == first)
            c = &campaign;
    QVERIFY(c);
    QCOMPARE(details->index(0, 1).data().toString(), c->attributedTo);
    QCOMPARE(details->index(1, 1).data().toString(), c->status);
    QCOMPARE(details->index(3, 1).data().toString(), c->summary);
    // Two rows: side by side, each with its own exchanges.
    table->selectionModel()->select(table->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(details->columnCount(), 3);
    for (int col = 1; col <= 2; ++col) {
        const QString name = details->headerData(col, Qt::Horizontal, Qt::DisplayRole).toString();
        const QString id = name == QStringLiteral("Organic baseline") ? QString() : QString::number([&] {
            for (const CampaignInfo& campaign : inv.campaigns)
                if (campaign.name == name)
                    return campaign.id;
            return std::int64_t(-1);
        }());
        QCOMPARE(QLocale().toDouble(details->index(4, col).data().toString()),
                 sql(QStringLiteral("SELECT count(*) FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE ") +
                     (id.isEmpty() ? QStringLiteral("a.campaign_id IS NULL") : QStringLiteral("a.campaign_id = ") + id)));
    }
    QVERIFY(overview->compareButton()->isEnabled());
    overview->compareButton()->click();
    checkComparisonCharts();
    if (QTest::currentTestFailed())
        return;
    // Under a range the charts follow it: bins within it, the sums the range's exchanges.
    Selection ranged = m_window->selection()->current();
    ranged.range = m_middle;
    QVERIFY(select(ranged));
    QCOMPARE(overview->comparison()->comparison().timeline.first, binStart(m_middle.from, overview->comparison()->comparison().timeline.bin));
    checkComparisonCharts();
    // One row: no comparison.
    table->selectRow(0);
    QVERIFY(!overview->comparison()->isVisible());
    QVERIFY(!overview->compareButton()->isEnabled());
}

// The comparison's charts show compareCampaigns()' values for each compared group, computed here
// again from the selection job's figures, and each timeline adds up to the group's exchanges in SQL.
void TestSelectionViews::checkComparisonCharts()
{
    const auto& inv = *m_window->investigation();
    auto* overview = m_window->findChild<OverviewPage*>();
    CampaignCompareView* view = overview->comparison();
    QVERIFY(view->isVisible());
    const auto figures = m_window->findChild<SelectionJob*>()->figures();
    const std::vector<std::uint32_t> groups = view->comparison().groups;
    QCOMPARE(groups.size(), std::size_t(2));
    const CampaignComparison expected = compareCampaigns(inv, *figures->analysis, figures->selection, groups);
    QVERIFY(!expected.capabilities.empty());
    // Paired bars: a set per group, a bar per capability (drawn bottom-up, so read reversed).
    const auto series = view->mixChart()->series();
    QCOMPARE(series.size(), 1);
    const auto sets = static_cast<QAbstractBarSeries*>(series.front())->barSets();
    QCOMPARE(sets.size(), 2);
    for (qsizetype p = 0; p < 2; ++p) {
        const std::size_t n = expected.capabilities.size();
        QCOMPARE(std::size_t(sets[p]->count()), n);
        for (std::size_t c = 0; c < n; ++c)
            QCOMPARE(sets[p]->at(qsizetype(n - 1 - c)), expected.share[std::size_t(p)][c] * 100.0);
    }
    // Overlaid timelines: a graph per group, its values the model's, its sum the group's exchanges.
    QCustomPlot* plot = view->timePlot();
    QCOMPARE(plot->graphCount(), 2);
    const QString range = figures->selection.range ? QStringLiteral(" AND e.ts >= %1 AND e.ts < %2")
                                                         .arg(figures->selection.range->from).arg(figures->selection.range->to)
                                                   : QString();
    for (int p = 0; p < 2; ++p) {
        const std::vector<double> values = expected.overTime(std::size_t(p), inv.baselineGroup());
        std::vector<double> drawn;
        for (auto it = plot->graph(p)->data()->constBegin(); it != plot->graph(p)->data()->constEnd(); ++it)
            drawn.push_back(it->value);
        QCOMPARE(drawn, values);
        const std::uint32_t g = groups[std::size_t(p)];
        const QString who = g == inv.baselineGroup() ? QStringLiteral("a.campaign_id IS NULL")
                                                     : QStringLiteral("a.campaign_id = %1").arg(inv.campaigns[g].id);
        QCOMPARE(std::accumulate(drawn.begin(), drawn.end(), 0.0),
                 sql(QStringLiteral("SELECT count(*) FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE ") + who + range));
    }
    // Exportable like every chart (once laid out: it was hidden until two rows were chosen).
    QTRY_VERIFY(view->width() > 100 && view->height() > 100);
    const QString png = m_dir.filePath(QStringLiteral("compare.png"));
    const QString svg = m_dir.filePath(QStringLiteral("compare.svg"));
    QVERIFY(view->saveImage(png));
    QVERIFY(view->saveImage(svg));
    QVERIFY(QImage(png).width() > 100);
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly) && svgFile.readAll().contains("<svg"));
}

void TestSelectionViews::accountsTabsFollowSelection()
{
    AccountsPage* page = m_window->accountsPage();
    m_window->showPage(PageId::Accounts);
    Selection s = m_window->selection()->current();
    s.range = m_middle;
    QVERIFY(select(s));
    QTRY_VERIFY(!page->isUpdatePending());
    QCoreApplication::processEvents(); // the page's update, queued behind the figures' arrival
    const QString active = QStringLiteral("SELECT DISTINCT e.account_id FROM exchanges e WHERE e.ts >= %1 AND e.ts < %2").arg(m_middle.from).arg(m_middle.to);
    // Clusters: each row's accounts are those active in the range.
    TableModel* clusters = page->clusters()->model();
    QAbstractItemModelTester tester(clusters, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(double(clusters->rowCount()), sql(QStringLiteral(
        "SELECT count(DISTINCT cluster_id) FROM accounts a WHERE cluster_id IN (SELECT id FROM clusters) AND id IN (%1) "
        "AND (campaign_id IS NULL OR campaign_id IN (SELECT id FROM campaigns))").arg(active)));
    for (int r = 0; r < clusters->rowCount(); ++r)
        QCOMPARE(QLocale().toDouble(clusters->index(r, 2).data().toString()), sql(QStringLiteral(
            "SELECT count(*) FROM accounts a JOIN clusters c ON c.id = a.cluster_id WHERE c.name = '%1' AND a.id IN (%2) "
            "AND (a.campaign_id IS NULL OR a.campaign_id IN (SELECT id FROM campaigns))").arg(clusters->index(r, 0).data().toString(), active)));
    // Access paths: a campaign without accounts in the range shows a dash, not a share.
    const auto& inv = *m_window->investigation();
    TableModel* paths = page->accessPaths()->model();
    for (std::uint32_t g = 0; g < inv.campaigns.size(); ++g) {
        const double accounts = sql(QStringLiteral("SELECT count(*) FROM accounts WHERE campaign_id = %1 AND id IN (%2)").arg(inv.campaigns[g].id).arg(active));
        for (int r = 0; r < paths->rowCount(); ++r)
            QCOMPARE(paths->index(r, int(g) + 1).data().toString() == QStringLiteral("–"), accounts == 0);
    }
}

void TestSelectionViews::linkedAccountsListEveryAccount()
{
    AccountsPage* page = m_window->accountsPage();
    m_window->showPage(PageId::Accounts);
    QTRY_VERIFY(page->linked()->model()->rowCount() > 0);
    TableModel* linked = page->linked()->model();
    int largest = 0;
    for (int r = 1; r < linked->rowCount(); ++r)
        if (linked->index(r, 2).data(TableModel::SortRole).toDouble() > linked->index(largest, 2).data(TableModel::SortRole).toDouble())
            largest = r;
    const QString kind = linked->index(largest, kLinkedKindColumn).data().toString();
    const QString value = linked->index(largest, kLinkedValueColumn).data().toString();
    const QStringList refs = linked->index(largest, kLinkedAccountsColumn).data().toString().split(QStringLiteral(", "));
    const QStringList expected = test::queryColumn(m_path, QStringLiteral(
        "SELECT DISTINCT a.external_ref FROM indicators i JOIN accounts a ON a.id = i.account_id WHERE i.value = '%1' AND i.kind = '%2' "
        "AND (a.campaign_id IS NULL OR a.campaign_id IN (SELECT id FROM campaigns)) ORDER BY 1").arg(value, kind));
    QStringList sorted = refs;
    sorted.sort();
    QCOMPARE(sorted, expected); // every account, not examples
    QVERIFY(refs.size() > 3);
    // Double-click: the Accounts table shows exactly them.
    auto* tabs = page->findChild<QTabWidget*>();
    tabs->setCurrentWidget(page->linked());
    const QModelIndex cell = page->linked()->proxy()->mapFromSource(linked->index(largest, 0));
    Q_EMIT page->linked()->view()->doubleClicked(cell); // as the view does on a double-click
    QSortFilterProxyModel* accounts = page->accounts()->proxy();
    QStringList shown;
    for (int r = 0; r < accounts->rowCount(); ++r)
        shown << accounts->index(r, AccountRef).data().toString();
    shown.sort();
    QVERIFY2(shown == expected, qPrintable(page->accounts()->filterText() + QStringLiteral(" | ") + accounts->index(0, AccountIndicators).data().toString() + QStringLiteral(" | ") + accounts->index(0, AccountPayment).data().toString()));
    // A payment fingerprint finds its account too.
    const QString payment = test::queryColumn(m_path, QStringLiteral(
        "SELECT payment_fingerprint FROM accounts WHERE payment_fingerprint <> '' AND campaign_id IS NOT NULL LIMIT 1")).value(0);
    QVERIFY(!payment.isEmpty());
    page->accounts()->setFilterText(payment);
    QCOMPARE(double(accounts->rowCount()), sql(QStringLiteral(
        "SELECT count(*) FROM accounts a WHERE (instr(lower(payment_fingerprint), lower('%1')) > 0 OR id IN (SELECT account_id FROM indicators WHERE instr(lower(value), lower('%1')) > 0)) "
        "AND (campaign_id IS NULL OR campaign_id IN (SELECT id FROM campaigns))").arg(payment)));
    QVERIFY(accounts->rowCount() >= 1);
}

void TestSelectionViews::accountsContextMenu()
{
    AccountsPage* page = m_window->accountsPage();
    m_window->showPage(PageId::Accounts);
    QTRY_VERIFY(page->accounts()->proxy()->rowCount() > 0);
    QTableView* view = page->accounts()->view();
    view->setCurrentIndex(view->model()->index(0, 0));
    const QString ref = view->model()->index(0, AccountRef).data().toString();
    QStringList texts;
    QAction* copy = nullptr;
    QAction* exchanges = nullptr;
    QAction* timeline = nullptr;
    for (QAction* a : view->actions()) {
        texts << a->text();
        if (a->text() == QStringLiteral("Copy reference"))
            copy = a;
        if (a->text() == QStringLiteral("Show its exchanges"))
            exchanges = a;
        if (a->text() == QStringLiteral("Show on the timeline"))
            timeline = a;
    }
    QVERIFY2(texts.contains(QStringLiteral("Annotate this account...")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(copy && exchanges && timeline);
    copy->trigger();
    QCOMPARE(QApplication::clipboard()->text(), ref);
    // Created and status-changed times where the evidence has them, written as every other time.
    const double created = sql(QStringLiteral("SELECT coalesce(created_at, -1) FROM accounts WHERE external_ref = '%1'").arg(ref));
    QCOMPARE(view->model()->index(0, AccountCreated).data().toString(), created < 0 ? QString() : shortUtc(std::int64_t(created)));
    const double changed = sql(QStringLiteral("SELECT coalesce(status_changed_at, -1) FROM accounts WHERE external_ref = '%1'").arg(ref));
    QCOMPARE(view->model()->index(0, AccountStatusChanged).data().toString(), changed < 0 ? QString() : shortUtc(std::int64_t(changed)));
    QVERIFY(sql(QStringLiteral("SELECT count(*) FROM accounts WHERE status_changed_at IS NOT NULL")) > 0); // the fixture has bans
    exchanges->trigger();
    QCOMPARE(m_window->pages()->current(), PageId::Exchanges);
    ExchangesPage* ex = m_window->exchangesPage();
    QTRY_COMPARE(double(ex->model()->rowCount()), sql(QStringLiteral(
        "SELECT count(*) FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE a.external_ref = '%1'").arg(ref)));
    QSignalSpy updated(m_window->findChild<SelectionJob*>(), &SelectionJob::updated);
    view->setCurrentIndex(view->model()->index(0, 0));
    timeline->trigger();
    QCOMPARE(m_window->pages()->current(), PageId::Timeline);
    const auto& inv = *m_window->investigation();
    std::optional<std::uint32_t> account;
    for (std::uint32_t a = 0; a < inv.accounts.size(); ++a)
        if (inv.accounts[a].externalRef == ref)
            account = a;
    QVERIFY(account);
    for (std::uint32_t g = 0; g < inv.groupCount(); ++g)
        QCOMPARE(m_window->selection()->current().hasGroup(g), g == inv.accounts[*account].group);
    // The one selection names the account: the timeline's bars, and every view's figures, are its
    // exchanges alone.
    QCOMPARE(m_window->selection()->current().account, account);
    const double own = sql(QStringLiteral("SELECT count(*) FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE a.external_ref = '%1'").arg(ref));
    QVERIFY(own > 0);
    auto drawn = [this] {
        QCustomPlot* plot = m_window->timelinePage()->plot();
        double sum = 0;
        for (int i = 0; i < plot->plottableCount(); ++i) {
            QCPAbstractPlottable* p = plot->plottable(i);
            if (p->name() == QStringLiteral("Organic baseline"))
                continue;
            if (auto* bars = qobject_cast<QCPBars*>(p))
                for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
                    sum += it->value;
            else if (auto* graph = qobject_cast<QCPGraph*>(p))
                for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
                    sum += it->value;
        }
        return sum;
    };
    QTRY_COMPARE(drawn(), own);
    auto* job = m_window->findChild<SelectionJob*>();
    QTRY_VERIFY_WITH_TIMEOUT(job->figures() && job->figures()->selection.account == account, 60000);
    const auto figures = job->figures();
    QCOMPARE(double(figures->matches->size()), own);
    QAction* accountFilter = m_window->findChild<QAction*>(QStringLiteral("accountFilter"));
    QVERIFY(accountFilter && accountFilter->isVisible() && accountFilter->text().contains(ref));
    accountFilter->trigger(); // every account of the group again
    QVERIFY(!m_window->selection()->current().account);
    QVERIFY(!accountFilter->isVisible());
}

void TestSelectionViews::capabilitiesOverTimeFollowsRange()
{
    CapabilitiesPage* page = m_window->capabilitiesPage();
    m_window->showPage(PageId::Capabilities);
    const auto& inv = *m_window->investigation();
    Selection s = m_window->selection()->current();
    s.range = m_middle;
    m_window->selection()->set(s);
    const QString largest = test::queryColumn(m_path, QStringLiteral(
        "SELECT c.name FROM exchanges e JOIN accounts a ON a.id = e.account_id JOIN campaigns c ON c.id = a.campaign_id "
        "WHERE (e.ts / 3600) * 3600 >= %1 AND (e.ts / 3600) * 3600 < %2 GROUP BY c.id ORDER BY count(*) DESC LIMIT 1")
        .arg(m_middle.from).arg(m_middle.to)).value(0);
    QTRY_VERIFY(page->overTimeChart()->title().contains(QStringLiteral(" to "))); // the range's chart is in
    QVERIFY(page->overTimeChart()->title().contains(largest.toHtmlEscaped()));
    auto* axis = qobject_cast<QBarCategoryAxis*>(page->overTimeChart()->axes(Qt::Horizontal).value(0));
    QVERIFY(axis);
    QCOMPARE(double(axis->count()), sql(QStringLiteral(
        "SELECT count(DISTINCT date(e.ts, 'unixepoch', '-6 days', 'weekday 1')) FROM exchanges e JOIN accounts a ON a.id = e.account_id "
        "JOIN campaigns c ON c.id = a.campaign_id WHERE c.name = '%1' AND (e.ts / 3600) * 3600 >= %2 AND (e.ts / 3600) * 3600 < %3")
        .arg(largest).arg(m_middle.from).arg(m_middle.to)));
    Q_UNUSED(inv);
}

void TestSelectionViews::exchangesCtrlEndReachesLastRow()
{
    ExchangesPage* page = m_window->exchangesPage();
    m_window->showPage(PageId::Exchanges);
    QAbstractItemModelTester tester(page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const double total = sql(QStringLiteral("SELECT count(*) FROM exchanges e JOIN accounts a ON a.id = e.account_id "
                                            "WHERE a.campaign_id IS NULL OR a.campaign_id IN (SELECT id FROM campaigns)"));
    QTRY_COMPARE(double(page->model()->rowCount()), total); // the true count before any page is read
    QVERIFY(total > 3 * ExchangesModel::kPage);
    page->view()->setFocus();
    page->view()->setCurrentIndex(page->model()->index(0, 0));
    QTest::keyClick(page->view(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(page->view()->currentIndex().row(), page->model()->rowCount() - 1); // one keystroke
    QTRY_VERIFY(page->model()->isRowRead(page->model()->rowCount() - 1));   // its page read in the background
    const QString lastId = page->model()->index(page->model()->rowCount() - 1, ExchangesModel::Id).data().toString();
    QCOMPARE(lastId.toDouble(), sql(QStringLiteral("SELECT max(e.id) FROM exchanges e JOIN accounts a ON a.id = e.account_id "
                                                   "WHERE a.campaign_id IS NULL OR a.campaign_id IN (SELECT id FROM campaigns)")));
}

void TestSelectionViews::exchangesFilters_data()
{
    QTest::addColumn<QString>("box");
    QTest::addColumn<QString>("sqlValue"); // SQL giving the box's text (line edits) or item (combos)
    QTest::addColumn<QString>("where");
    QTest::addRow("account") << QStringLiteral("exchangesAccount")
                             << QStringLiteral("SELECT external_ref FROM accounts WHERE campaign_id IS NOT NULL ORDER BY id LIMIT 1")
                             << QStringLiteral("a.external_ref = '%1'");
    QTest::addRow("campaign") << QStringLiteral("exchangesCampaign") << QStringLiteral("SELECT name FROM campaigns ORDER BY id LIMIT 1 OFFSET 1")
                              << QStringLiteral("a.campaign_id = (SELECT id FROM campaigns WHERE name = '%1')");
    QTest::addRow("model") << QStringLiteral("exchangesModel") << QStringLiteral("SELECT name FROM models ORDER BY released_at DESC LIMIT 1")
                           << QStringLiteral("e.model_id = (SELECT id FROM models WHERE name = '%1')");
    QTest::addRow("capability") << QStringLiteral("exchangesCapability") << QStringLiteral("SELECT name FROM capabilities ORDER BY id LIMIT 1")
                                << QStringLiteral("e.capability_id = (SELECT id FROM capabilities WHERE name = '%1')");
    QTest::addRow("from") << QStringLiteral("exchangesFrom")
                          << QStringLiteral("SELECT strftime('%Y-%m-%d %H:%M', (min(ts) + max(ts)) / 2, 'unixepoch') FROM exchanges")
                          << QStringLiteral("e.ts >= CAST(strftime('%s', '%1') AS INTEGER)");
    QTest::addRow("to") << QStringLiteral("exchangesTo")
                        << QStringLiteral("SELECT strftime('%Y-%m-%d %H:%M', (min(ts) + max(ts)) / 2, 'unixepoch') FROM exchanges")
                        << QStringLiteral("e.ts < CAST(strftime('%s', '%1') AS INTEGER)");
    QTest::addRow("family") << QStringLiteral("exchangesFamily")
                            << QStringLiteral("SELECT fingerprint FROM templates ORDER BY id LIMIT 1")
                            << QStringLiteral("e.template_id = (SELECT id FROM templates WHERE fingerprint = '%1')");
}

void TestSelectionViews::exchangesFilters()
{
    QFETCH(QString, box);
    QFETCH(QString, sqlValue);
    QFETCH(QString, where);
    ExchangesPage* page = m_window->exchangesPage();
    m_window->showPage(PageId::Exchanges);
    QTRY_VERIFY(page->model()->rowCount() > 0);
    const QString value = test::queryColumn(m_path, sqlValue).value(0);
    QVERIFY(!value.isEmpty());
    QSignalSpy shown(page, &ExchangesPage::rowsShown);
    if (auto* edit = page->findChild<QLineEdit*>(box)) {
        edit->setText(value);
        Q_EMIT edit->editingFinished();
    } else {
        auto* combo = page->findChild<QComboBox*>(box);
        QVERIFY(combo);
        combo->setCurrentIndex(combo->findText(shownEvidence(value, 60))); // the list shows evidence names isolated
        QVERIFY(combo->currentIndex() > 0);
        Q_EMIT combo->activated(combo->currentIndex());
    }
    QVERIFY(shown.wait(30000));
    const double expected = sql(QStringLiteral("SELECT count(*) FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE "
                                               "(a.campaign_id IS NULL OR a.campaign_id IN (SELECT id FROM campaigns)) AND ") + where.arg(value));
    QVERIFY(expected > 0);
    QCOMPARE(double(page->model()->rowCount()), expected);
    QVERIFY(page->countText().contains(QLocale().toString(expected, 'f', 0) + QStringLiteral(" of ")));
}

void TestSelectionViews::exchangesTimeOrderAndJump()
{
    ExchangesPage* page = m_window->exchangesPage();
    m_window->showPage(PageId::Exchanges);
    QTRY_VERIFY(page->model()->rowCount() > 0);
    const QString target = QDateTime::fromSecsSinceEpoch(m_middle.from + 1800, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    QSignalSpy shown(page, &ExchangesPage::rowsShown);
    QVERIFY(page->jumpTo(target));
    QVERIFY(shown.wait(30000));
    const int row = page->view()->currentIndex().row();
    // Rows before the current one are earlier than the time, as SQL counts them.
    QCOMPARE(double(row), sql(QStringLiteral("SELECT count(*) FROM exchanges e JOIN accounts a ON a.id = e.account_id WHERE "
                                             "(a.campaign_id IS NULL OR a.campaign_id IN (SELECT id FROM campaigns)) AND e.ts < %1").arg(m_middle.from + 1800)));
    QTRY_VERIFY(page->model()->isRowRead(row));
    QTRY_VERIFY(page->model()->isRowRead(row + 20));
    // In time order: times never go back, written as everywhere else ("... UTC").
    QString previous;
    for (int r = row; r < row + 20; ++r) {
        const QString t = page->model()->index(r, ExchangesModel::Time).data().toString();
        QVERIFY(t.endsWith(QStringLiteral(" UTC")));
        QVERIFY(previous <= t);
        previous = t;
    }
    QVERIFY(page->model()->index(row, ExchangesModel::Time).data().toString() >= target);
}

void TestSelectionViews::exchangesCsv()
{
    ExchangesPage* page = m_window->exchangesPage();
    m_window->showPage(PageId::Exchanges);
    QTRY_VERIFY(page->model()->rowCount() > 0);
    auto* campaign = page->findChild<QComboBox*>(QStringLiteral("exchangesCampaign"));
    QSignalSpy shown(page, &ExchangesPage::rowsShown);
    campaign->setCurrentIndex(1);
    Q_EMIT campaign->activated(1);
    QVERIFY(shown.wait(30000));
    const QString path = m_dir.filePath(QStringLiteral("exchanges.csv"));
    QSignalSpy finished(page, &ExchangesPage::csvFinished);
    page->saveCsv(path);
    QVERIFY(finished.wait(60000));
    QVERIFY(finished.front().at(0).toBool());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size() - 2, page->model()->rowCount()); // a header, the rows, a last newline
    QVERIFY(lines[1].contains(" UTC"));
    // Cancelled: no file, and nothing half-written left behind.
    const QString cancelled = m_dir.filePath(QStringLiteral("cancelled.csv"));
    std::atomic<bool> stop{true};
    const ExchangesModel::CsvResult r = page->model()->csvJob(cancelled)(ProgressSink({}, &stop));
    QVERIFY(r.cancelled && !r.ok);
    QVERIFY(!QFile::exists(cancelled));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("cancelled*")}, QDir::Files), QStringList());
}

void TestSelectionViews::findJumps_data()
{
    QTest::addColumn<QString>("sqlValue"); // what to type
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("sqlShown"); // the refs (accounts) or names the page then shows
    QTest::addRow("account") << QStringLiteral("SELECT external_ref FROM accounts WHERE campaign_id IS NOT NULL ORDER BY id DESC LIMIT 1")
                             << int(PageId::Accounts)
                             << QStringLiteral("SELECT external_ref FROM accounts WHERE external_ref = '%1'");
    QTest::addRow("indicator") << QStringLiteral("SELECT value FROM indicators WHERE kind = 'ip' GROUP BY value HAVING count(*) > 1 ORDER BY count(*) DESC LIMIT 1")
                               << int(PageId::Accounts)
                               << QStringLiteral("SELECT DISTINCT a.external_ref FROM indicators i JOIN accounts a ON a.id = i.account_id WHERE i.kind = 'ip' AND i.value = '%1' "
                                                 "AND (a.campaign_id IS NULL OR a.campaign_id IN (SELECT id FROM campaigns))");
    QTest::addRow("campaign") << QStringLiteral("SELECT name FROM campaigns ORDER BY id DESC LIMIT 1") << int(PageId::Overview)
                              << QStringLiteral("SELECT name FROM campaigns WHERE name = '%1'");
    QTest::addRow("family") << QStringLiteral("SELECT fingerprint FROM templates ORDER BY id DESC LIMIT 1") << int(PageId::Families)
                            << QStringLiteral("SELECT '%1'");
}

// Ctrl+F, type, Enter: the page that shows it, narrowed to it.
void TestSelectionViews::findJumps()
{
    QFETCH(QString, sqlValue);
    QFETCH(int, page);
    QFETCH(QString, sqlShown);
    const QString value = test::queryColumn(m_path, sqlValue).value(0);
    QVERIFY(!value.isEmpty());
    m_window->activateWindow();
    QAction* findAction = nullptr;
    for (QAction* a : m_window->findChildren<QAction*>())
        if (a->shortcut() == QKeySequence(QKeySequence::Find))
            findAction = a;
    QVERIFY(findAction);
    findAction->trigger();
    auto* find = m_window->findChild<FindDialog*>();
    QVERIFY(find && find->isVisible());
    find->find(value);
    QVERIFY(!find->hits().empty());
    QCOMPARE(find->hits().front().value, value);
    QTest::keyClick(find->findChild<QLineEdit*>(QStringLiteral("findText")), Qt::Key_Return);
    QCOMPARE(int(m_window->pages()->current()), page);
    QStringList expected = test::queryColumn(m_path, sqlShown.arg(value));
    expected.sort();
    QStringList shown;
    if (page == int(PageId::Accounts)) {
        QSortFilterProxyModel* accounts = m_window->accountsPage()->accounts()->proxy();
        for (int r = 0; r < accounts->rowCount(); ++r)
            shown << accounts->index(r, AccountRef).data().toString();
    } else if (page == int(PageId::Overview)) {
        QSignalSpy updated(m_window->findChild<SelectionJob*>(), &SelectionJob::updated);
        QVERIFY(updated.wait(60000));
        QAbstractItemModel* table = m_window->findChild<OverviewPage*>()->table()->model();
        for (int r = 0; r < table->rowCount(); ++r)
            shown << table->index(r, 0).data().toString();
    } else {
        auto* families = m_window->findChild<TablePanel*>(QStringLiteral("familiesTable"));
        QVERIFY(families);
        shown << families->filterText();
    }
    shown.sort();
    QCOMPARE(shown, expected);
}

QTEST_MAIN(TestSelectionViews)
#include "tst_selectionviews.moc"
