// SPDX-License-Identifier: GPL-3.0-or-later
// Progress is reported and throttled, loads can be cancelled at every stage (the SHA-256 too),
// the newest load wins, and jobs outlive the objects that started them safely: closing during a
// load, during the hash and during a selection pass (run these under `make sanitize`).
#include "fixturedb.h"
#include "job.h"
#include "loader.h"
#include "loadjob.h"
#include "selectionjob.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <memory>

using namespace hs;

class TestLoading : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void progressRisesToOne();
    void cancelledBeforeStart();
    void cancelledMidway();
    void cancelReachesTheHash_data();
    void cancelReachesTheHash();
    void jobDeliversResult();
    void jobCancelReportsCancelled();
    void newestLoadWins();
    void closeDuringLoad();
    void closeAfterSecondOpen();
    void closeDuringHash();
    void closeDuringSelectionPass();
    void parallelPartsNeverWaitForABusyPool();

private:
    QTemporaryDir m_dir;
    QString m_big;
    QString m_padded; // small exchanges, a large file: the hash outlasts the scan
};

namespace {

// Keeps every thread of the pool busy until released: work handed to the pool meanwhile can only
// run on the thread that waits for it.
class PoolBlocker
{
public:
    PoolBlocker()
    {
        for (int i = 0; i < jobPool()->maxThreadCount(); ++i)
            jobPool()->start([this] {
                m_started.release();
                m_release.acquire();
            });
        m_started.acquire(jobPool()->maxThreadCount());
    }
    ~PoolBlocker()
    {
        m_release.release(jobPool()->maxThreadCount());
        jobPool()->waitForDone();
    }

private:
    QSemaphore m_started, m_release;
};

} // namespace

void TestLoading::initTestCase()
{
    m_big = m_dir.filePath(QStringLiteral("big.db"));
    QVERIFY(test::writeRandomDb(m_big, 11, 200000));
    m_padded = m_dir.filePath(QStringLiteral("padded.db"));
    QVERIFY(test::writeDb(m_padded, test::validSql() + QStringLiteral("CREATE TABLE padding(b BLOB);"
                                                                      "INSERT INTO padding VALUES (zeroblob(96 << 20));")));
    const LoadResult padded = loadInvestigation(m_padded);
    QVERIFY(padded.ok()); // an extra table is allowed: only the hash reads it
}

void TestLoading::progressRisesToOne()
{
    std::vector<double> seen;
    const ProgressSink sink([&](const QString&, double f) { seen.push_back(f); });
    const LoadResult r = loadInvestigation(m_big, {false, 1}, sink);
    QVERIFY(r.ok());
    QVERIFY(seen.size() >= 2);
    QCOMPARE(seen.back(), 1.0);
    QCOMPARE(seen.front(), 0.0);
    for (std::size_t i = 1; i < seen.size(); ++i)
        QVERIFY2(seen[i] >= seen[i - 1], "progress never goes back");
}

void TestLoading::cancelledBeforeStart()
{
    std::atomic<bool> cancel{true};
    const ProgressSink sink({}, &cancel);
    const LoadResult r = loadInvestigation(m_big, {true, 2}, sink);
    QVERIFY(r.cancelled);
    QVERIFY(!r.ok());
    QVERIFY(!r.findings.hasErrors()); // a cancel is not a finding about the file
}

void TestLoading::cancelledMidway()
{
    std::atomic<bool> cancel{false};
    QStringList phases;
    // Cancelled from inside the load (its first progress report), not before it started.
    const ProgressSink sink([&](const QString& phase, double) {
        phases << phase;
        cancel = true;
    }, &cancel);
    const LoadResult r = loadInvestigation(m_big, {true, 2}, sink);
    QVERIFY(r.cancelled);
    QVERIFY(!r.ok());
    QVERIFY(!phases.contains(QStringLiteral("Done")));
}

void TestLoading::cancelReachesTheHash_data()
{
    QTest::addColumn<bool>("poolBusy");
    QTest::addRow("hash beside the scan") << false;
    QTest::addRow("hash left for last") << true; // no pool thread free: the hash runs after the scan
}

// Cancelled once the scan is done and only the hash is left: the load must stop, not finish
// hashing and deliver (which froze the window on close for as long as a large file took).
void TestLoading::cancelReachesTheHash()
{
    QFETCH(bool, poolBusy);
    std::unique_ptr<PoolBlocker> blocker(poolBusy ? new PoolBlocker : nullptr);
    std::atomic<bool> cancel{false};
    QStringList phases;
    const ProgressSink sink([&](const QString& phase, double) {
        phases << phase;
        if (phase == QLatin1String("Computing the SHA-256"))
            cancel = true;
    }, &cancel);
    const LoadResult r = loadInvestigation(m_padded, {true, 2}, sink);
    QVERIFY(phases.contains(QStringLiteral("Computing the SHA-256")));
    QVERIFY(r.cancelled);
    QVERIFY(!r.ok());
    QVERIFY(!r.findings.hasErrors()); // cancelled, not "could not be hashed"
    QVERIFY(!phases.contains(QStringLiteral("Done")));
}

void TestLoading::jobDeliversResult()
{
    LoadJob job;
    QSignalSpy finished(&job, &LoadJob::finished);
    QSignalSpy progress(&job, &LoadJob::progress);
    job.start(m_big);
    QVERIFY(job.isRunning());
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toString(), m_big);
    const auto result = finished.at(0).at(1).value<LoadResult>();
    QVERIFY(result.ok());
    QVERIFY(!result.cancelled);
    QVERIFY(!result.findings.hasErrors());
    QCOMPARE(result.investigation->exchangeRows, std::int64_t(200000));
    QCOMPARE(result.investigation->evidence.sha256.size(), 64);
    QVERIFY(!job.isRunning());
    QVERIFY(progress.count() >= 1);
    QCOMPARE(progress.last().at(1).toDouble(), 1.0);
}

void TestLoading::jobCancelReportsCancelled()
{
    LoadJob job;
    QSignalSpy finished(&job, &LoadJob::finished);
    job.start(m_big);
    job.cancel();
    QVERIFY(!job.isRunning());
    QCOMPARE(finished.count(), 0); // from the event loop, never within cancel()
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(0).at(0).toString(), m_big);
    QVERIFY(finished.at(0).at(1).value<LoadResult>().cancelled);
    QVERIFY(!finished.at(0).at(1).value<LoadResult>().ok());
    job.start(m_big); // a load started right after a cancel is not reported cancelled
    job.cancel();
    job.start(m_big);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.count(), 2);
    QVERIFY(finished.at(1).at(1).value<LoadResult>().ok());
}

void TestLoading::newestLoadWins()
{
    const QString small = m_dir.filePath(QStringLiteral("small.db"));
    QVERIFY(test::writeDb(small, test::validSql()));
    LoadJob job;
    QSignalSpy finished(&job, &LoadJob::finished);
    job.start(m_big);
    job.start(small);
    QVERIFY(finished.wait(30000));
    QTest::qWait(200); // the first load, cancelled, must not report afterwards
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toString(), small);
}

// The job is gone (the window closed) while its load reports progress: nothing may reach it, and
// the load stops by itself.
void TestLoading::closeDuringLoad()
{
    auto* job = new LoadJob;
    QSignalSpy progress(job, &LoadJob::progress);
    job->start(m_big);
    QVERIFY(progress.wait(30000));
    delete job; // never waits for the load
    QVERIFY(jobPool()->waitForDone(30000));
    QCoreApplication::processEvents(); // progress the load posted meanwhile goes nowhere
}

// Closing right after opening a second file: the first load, superseded, is still running.
void TestLoading::closeAfterSecondOpen()
{
    auto* job = new LoadJob;
    job->start(m_big);
    job->start(m_padded);
    delete job;
    QVERIFY(jobPool()->waitForDone(30000));
    QCoreApplication::processEvents();
}

void TestLoading::closeDuringHash()
{
    auto* job = new LoadJob;
    QSignalSpy progress(job, &LoadJob::progress);
    QSignalSpy finished(job, &LoadJob::finished);
    job->start(m_padded); // its hash takes much longer than its scan
    QVERIFY(progress.wait(30000));
    QCOMPARE(finished.count(), 0);
    delete job;
    QVERIFY(jobPool()->waitForDone(30000));
    QCoreApplication::processEvents();
}

void TestLoading::closeDuringSelectionPass()
{
    LoadOptions options;
    options.keepColumns = true;
    const LoadResult loaded = loadInvestigation(m_big, options);
    QVERIFY(loaded.ok() && loaded.investigation->columns);
    SelectionState selection;
    selection.reset(loaded.investigation->groupCount());
    auto* job = new SelectionJob(&selection);
    QSignalSpy updated(job, &SelectionJob::updated);
    job->setInvestigation(loaded.investigation);
    QVERIFY(job->isRunning());
    QVERIFY(updated.wait(30000)); // one pass delivered, then one closed mid-way
    selection.setRange(TimeRange{1700001000, 1700001000 + 86400});
    QVERIFY(job->isRunning());
    delete job;
    QVERIFY(jobPool()->waitForDone(30000));
    QCoreApplication::processEvents();
    selection.setRange(TimeRange{1700001000, 1700001000 + 3600}); // nothing is connected any more
}

// A job that splits its work (the scan, a selection pass) while every pool thread is busy runs
// the parts itself instead of waiting: two such jobs can never wait for each other.
void TestLoading::parallelPartsNeverWaitForABusyPool()
{
    PoolBlocker blocker;
    std::vector<int> ran(4, 0);
    runInParallel(ran.size(), [&](std::size_t part) { ++ran[part]; });
    QCOMPARE(ran, std::vector<int>(4, 1));
    const LoadResult r = loadInvestigation(m_big, {true, 2});
    QVERIFY(r.ok());
}

QTEST_GUILESS_MAIN(TestLoading)
#include "tst_loading.moc"
