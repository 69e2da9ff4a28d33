// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard offscreen, driven as a reviewer would: open, switch views, zoom, select a range.
#include "accountspage.h"
#include "analysis.h"
#include "familiespage.h"
#include "fixturedb.h"
#include "generator.h"
#include "generatorstory.h"
#include "loadjob.h"
#include "mainwindow.h"
#include "overviewpage.h"
#include "qcustomplotshim.h"
#include "selection.h"
#include "selectionbar.h"
#include "tablepanel.h"
#include "timelinepage.h"

#include <QApplication>
#include <QFileInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QMenu>
#include <QStatusBar>
#include <QToolButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace hs;

class TestWidgets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensAndShowsEveryView();
    void zoomChangesBins();
    void rangeSelectionFilters();
    void invalidFileKeepsPrevious();
    void campaignFilterFromToolbar();
    void loadCanBeCancelled();

private:
    bool open(MainWindow& w, const QString& path);
    QTemporaryDir m_dir;
    QString m_path;
};

bool TestWidgets::open(MainWindow& w, const QString& path)
{
    QSignalSpy finished(w.loadJob(), &LoadJob::finished);
    w.openFile(path);
    return finished.wait(60000);
}

void TestWidgets::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings in a test location, not the reviewer's
    QCoreApplication::setOrganizationName(QStringLiteral("HydrascopeTests"));
    QSettings().clear();
    // The generator's tiny investigation: 81 days, three campaigns, a pivot; a few thousand rows.
    m_path = m_dir.filePath(QStringLiteral("evidence.db"));
    GenerateOptions options;
    options.scale = GenerateScale::Tiny;
    QVERIFY(generateInvestigation(m_path, options).ok);
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
        QVERIFY(!w.pages()->currentWidget()->grab().isNull());
    }
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
    QTRY_VERIFY(accounts->accounts()->model()->rowCount() > 0);
    const int all = accounts->accounts()->model()->rowCount();
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
    // The accounts view follows: only accounts active in those hours remain.
    QTRY_VERIFY(accounts->accounts()->model()->rowCount() < all);
    QVERIFY(accounts->accounts()->model()->rowCount() > 0);
    w.selection()->back();
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
    // The error dialog is modal: close it as soon as it shows.
    QTimer::singleShot(0, [] {
        QTimer* poll = new QTimer;
        QObject::connect(poll, &QTimer::timeout, [poll] {
            if (QWidget* modal = QApplication::activeModalWidget()) {
                modal->close();
                poll->deleteLater();
            }
        });
        poll->start(20);
    });
    QVERIFY(open(w, bad));
    QCOMPARE(w.investigation(), before);
}

void TestWidgets::campaignFilterFromToolbar()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w, m_path));
    auto* accounts = w.findChild<AccountsPage*>();
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
    const auto* status = w.findChild<QStatusBar*>();
    QVERIFY(status);
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

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
