// SPDX-License-Identifier: GPL-3.0-or-later
// Presentation mode: the guided story and saved-view slides, the redacted copy the views show,
// and the mode driven by keys offscreen: redaction forced, slides advance, Esc restores.
#include "accountspage.h"
#include "caseactions.h"
#include "annotationspanel.h"
#include "casecontroller.h"
#include "familiespage.h"
#include "fixturedb.h"
#include "generator.h"
#include "generatorstory.h"
#include "loader.h"
#include "loadjob.h"
#include "networkcanvas.h"
#include "networkpage.h"
#include "networktimebar.h"
#include "exchangespage.h"
#include "exchangesmodel.h"
#include "mainwindow.h"
#include "pageset.h"
#include "displaytext.h"
#include "presentation.h"
#include "presentationmode.h"
#include "redaction.h"
#include "selection.h"
#include "tablepanel.h"
#include "theme.h"
#include "timelinepage.h"
#include "qcustomplotshim.h"

#include <QApplication>
#include <QDialog>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QToolBar>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace hs;

namespace {

// Every cell of a model, as one list: to search for values that must not (or must) be shown.
QStringList cells(const QAbstractItemModel* m)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r)
        for (int c = 0; c < m->columnCount(); ++c)
            out << m->index(r, c).data().toString();
    return out;
}

// What differs between two view states, for the failure message.
QString differences(const WindowViewState& a, const WindowViewState& b)
{
    QStringList d;
    if (a.geometry != b.geometry)
        d << QStringLiteral("geometry");
    if (a.layout != b.layout)
        d << QStringLiteral("toolbar and dock layout");
    if (a.windowState != b.windowState)
        d << QStringLiteral("window state");
    if (a.menuBar != b.menuBar || a.statusBar != b.statusBar || a.tabBar != b.tabBar)
        d << QStringLiteral("menu, status or tab bar");
    if (a.page != b.page)
        d << QStringLiteral("page %1 -> %2").arg(pageKey(a.page), pageKey(b.page));
    if (!(a.selection == b.selection))
        d << QStringLiteral("selection");
    for (int i = 0; i < kPageIds; ++i) {
        const PageState& x = a.pages[std::size_t(i)];
        const PageState& y = b.pages[std::size_t(i)];
        for (std::size_t t = 0; t < std::min(x.tables.size(), y.tables.size()); ++t)
            if (!(x.tables[t] == y.tables[t]))
                d << QStringLiteral("%1 table %2%3").arg(pageKey(PageId(i))).arg(t).arg(x.tables[t].filter == y.tables[t].filter ? QString() : QStringLiteral(" filter"));
        if (x.tables.size() != y.tables.size() || x.splitters != y.splitters || x.values != y.values)
            d << QStringLiteral("%1 controls").arg(pageKey(PageId(i)));
    }
    if (!(a.annotations == b.annotations))
        d << QStringLiteral("annotations dock");
    return d.join(QStringLiteral(", "));
}

// The columns reach the right edge of the viewport: the last one stretched, or another one (the
// Annotations panel stretches its titles).
bool lastColumnFills(const QTableView* table)
{
    const QHeaderView* h = table->horizontalHeader();
    const int last = h->logicalIndex(h->count() - 1);
    bool stretched = h->stretchLastSection();
    for (int c = 0; c < h->count(); ++c)
        stretched = stretched || h->sectionResizeMode(c) == QHeaderView::Stretch;
    return stretched && h->sectionViewportPosition(last) + h->sectionSize(last) >= table->viewport()->width();
}

// Shows each page until its tables have arrived (hidden pages wait to be shown), then `back`.
void visitEveryPage(MainWindow& w, PageId back)
{
    for (int i = 0; i < kPageIds; ++i) {
        w.showPage(PageId(i));
        QCoreApplication::processEvents();
    }
    w.showPage(PageId::Accounts);
    QTRY_VERIFY(!w.accountsPage()->isUpdatePending());
    QTRY_VERIFY(w.accountsPage()->accounts()->model()->rowCount() > 0);
    QTRY_VERIFY(w.accountsPage()->clusters()->model()->rowCount() > 0);
    w.showPage(PageId::Families);
    QTRY_VERIFY(w.familiesPage()->families()->model()->rowCount() > 0);
    // The exchanges' first page is read in the background; its arrival sizes the columns.
    w.showPage(PageId::Exchanges);
    QTRY_VERIFY(w.exchangesPage()->model()->isRowRead(0));
    // and the header stretches its last column once laid out: a state taken before that is not
    // the one the page settles in.
    QTRY_VERIFY(lastColumnFills(w.exchangesPage()->findChild<QTableView*>()));
    w.showPage(back);
    QTest::qWait(50);
}

// Types into `edit` with the keys presentation mode uses: they must all reach it.
bool typeInto(QLineEdit* edit)
{
    edit->clear();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("ab"));
    QTest::keyClick(edit, Qt::Key_Space);
    QTest::keyClick(edit, Qt::Key_C);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClick(edit, Qt::Key_Left);
    QTest::keyClick(edit, Qt::Key_Left);
    QTest::keyClick(edit, Qt::Key_Right);
    return edit->text() == QStringLiteral("ab ") && edit->cursorPosition() == 2;
}

} // namespace

class TestPresentation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void guidedStory();
    void savedViewsAreTheSlides();
    void redactedCopyHidesValues();
    void presentAndLeave();
    void networkSlideThroughTime();
    void themeSwitchWithoutRestart();
    void escRestoresTheViewState();
    void lineEditsKeepTheirKeys();
    void aLoadEndsThePresentation();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::shared_ptr<const Investigation> m_inv;
};

void TestPresentation::initTestCase()
{
    test::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    m_path = m_dir.filePath(QStringLiteral("evidence.db"));
    QVERIFY(test::writeTinyDb(m_path));
    const LoadResult r = loadInvestigation(m_path, {});
    QVERIFY(r.ok());
    m_inv = r.investigation;
}

void TestPresentation::guidedStory()
{
    const Analysis analysis = analyze(*m_inv);
    const std::vector<Slide> slides = presentationSlides(*m_inv, analysis, {});
    QStringList pages;
    for (const Slide& s : slides)
        pages << pageKey(s.view.page);
    QCOMPARE(pages, (QStringList{QStringLiteral("overview"), QStringLiteral("timeline"), QStringLiteral("capabilities"),
                                 QStringLiteral("accounts"), QStringLiteral("network")}));
    // The timeline slide is the biggest pivot: its campaign, its release window, zoomed around it.
    const Slide& pivot = slides[1];
    QVERIFY2(pivot.title.contains(QStringLiteral("atlas-3")), qPrintable(pivot.title));
    QVERIFY(pivot.view.from && pivot.view.to);
    QVERIFY(*pivot.view.from <= story::kPivotRelease && *pivot.view.to >= story::kPivotRelease + 86400);
    QVERIFY(pivot.zoomFrom && *pivot.zoomFrom < story::kPivotRelease && *pivot.zoomTo > story::kPivotRelease);
    QCOMPARE(pivot.view.campaignIds.size(), std::size_t(1));
    // The cluster slide names the largest cluster and filters the clusters table to it.
    QVERIFY(slides[3].cluster);
    QString clusterName;
    for (const ClusterInfo& c : m_inv->clusters)
        if (c.id == *slides[3].cluster)
            clusterName = c.name;
    QVERIFY(!clusterName.isEmpty());
    QVERIFY(slides[3].title.startsWith(shownEvidence(clusterName, 60)));
    // Then the same cluster's network, animated through time.
    QCOMPARE(slides[4].networkCluster, slides[3].cluster);
    QVERIFY(!slides[3].networkCluster);
}

void TestPresentation::savedViewsAreTheSlides()
{
    SavedView a;
    a.name = QStringLiteral("First <b>view</b>");
    a.page = PageId::Capabilities;
    SavedView b;
    b.name = QStringLiteral("Pivot day");
    b.page = PageId::Timeline;
    b.from = story::kPivotRelease;
    b.to = story::kPivotRelease + 86400;
    const std::vector<Slide> slides = presentationSlides(*m_inv, analyze(*m_inv), {a, b});
    QCOMPARE(slides.size(), std::size_t(2));
    QCOMPARE(slides[0].title, shownEvidence(a.name)); // isolated, hidden characters marked
    QCOMPARE(slides[1].view, b);
    QVERIFY(slides[1].zoomFrom && *slides[1].zoomFrom < *b.from && *slides[1].zoomTo > *b.to);
}

void TestPresentation::redactedCopyHidesValues()
{
    Redactor redactor(RedactionProfile::Policy);
    QString error;
    QVERIFY2(redactor.prepare(*m_inv, nullptr, &error), qPrintable(error));
    const auto copy = redactedCopy(*m_inv, redactor);
    QCOMPARE(copy->accounts.size(), m_inv->accounts.size());
    for (std::size_t i = 0; i < copy->accounts.size(); ++i) {
        QVERIFY(copy->accounts[i].externalRef.startsWith(QStringLiteral("ACCT-")));
        QVERIFY(copy->accounts[i].externalRef != m_inv->accounts[i].externalRef);
        QCOMPARE(copy->accounts[i].group, m_inv->accounts[i].group); // figures untouched
    }
    for (std::size_t i = 0; i < copy->indicators.size(); ++i)
        QVERIFY(copy->indicators[i].value.startsWith(QStringLiteral("IND-")));
    for (std::size_t i = 0; i < copy->templates.size(); ++i)
        if (!m_inv->templates[i].sample.isEmpty())
            QVERIFY(copy->templates[i].sample.startsWith(QStringLiteral("SAMPLE-")));
    QCOMPARE(copy->exchangeRows, m_inv->exchangeRows);
    QCOMPARE(copy->campaigns[0].name, m_inv->campaigns[0].name); // campaign names are not hidden
}

void TestPresentation::presentAndLeave()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QSignalSpy loaded(w.loadJob(), &LoadJob::finished);
    w.openFile(m_path);
    QVERIFY(loaded.wait(60000));
    w.pages()->setCurrentWidget(w.accountsPage());
    TablePanel* accounts = w.accountsPage()->accounts();
    QTRY_VERIFY(accounts->model()->rowCount() > 0);
    const QString realRef = m_inv->accounts.front().externalRef;
    QTRY_VERIFY(cells(accounts->model()).contains(realRef));
    const Selection before = w.selection()->current();
    const bool couldGoBack = w.selection()->canGoBack();
    const int page = w.pages()->currentIndex();

    PresentationMode* p = w.presentation();
    QTest::keyClick(&w, Qt::Key_F5);
    QVERIFY(p->isActive());
    QVERIFY(w.windowState() & Qt::WindowFullScreen);
    QVERIFY(!w.menuBar()->isVisible());
    QVERIFY(p->badge() && p->badge()->isVisible());
    QVERIFY(p->badge()->text().contains(QStringLiteral("policy")));
    QVERIFY(p->caption()->text().startsWith(QStringLiteral("1 / 5")));
    QCOMPARE(w.pages()->currentWidget()->objectName(), QStringLiteral("overview"));
    // Arrow keys step through the slides; the one before the network is the cluster on the
    // accounts page, redacted.
    QTest::keyClick(&w, Qt::Key_Right);
    QCOMPARE(p->slideIndex(), 1);
    QCOMPARE(w.pages()->currentWidget(), static_cast<QWidget*>(w.timelinePage()));
    QVERIFY(w.selection()->current().range.has_value());
    QTest::keyClick(&w, Qt::Key_Left);
    QCOMPARE(p->slideIndex(), 0);
    QTest::keyClick(&w, Qt::Key_End);
    QCOMPARE(w.pages()->currentWidget(), static_cast<QWidget*>(w.networkPage()));
    QTest::keyClick(&w, Qt::Key_Left); // the network's first frame: back to the slide before
    QCOMPARE(w.pages()->currentWidget(), static_cast<QWidget*>(w.accountsPage()));
    QTRY_VERIFY(accounts->model()->rowCount() > 0);
    QTRY_VERIFY(cells(accounts->model()).join(QLatin1Char('\n')).contains(QStringLiteral("ACCT-")));
    for (const AccountInfo& a : m_inv->accounts)
        QVERIFY2(!cells(accounts->model()).contains(a.externalRef), qPrintable(a.externalRef));
    // The clusters table is filtered to the hydra cluster alone.
    TablePanel* clusters = w.accountsPage()->clusters();
    QTRY_VERIFY(clusters->model()->rowCount() > 1); // built on a worker
    QTRY_COMPARE(clusters->proxy()->rowCount(), 1);
    QVERIFY(p->slides()[3].title.startsWith(shownEvidence(clusters->proxy()->index(0, 0).data().toString(), 60)));

    // Esc: everything as it was.
    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(!p->isActive());
    QVERIFY(!(w.windowState() & Qt::WindowFullScreen));
    QVERIFY(w.menuBar()->isVisible());
    QVERIFY(!w.findChild<QLabel*>(QStringLiteral("presentationBadge")));
    QCOMPARE(w.pages()->currentIndex(), page);
    QCOMPARE(w.selection()->current(), before);
    QCOMPARE(w.selection()->canGoBack(), couldGoBack); // the history too: the slides left no trace
    QVERIFY(clusters->filterText().isEmpty());
    QVERIFY(accounts->filterText().isEmpty());
    QTRY_VERIFY(cells(accounts->model()).contains(realRef));
}

// The last slide: the largest cluster's network, opened whole, the arrow keys stepping its time
// window on before the slides move; accounts named by their pseudonyms.
void TestPresentation::networkSlideThroughTime()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QSignalSpy loaded(w.loadJob(), &LoadJob::finished);
    w.openFile(m_path);
    QVERIFY(loaded.wait(60000));
    PresentationMode* p = w.presentation();
    QVERIFY(p->enter());
    NetworkPage* page = w.networkPage();
    QSignalSpy laid(page, &NetworkPage::layoutReady);
    QTest::keyClick(&w, Qt::Key_End);
    QCOMPARE(w.pages()->currentWidget(), static_cast<QWidget*>(page));
    const int slide = p->slideIndex();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->graph(), 30000);
    NetworkCanvas* canvas = page->canvas();
    QVERIFY(canvas->isOpen(0));
    QCOMPARE(page->loadLimit(0), page->graph()->clusters[0].nodes.size());
    const std::int64_t end = page->timeBar()->windowTo();
    QVERIFY(end < page->timeBar()->spanTo());
    const std::size_t drawn = canvas->drawnNodes();
    QTest::keyClick(&w, Qt::Key_Right);
    QCOMPARE(p->slideIndex(), slide); // time moved, not the slide
    QVERIFY(page->timeBar()->windowTo() > end);
    QVERIFY(canvas->drawnNodes() > drawn); // accounts appear as time goes on
    QCOMPARE(w.selection()->current().range->to, page->timeBar()->windowTo());
    QTest::keyClick(&w, Qt::Key_Left);
    QCOMPARE(page->timeBar()->windowTo(), end);
    // Labels and details are pseudonyms.
    const auto order = canvas->drawnOrder();
    QVERIFY(!order.empty());
    canvas->selectNode(order.front());
    Q_EMIT canvas->nodeClicked(order.front());
    const QString details = page->details()->toPlainText();
    QVERIFY(details.contains(QStringLiteral("ACCT-")));
    for (const AccountInfo& a : m_inv->accounts)
        QVERIFY2(!details.contains(a.externalRef), qPrintable(a.externalRef));
    for (int i = 0; i < 20 && p->slideIndex() == slide; ++i)
        QTest::keyClick(&w, Qt::Key_Right);
    QCOMPARE(page->timeBar()->windowTo(), page->timeBar()->spanTo()); // the last frame: no slide after it
    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(!p->isActive());
}

// The reviewer's own layout (a wider column, another sort, a filter, the accounts page) is the
// same after Esc, field by field, and again once every table was rebuilt for the original.
void TestPresentation::escRestoresTheViewState()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QSignalSpy loaded(w.loadJob(), &LoadJob::finished);
    w.openFile(m_path);
    QVERIFY(loaded.wait(60000));
    visitEveryPage(w, PageId::Overview);
    auto* overview = w.findChild<QTableView*>(QStringLiteral("campaignTable"));
    QVERIFY(overview);
    overview->horizontalHeader()->resizeSection(0, 222);
    TablePanel* accounts = w.accountsPage()->accounts();
    accounts->view()->horizontalHeader()->resizeSection(1, 150);
    accounts->setFilterText(m_inv->campaigns.front().name);
    w.accountsPage()->clusters()->view()->sortByColumn(0, Qt::AscendingOrder);
    w.showPage(PageId::Accounts);
    QTRY_VERIFY(!w.accountsPage()->isUpdatePending());
    QVERIFY(lastColumnFills(overview));
    const WindowViewState before = w.viewState();
    QToolBar* toolbar = w.findChild<QToolBar*>();
    QVERIFY(toolbar);
    const QRect toolbarAt = toolbar->geometry();
    auto toolbarControls = [toolbar] {
        QList<QRect> out;
        for (const QWidget* child : toolbar->findChildren<QWidget*>(Qt::FindDirectChildrenOnly))
            if (child->isVisibleTo(toolbar))
                out << child->geometry();
        return out;
    };
    const QList<QRect> controlsAt = toolbarControls();

    QTest::keyClick(&w, Qt::Key_F5);
    PresentationMode* p = w.presentation();
    QVERIFY(p->isActive());
    QVERIFY(!(w.viewState() == before));
    QTest::keyClick(&w, Qt::Key_Space);
    QTest::keyClick(&w, Qt::Key_Space);
    QTest::keyClick(&w, Qt::Key_Space);
    QCOMPARE(p->slideIndex(), 3);
    QTRY_COMPARE(w.accountsPage()->clusters()->proxy()->rowCount(), 1);
    QTest::keyClick(&w, Qt::Key_Backspace);
    QCOMPARE(p->slideIndex(), 2);
    QTest::qWait(100); // the enlarged tables fit their columns
    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(!p->isActive());
    QTRY_VERIFY2(w.viewState() == before, qPrintable(differences(before, w.viewState())));
    QCOMPARE(toolbar->geometry(), toolbarAt);
    QTRY_COMPARE(toolbarControls(), controlsAt); // nothing in it shifted
    QVERIFY(lastColumnFills(overview));
    QVERIFY(lastColumnFills(w.caseActions()->panel()->view()) || !w.caseActions()->panel()->isVisible());
    visitEveryPage(w, PageId::Accounts);
    QTRY_VERIFY2(w.viewState() == before, qPrintable(differences(before, w.viewState())));
    QVERIFY(lastColumnFills(overview));
}

// Presentation mode's keys are the window's: a line edit with focus, in the window or in a
// dialog, still gets Space, Backspace and the arrows, in and out of presentation mode.
void TestPresentation::lineEditsKeepTheirKeys()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QSignalSpy loaded(w.loadJob(), &LoadJob::finished);
    w.openFile(m_path);
    QVERIFY(loaded.wait(60000));
    QLineEdit* filter = w.accountsPage()->clusters()->findChild<QLineEdit*>();
    QVERIFY(filter);
    w.showPage(PageId::Accounts);
    QVERIFY(typeInto(filter));
    QDialog dialog(&w);
    auto* edit = new QLineEdit(&dialog);
    dialog.show();
    QVERIFY(typeInto(edit));
    dialog.hide();

    PresentationMode* p = w.presentation();
    QVERIFY(p->enter());
    QTest::keyClick(&w, Qt::Key_End); // the network slide, on its first frame
    QTest::keyClick(&w, Qt::Key_Left); // the cluster slide: the accounts page, its filter boxes hidden
    const int slide = p->slideIndex();
    QCOMPARE(slide, int(p->slides().size()) - 2);
    QVERIFY(!filter->isVisible()); // a working control, not for the audience (issue 12)
    dialog.show();
    QVERIFY(typeInto(edit));
    QCOMPARE(p->slideIndex(), slide);
    dialog.hide();
    QVERIFY(p->isActive());
    QTest::keyClick(&w, Qt::Key_Home); // the window's keys still step the slides
    QCOMPARE(p->slideIndex(), 0);
    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(!p->isActive());
    QVERIFY(typeInto(filter));
    QTest::keyClick(&w, Qt::Key_Space); // out of presentation mode, nothing listens to the keys
    QVERIFY(!p->isActive());
}

// Light to dark and back in a running window: the palette, the timeline and the charts follow.
void TestPresentation::themeSwitchWithoutRestart()
{
    MainWindow w;
    w.show();
    QSignalSpy loaded(w.loadJob(), &LoadJob::finished);
    w.openFile(m_path);
    QVERIFY(loaded.wait(60000));
    QCustomPlot* plot = w.timelinePage()->plot();
    // The plot's background as painted: a corner pixel, outside the axes.
    auto corner = [plot] { return plot->toPixmap(300, 200).toImage().pixelColor(1, 1); };
    applyTheme(QStringLiteral("light"));
    const QColor lightBase = QApplication::palette().color(QPalette::Base);
    QTRY_COMPARE(corner(), lightBase);
    applyTheme(QStringLiteral("dark"));
    QVERIFY(isDarkTheme());
    const QColor darkBase = QApplication::palette().color(QPalette::Base);
    QVERIFY(darkBase.lightness() < 80);
    QTRY_COMPARE(corner(), darkBase);
    QCOMPARE(plot->xAxis->tickLabelColor(), QApplication::palette().color(QPalette::Text));
    const auto views = w.findChildren<QChartView*>();
    QVERIFY(!views.isEmpty());
    for (QChartView* view : views)
        QCOMPARE(view->chart()->backgroundBrush().color(), darkBase);
    applyTheme(QStringLiteral("light"));
    QTRY_COMPARE(corner(), lightBase);
    QVERIFY(!isDarkTheme());
}

// A file that finishes loading while presenting (opened from a case, say) ends the presentation
// first: its evidence is never shown unredacted under the badge. And no presentation starts
// while a load is running.
void TestPresentation::aLoadEndsThePresentation()
{
    MainWindow w;
    w.show();
    QSignalSpy loaded(w.loadJob(), &LoadJob::finished);
    w.openFile(m_path);
    QVERIFY(!w.presentation()->enter()); // still loading
    QVERIFY(loaded.wait(60000));
    QVERIFY(w.presentation()->enter());
    w.openFile(m_path);
    QVERIFY(loaded.wait(60000));
    QVERIFY(!w.presentation()->isActive());
    QVERIFY(w.menuBar()->isVisible());
    w.pages()->setCurrentWidget(w.accountsPage());
    QTRY_VERIFY(cells(w.accountsPage()->accounts()->model()).contains(m_inv->accounts.front().externalRef));
}

QTEST_MAIN(TestPresentation)
#include "tst_presentation.moc"
