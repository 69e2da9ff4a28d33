// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Background work, one way (docs/architecture.md).
//
// Every job and every parallel part of one runs on one thread pool, jobPool(), sized to the
// cores: work never outnumbers them, and no raw thread is ever started.
//
// A JobSlot runs one kind of job (a load, the selection's figures, a page's tables). Starting a
// job in a slot supersedes the one running there: it is cancelled and its result dropped, so the
// newest wins. The work gets a ProgressSink: its cancellation flag, and progress that travels
// through the job's QPromise and QFutureWatcher to the slot's progress() signal. Its result, a
// value, is handed to a callback on the slot's thread (the GUI thread). Nothing ever waits for a
// job: cancelling, superseding or destroying a slot returns at once. The work owns what it uses
// (captured by value or shared_ptr) and stops at its next check of the flag; only the watcher,
// which Qt disconnects from the future under a lock when it is destroyed, ever hears from it, so
// a job can never post to an object that is gone.

#include "progress.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QRunnable>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>

class QThreadPool;

namespace hs {

// The program's one pool for its own work, one thread per core.
QThreadPool* jobPool();

// One piece of work handed to the pool, joined by wait() (or the destructor). A piece no pool
// thread has started by then runs on the waiting thread instead: a job that splits its work never
// waits for a busy pool, so jobs that split theirs at the same time cannot block each other.
class PoolTask
{
public:
    PoolTask();
    explicit PoolTask(std::function<void()> work);
    ~PoolTask(); // waits
    PoolTask(const PoolTask&) = delete;
    PoolTask& operator=(const PoolTask&) = delete;

    void start(std::function<void()> work);
    void wait();

private:
    struct Done;
    class Runnable;
    std::unique_ptr<Runnable> m_runnable;
    std::shared_ptr<Done> m_done;
};

// part(0) .. part(parts - 1): part 0 on the calling thread, the others on the pool (see PoolTask).
void runInParallel(std::size_t parts, const std::function<void(std::size_t)>& part);

class JobSlot final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kProgressSteps = 1000;

    explicit JobSlot(QObject* parent = nullptr);
    ~JobSlot() override; // cancels the running job; never waits for it

    // Runs work(const ProgressSink&) on the pool; deliver(result) runs on this object's thread
    // when the job ends, unless it was cancelled or superseded meanwhile.
    template <class Work, class Deliver>
    void start(Work work, Deliver deliver);
    // Cancels the running job (nothing is delivered); false when none was running.
    bool cancel();
    bool isRunning() const { return m_current != nullptr; }

Q_SIGNALS:
    void progress(const QString& phase, double fraction); // of the running job only

private:
    std::shared_ptr<std::atomic<bool>> supersede();
    void watch(QFutureWatcherBase* watcher);
    bool finish(QFutureWatcherBase* watcher);

    QFutureWatcherBase* m_current = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

template <class Work, class Deliver>
void JobSlot::start(Work work, Deliver deliver)
{
    using T = std::decay_t<std::invoke_result_t<Work&, const ProgressSink&>>;
    const std::shared_ptr<std::atomic<bool>> cancel = supersede();
    auto* watcher = new QFutureWatcher<T>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, deliver = std::move(deliver)]() mutable {
        if (!finish(watcher))
            return;
        QFuture<T> future = watcher->future();
        if (!future.isCanceled() && future.resultCount() > 0)
            deliver(future.takeResult());
    });
    watch(watcher);
    watcher->setFuture(QtConcurrent::run(jobPool(), [work = std::move(work), cancel](QPromise<T>& promise) mutable {
        promise.setProgressRange(0, kProgressSteps);
        const ProgressSink sink(
            [&promise](const QString& phase, double fraction) {
                promise.setProgressValueAndText(static_cast<int>(fraction * kProgressSteps), phase);
            },
            cancel.get());
        if (!sink.cancelled())
            promise.addResult(work(sink));
    }));
}

} // namespace hs
