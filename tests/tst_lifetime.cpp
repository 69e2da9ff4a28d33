// SPDX-License-Identifier: GPL-3.0-or-later
// The window closes while its background work runs: during a load, right after opening a second
// file, during the hash, during a selection pass and while the exchanges view reads a page.
// Nothing may reach the closed window (run under `make sanitize`: ASan sees any late post), and
// every job ends by itself.
#include "exchangesmodel.h"
#include "exchangespage.h"
#include "fixturedb.h"
#include "job.h"
#include "loadjob.h"
#include "mainwindow.h"
#include "selection.h"
#include "selectionjob.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace hs;

class TestLifetime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void closeDuringLoad_data();
    void closeDuringLoad();
    void closeAfterSecondOpen();
    void closeDuringSelectionPass();
    void closeWhileExchangesPageIsRead();

private:
    // A shown window that has opened `path` and has its first selection's figures.
    static MainWindow* openedWindow(const QString& path);
    static bool close(MainWindow* w);
    QTemporaryDir m_dir;
    QString m_small, m_big, m_padded;
};

void TestLifetime::initTestCase()
{
    m_small = m_dir.filePath(QStringLiteral("small.db"));
    QVERIFY(test::writeTinyDb(m_small));
    m_big = m_dir.filePath(QStringLiteral("big.db"));
    QVERIFY(test::writeRandomDb(m_big, 5, 150000));
    m_padded = m_dir.filePath(QStringLiteral("padded.db")); // the hash outlasts the scan
    QVERIFY(test::writeDb(m_padded, test::validSql() + QStringLiteral("CREATE TABLE padding(b BLOB);"
                                                                      "INSERT INTO padding VALUES (zeroblob(96 << 20));")));
}

MainWindow* TestLifetime::openedWindow(const QString& path)
{
    auto* w = new MainWindow;
    w->show();
    QSignalSpy updated(w->findChild<SelectionJob*>(), &SelectionJob::updated);
    w->openFile(path);
    if (!updated.wait(60000)) {
        delete w;
        return nullptr;
    }
    return w;
}

// Closes and destroys the window as the application does, then lets every job run out.
bool TestLifetime::close(MainWindow* w)
{
    w->close();
    delete w;
    const bool drained = jobPool()->waitForDone(60000);
    QCoreApplication::processEvents(); // whatever the jobs posted meanwhile goes nowhere
    return drained;
}

void TestLifetime::closeDuringLoad_data()
{
    QTest::addColumn<QString>("file");
    QTest::addRow("during the scan") << QStringLiteral("big.db");
    QTest::addRow("during the hash") << QStringLiteral("padded.db");
}

void TestLifetime::closeDuringLoad()
{
    QFETCH(QString, file);
    auto* w = new MainWindow;
    w->show();
    QSignalSpy progress(w->loadJob(), &LoadJob::progress);
    QSignalSpy finished(w->loadJob(), &LoadJob::finished);
    w->openFile(m_dir.filePath(file));
    QVERIFY(progress.wait(30000));
    QCOMPARE(finished.count(), 0);
    QVERIFY(close(w));
}

void TestLifetime::closeAfterSecondOpen()
{
    auto* w = new MainWindow;
    w->show();
    w->openFile(m_big);
    w->openFile(m_small); // the first load, superseded, runs on
    QVERIFY(close(w));
}

void TestLifetime::closeDuringSelectionPass()
{
    MainWindow* w = openedWindow(m_big);
    QVERIFY(w);
    auto* figures = w->findChild<SelectionJob*>();
    w->selection()->setRange(TimeRange{1700001000 - 3600, 1700001000 + 86400});
    QVERIFY(figures->isRunning());
    QVERIFY(close(w));
}

void TestLifetime::closeWhileExchangesPageIsRead()
{
    MainWindow* w = openedWindow(m_big);
    QVERIFY(w);
    auto* page = w->findChild<ExchangesPage*>();
    w->pages()->setCurrentWidget(page);
    QTRY_VERIFY(page->model()->isRowRead(0));
    const int last = page->model()->rowCount() - 1;
    QVERIFY(!page->model()->isRowRead(last));
    page->model()->requestRows(last, last);
    QVERIFY(page->model()->isFetching());
    QVERIFY(close(w));
}

QTEST_MAIN(TestLifetime)
#include "tst_lifetime.moc"
