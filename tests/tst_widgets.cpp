// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard offscreen, driven as a reviewer would: open, switch views, zoom, select a range.
#include "accountspage.h"
#include "capabilitiespage.h"
#include "analysis.h"
#include "familiespage.h"
#include "displaytext.h"
#include "exchangespage.h"
#include "fixturedb.h"
#include "lazyupdate.h"
#include "generator.h"
#include "generatorstory.h"
#include "loadjob.h"
#include "mainwindow.h"
#include "markerdelegate.h"
#include "overviewpage.h"
#include "qcustomplotshim.h"
#include "selection.h"
#include "selectionbar.h"
#include "selectionjob.h"
#include "tablemodel.h"
#include "tablepanel.h"
#include "timelinepage.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QFileInfo>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPercentBarSeries>
#include <QPlainTextEdit>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QToolButton>
#include <QToolTip>

using namespace hs;

class TestWidgets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensAndShowsEveryView();
    void zoomChangesBins();
    void rangeSelectionFilters();
    void hiddenViewsUpdateWhenShown_data();
    void hiddenViewsUpdateWhenShown();
    void invalidFileKeepsPrevious();
    void campaignFilterFromToolbar();
    void loadCanBeCancelled();
    void hiddenCharactersShowAsMarkers();
    void sameNamedCampaignsKeepTheirLabels();
    void longCellsShowShortKeepWhole();

private:
    bool open(MainWindow& w, const QString& path);
    bool selectRange(MainWindow& w, std::int64_t from, std::int64_t to);
    QTemporaryDir m_dir;
    QString m_path;
};

// Distinct colours on a 5-pixel grid of an image.
static qsizetype colourCount(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 5)
        for (int x = 0; x < image.width(); x += 5)
            colours.insert(image.pixel(x, y));
    return colours.size();
}

bool TestWidgets::open(MainWindow& w, const QString& path)
{
    QSignalSpy finished(w.loadJob(), &LoadJob::finished);
    w.openFile(path);
    return finished.wait(60000);
}

// Changes the shared selection's range and waits for the selection's figures.
bool TestWidgets::selectRange(MainWindow& w, std::int64_t from, std::int64_t to)
{
    QSignalSpy updated(w.findChild<SelectionJob*>(), &SelectionJob::updated);
    w.selection()->setRange(TimeRange{from, to});
    return updated.wait(60000);
}

namespace {

// What a view shows, as text: its tables' cells, its charts' titles, categories and values, its
// plot's series and their data. Two views showing the same thing give the same signature.
QStringList viewSignature(QWidget* view)
{
    QStringList out;
    for (QAbstractItemView* table : view->findChildren<QAbstractItemView*>()) {
        const QAbstractItemModel* m = table->model();
        for (int r = 0; m && r < m->rowCount(); ++r)
            for (int c = 0; c < m->columnCount(); ++c)
                out << m->index(r, c).data().toString();
    }
    for (QChartView* chartView : view->findChildren<QChartView*>()) {
        out << chartView->chart()->title();
        for (QAbstractAxis* axis : chartView->chart()->axes())
            if (auto* categories = qobject_cast<QBarCategoryAxis*>(axis))
                out << categories->categories();
        for (QAbstractSeries* series : chartView->chart()->series())
            for (QBarSet* set : static_cast<QPercentBarSeries*>(series)->barSets())
                for (int i = 0; i < set->count(); ++i)
                    out << set->label() + QString::number(set->at(i));
    }
    for (QCustomPlot* plot : view->findChildren<QCustomPlot*>())
        for (int i = 0; i < plot->plottableCount(); ++i) {
            double sum = 0;
            for (int k = 0; k < plot->plottable(i)->interface1D()->dataCount(); ++k)
                sum += plot->plottable(i)->interface1D()->dataMainValue(k);
            out << plot->plottable(i)->name() + QString::number(sum, 'f', 0);
        }
    return out;
}

bool updatePending(QWidget* view)
{
    const QList<LazyUpdate*> updates = view->findChildren<LazyUpdate*>();
    return std::any_of(updates.begin(), updates.end(), [](const LazyUpdate* u) { return u->isPending(); });
}

} // namespace

// A view hidden while the selection changes shows, once switched to, exactly what it shows when
// it was on screen all along.
void TestWidgets::hiddenViewsUpdateWhenShown_data()
{
    QTest::addColumn<int>("page");
    for (int page = 0; page < 6; ++page)
        QTest::addRow("page %d", page) << page;
}

void TestWidgets::hiddenViewsUpdateWhenShown()
{
    QFETCH(int, page);
    MainWindow shown, hidden;
    for (MainWindow* w : {&shown, &hidden}) {
        w->resize(1366, 768);
        w->show();
        QVERIFY(open(*w, m_path));
        QTRY_VERIFY(w->findChild<SelectionJob*>()->figures());
    }
    QVERIFY(page < shown.pages()->count());
    shown.pages()->setCurrentIndex(page);
    hidden.pages()->setCurrentIndex(page == 1 ? 2 : 1);
    QWidget* view = hidden.pages()->widget(page);
    for (MainWindow* w : {&shown, &hidden}) {
        w->selection()->setModel(0u);
        QVERIFY(selectRange(*w, story::kPivotRelease - 86400, story::kPivotRelease + 2 * 86400));
        QTest::qWait(20);
    }
    // Views that update lazily wait for the switch (the overview, cheap, takes the selection job's
    // figures at once).
    QCOMPARE(updatePending(view), !view->findChildren<LazyUpdate*>().isEmpty());
    if (updatePending(view)) // still the previous selection: the switch below has work to do
        QVERIFY(viewSignature(view) != viewSignature(shown.pages()->widget(page)));
    hidden.pages()->setCurrentIndex(page);
    QVERIFY(!updatePending(view));
    // The exchanges' pages are read in the background as they are asked for (by the signature too).
    // Some views read in the background (the exchanges' pages): wait for the shown one to have
    // its rows, then for the hidden one to match it (a fixed wait failed on a loaded machine).
    if (view == static_cast<QWidget*>(hidden.exchangesPage()))
        QTRY_VERIFY(!viewSignature(shown.pages()->widget(page)).isEmpty());
    QTRY_COMPARE(viewSignature(view), viewSignature(shown.pages()->widget(page)));
}

void TestWidgets::initTestCase()
{
    test::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("HydrascopeTests"));
    QSettings().clear();
    m_path = m_dir.filePath(QStringLiteral("evidence.db"));
    QVERIFY(test::writeTinyDb(m_path));
}

void TestWidgets::opensAndShowsEveryView()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w, m_path));
    QVERIFY(w.investigation());
    QVERIFY(w.windowTitle().contains(QStringLiteral("Synthetic investigation"))); // meta.title
    QVERIFY(w.windowTitle().contains(QStringLiteral("Hydrascope")));
    for (int i = 0; i < w.pages()->count(); ++i) {
        w.pages()->setCurrentIndex(i);
        QTest::qWait(20);
        // Painted, not blank: a page that draws nothing grabs as one colour.
        const qsizetype colours = colourCount(w.pages()->currentWidget()->grab().toImage());
        QVERIFY2(colours > 8, qPrintable(QStringLiteral("page %1 drew %2 colours").arg(i).arg(colours)));
    }
    QWidget blank; // the measure tells a blank page from a drawn one
    blank.resize(w.pages()->currentWidget()->size());
    QVERIFY(colourCount(blank.grab().toImage()) <= 8);
    QVERIFY(w.timelinePage()->plot()->plottableCount() > 1);
    QCOMPARE(w.recentFiles().value(0), QFileInfo(m_path).absoluteFilePath()); // remembered for File > Open recent
    auto* overview = w.findChild<OverviewPage*>();
    QVERIFY(overview);
    QVERIFY(overview->cardText(0).startsWith(QLocale().toString(qlonglong(w.investigation()->exchangeRows))));
    int pivots = 0;
    for (const GroupFigures& g : analyze(*w.investigation()).campaigns)
        for (const PivotFigure& p : g.pivots)
            pivots += p.pivot ? 1 : 0;
    QVERIFY(pivots >= 1); // the story's pivot at least
    QVERIFY(overview->cardText(3).startsWith(QString::number(pivots) + QLatin1Char('\n')));
    QVERIFY(overview->cardText(4).contains(QStringLiteral("Hydra-7")));
}

void TestWidgets::zoomChangesBins()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w, m_path));
    w.pages()->setCurrentWidget(w.timelinePage());
    w.timelinePage()->resetZoom();
    const Bin wide = w.timelinePage()->currentBin();
    w.timelinePage()->zoomTo(story::kPivotRelease, story::kPivotRelease + 6 * 3600);
    QCOMPARE(w.timelinePage()->currentBin(), Bin::Hour);
    QVERIFY(wide != Bin::Hour);
}

void TestWidgets::rangeSelectionFilters()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w, m_path));
    auto* accounts = w.findChild<AccountsPage*>();
    QVERIFY(accounts);
    w.pages()->setCurrentWidget(accounts);
    QTRY_VERIFY(accounts->accounts()->model()->rowCount() > 0);
    const int all = accounts->accounts()->model()->rowCount();
    const QSortFilterProxyModel* sorted = accounts->accounts()->proxy(); // most active first
    QCOMPARE(sorted->sortColumn(), 6);
    for (int r = 1; r < sorted->rowCount(); ++r)
        QVERIFY(sorted->index(r - 1, 6).data(TableModel::SortRole).toULongLong() >=
                sorted->index(r, 6).data(TableModel::SortRole).toULongLong());
    // Shift+drag across a few hours of the timeline, as a reviewer selects a range.
    TimelinePage* timeline = w.timelinePage();
    w.pages()->setCurrentWidget(timeline);
    const double release = double(story::kPivotRelease);
    timeline->zoomTo(story::kPivotRelease - 5 * 86400, story::kPivotRelease + 5 * 86400);
    QCustomPlot* plot = timeline->plot();
    const int y = plot->axisRect()->center().y();
    const int x1 = int(plot->xAxis->coordToPixel(release));
    const int x2 = int(plot->xAxis->coordToPixel(release + 2 * 86400));
    QTest::mousePress(plot, Qt::LeftButton, Qt::ShiftModifier, QPoint(x1, y));
    QTest::mouseMove(plot, QPoint((x1 + x2) / 2, y));
    QTest::mouseMove(plot, QPoint(x2, y));
    QTest::mouseRelease(plot, Qt::LeftButton, Qt::ShiftModifier, QPoint(x2, y));
    const auto& range = w.selection()->current().range;
    QVERIFY(range.has_value());
    QVERIFY(range->from <= story::kPivotRelease && range->to >= story::kPivotRelease + 86400);
    QCOMPARE(range->from % 3600, 0); // whole hours
    // The hidden accounts view waits; shown, it follows at once: only accounts active in those hours.
    auto* figures = w.findChild<SelectionJob*>();
    QTRY_VERIFY(figures->figures()->selection == w.selection()->current());
    QVERIFY(accounts->isUpdatePending());
    QCOMPARE(accounts->accounts()->model()->rowCount(), all);
    w.pages()->setCurrentWidget(accounts);
    QVERIFY(!accounts->isUpdatePending());
    QVERIFY(accounts->accounts()->model()->rowCount() < all);
    QVERIFY(accounts->accounts()->model()->rowCount() > 0);
    w.selection()->back(); // on screen, the view follows as soon as the figures arrive
    QTRY_COMPARE(accounts->accounts()->model()->rowCount(), all);
}

void TestWidgets::invalidFileKeepsPrevious()
{
    MainWindow w;
    w.show();
    QVERIFY(open(w, m_path));
    const auto before = w.investigation();
    const QString bad = m_dir.filePath(QStringLiteral("bad.db"));
    QVERIFY(test::writeDb(bad, QStringLiteral("CREATE TABLE t(x);")));
    // The error dialog is modal: note what it says and close it as soon as it shows.
    QString shown;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            shown = box->text() + QLatin1Char('\n') + box->detailedText();
            box->close();
        }
    });
    poll.start(20);
    QVERIFY(open(w, bad));
    poll.stop();
    QVERIFY2(shown.contains(QStringLiteral("bad.db is not a valid flagged-campaign database")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("table meta: required table is missing")), qPrintable(shown)); // the details say why
    QCOMPARE(w.investigation(), before);
}

void TestWidgets::campaignFilterFromToolbar()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w, m_path));
    auto* accounts = w.findChild<AccountsPage*>();
    w.pages()->setCurrentWidget(accounts);
    QTRY_VERIFY(accounts->accounts()->model()->rowCount() > 0);
    const int all = accounts->accounts()->model()->rowCount();
    auto* bar = w.findChild<SelectionBar*>();
    QVERIFY(bar);
    auto* button = bar->findChild<QToolButton*>(QStringLiteral("campaignsButton"));
    QVERIFY(button && button->menu());
    const QList<QAction*> groups = button->menu()->actions();
    QCOMPARE(groups.size(), 4); // three campaigns and the baseline
    groups.at(2)->setChecked(false); // leave out the largest campaign
    QVERIFY(!w.selection()->current().hasGroup(2));
    QTRY_VERIFY(accounts->accounts()->model()->rowCount() < all);
    QVERIFY(bar->summary().contains(QStringLiteral("groups 3 of 4")));
    // The status bar says which groups are shown.
    bool said = false;
    for (const QLabel* label : w.statusBar()->findChildren<QLabel*>())
        said = said || label->text().contains(QStringLiteral("groups 3 of 4"));
    QVERIFY(said);
}

void TestWidgets::loadCanBeCancelled()
{
    MainWindow w;
    w.show();
    QSignalSpy finished(w.loadJob(), &LoadJob::finished);
    w.openFile(m_path);
    w.loadJob()->cancel();
    QVERIFY(finished.wait(60000));
    QVERIFY(finished.at(0).at(1).value<LoadResult>().cancelled);
    QVERIFY(!w.investigation());
}

// Two campaigns of the same name: every bar of the capability chart keeps a label of its own.
void TestWidgets::sameNamedCampaignsKeepTheirLabels()
{
    const QString path = m_dir.filePath(QStringLiteral("same-names.db"));
    QVERIFY(test::writeDb(path, test::validSql() + QStringLiteral("UPDATE campaigns SET name = 'Twin';")));
    MainWindow w;
    w.show();
    QVERIFY(open(w, path));
    auto* page = w.findChild<CapabilitiesPage*>();
    QVERIFY(page);
    w.pages()->setCurrentWidget(page);
    QChart* chart = page->mixChart();
    QTRY_VERIFY(!chart->series().isEmpty());
    auto* series = qobject_cast<QPercentBarSeries*>(chart->series().front());
    QVERIFY(series && !series->barSets().isEmpty());
    auto* axis = qobject_cast<QBarCategoryAxis*>(series->attachedAxes().front());
    QVERIFY(axis);
    QTRY_COMPARE(axis->count(), int(series->barSets().front()->count()));
    const QStringList labels = axis->categories();
    // Evidence names are shown isolated, hidden characters marked (shownEvidence); the suffix is ours.
    const QString twin = shownEvidence(QStringLiteral("Twin"));
    QVERIFY2(labels.contains(twin) && labels.contains(twin + QStringLiteral(" (2)")),
             qPrintable(labels.join(QStringLiteral(" | "))));
}

// A prompt sample with a right-to-left override: the Prompt families table and the sample pane
// show the marker in its own style, never the override itself, and hovering it names the code point.
void TestWidgets::hiddenCharactersShowAsMarkers()
{
    const QString path = m_dir.filePath(QStringLiteral("hidden.db"));
    QVERIFY(QFile::exists(path) || test::writeDb(path, test::validSql())); // template 2: "<script>... \u202ereversed"
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w, path));
    auto* page = w.findChild<FamiliesPage*>();
    QVERIFY(page);
    w.pages()->setCurrentWidget(page);
    QTableView* families = nullptr;
    for (auto* panel : page->findChildren<TablePanel*>())
        if (panel->view()->accessibleName().startsWith(QStringLiteral("Prompt families")))
            families = panel->view();
    QVERIFY(families);
    QTRY_VERIFY(families->model()->rowCount() > 0);
    int row = -1;
    for (int r = 0; r < families->model()->rowCount(); ++r)
        if (families->model()->index(r, 5).data().toString().contains(QChar(0x202e)))
            row = r;
    QVERIFY2(row >= 0, "the families table holds the sample with U+202E");
    QCOMPARE(QString::fromLatin1(families->itemDelegate()->metaObject()->className()), QStringLiteral("hs::MarkerDelegate"));
    families->setCurrentIndex(families->model()->index(row, 5));
    auto* pane = page->findChild<QPlainTextEdit*>();
    QVERIFY(pane);
    const QString shown = pane->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("\u2066\u27e8RLO\u27e9\u2069reversed")), qPrintable(shown)); // an isolated marker
    QVERIFY(!shown.contains(QChar(0x202e)));
    // The marker has the marker style: its characters are drawn in the marker colour.
    QTextCursor cursor(pane->document());
    cursor.setPosition(int(shown.indexOf(QStringLiteral("RLO"))) + 1);
    QCOMPARE(cursor.charFormat().foreground().color(), markerFormat().foreground().color());
    // The table cell: the delegate names the code point under the pointer.
    const QRect cell = families->visualRect(families->model()->index(row, 5));
    families->scrollTo(families->model()->index(row, 5));
    QString tip;
    for (int x = cell.left(); x < cell.right() && tip.isEmpty(); x += 2) {
        QHelpEvent help(QEvent::ToolTip, QPoint(x, cell.center().y()), families->viewport()->mapToGlobal(QPoint(x, cell.center().y())));
        QApplication::sendEvent(families->viewport(), &help);
        if (QToolTip::isVisible() && QToolTip::text().startsWith(QStringLiteral("U+")))
            tip = QToolTip::text();
    }
    QCOMPARE(tip, QStringLiteral("U+202E RIGHT-TO-LEFT OVERRIDE"));
}

// A cell of 20,000 account references (the linked accounts of a hydra cluster) shows its start,
// cut short, while the filter box, Copy and "Save CSV" work on the whole text.
void TestWidgets::longCellsShowShortKeepWhole()
{
    QStringList refs;
    for (int i = 0; i < 20000; ++i)
        refs << QStringLiteral("acct-%1").arg(i);
    TableData t;
    t.headers = {QStringLiteral("Indicator"), QStringLiteral("Account references")};
    t.numeric = {false, false};
    t.text = {{QStringLiteral("ip 10.0.0.1"), refs.join(QStringLiteral(", "))}, {QStringLiteral("ip 10.0.0.2"), QStringLiteral("acct-x")}};
    TablePanel panel(QStringLiteral("Linked"));
    panel.resize(900, 300);
    panel.show();
    panel.setTable(t);
    const QModelIndexList found = panel.proxy()->match(panel.proxy()->index(0, 0), Qt::DisplayRole, QStringLiteral("ip 10.0.0.1"));
    QCOMPARE(found.size(), 1);
    const QModelIndex cell = found.front().siblingAtColumn(1);
    QCOMPARE(cell.data(Qt::DisplayRole).toString().size(), TableModel::kShownCharacters + 1);
    QVERIFY(cell.data(Qt::DisplayRole).toString().endsWith(QChar(0x2026)));
    QCOMPARE(cell.data(TableModel::FullTextRole).toString(), t.text[0][1]);
    QVERIFY(!panel.grab().isNull());

    panel.setFilterText(QStringLiteral("acct-19999")); // far beyond what the cell shows
    QCOMPARE(panel.proxy()->rowCount(), 1);
    panel.view()->selectionModel()->select(panel.proxy()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    panel.copySelection();
    const QString copied = QApplication::clipboard()->text();
    QVERIFY2(copied.contains(QStringLiteral("\tacct-0, acct-1, acct-2")), qPrintable(copied.left(200)));
    QVERIFY(copied.endsWith(QStringLiteral("acct-19998, acct-19999")));
    const QString csv = m_dir.filePath(QStringLiteral("linked.csv"));
    QVERIFY(panel.saveCsv(csv));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(file.readAll()).contains(QStringLiteral("acct-19999")));

    // A cut never splits a character written as two UTF-16 units.
    const QString emoji = QString(TableModel::kShownCharacters - 1, QLatin1Char('a')) + QString::fromUcs4(U"\U0001F600") + QStringLiteral("tail");
    const QString shown = TableModel::shownText(emoji);
    QVERIFY(!shown.at(shown.size() - 2).isHighSurrogate());
    QCOMPARE(shown, emoji.left(TableModel::kShownCharacters - 1) + QChar(0x2026));
    QCOMPARE(TableModel::shownText(QStringLiteral("short")), QStringLiteral("short"));
}

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
