// SPDX-License-Identifier: GPL-3.0-or-later
// Progress is reported and throttled, loads can be cancelled, and the newest load wins.
#include "fixturedb.h"
#include "loader.h"
#include "loadjob.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace hs;

class TestLoading : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void progressRisesToOne();
    void cancelledBeforeStart();
    void cancelledMidway();
    void jobDeliversResult();
    void newestLoadWins();

private:
    QTemporaryDir m_dir;
    QString m_big;
};

void TestLoading::initTestCase()
{
    m_big = m_dir.filePath(QStringLiteral("big.db"));
    QVERIFY(test::writeRandomDb(m_big, 11, 200000));
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
    QVERIFY(!job.isRunning());
    QVERIFY(progress.count() >= 1);
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

QTEST_GUILESS_MAIN(TestLoading)
#include "tst_loading.moc"
