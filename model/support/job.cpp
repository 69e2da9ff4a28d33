// SPDX-License-Identifier: GPL-3.0-or-later
#include "job.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace hs {

namespace {

// Called by QCoreApplication's destructor while the application still exists: cancelled jobs
// still running out (a closed window's, say) end before it is gone.
void drainJobPool() { jobPool()->waitForDone(); }

} // namespace

QThreadPool* jobPool()
{
    // Not Qt's global pool: Qt 6.4 paints some fills in parallel on that one and waits for it on
    // the GUI thread, so jobs that kept it busy froze the window for a whole load. Ours is never
    // deleted (reachable from here until exit), and drained before the application goes.
    static QThreadPool* const pool = [] {
        auto* p = new QThreadPool;
        p->setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
        qAddPostRoutine(drainJobPool);
        return p;
    }();
    return pool;
}

struct PoolTask::Done
{
    std::mutex mutex;
    std::condition_variable changed;
    bool done = false;

    void set()
    {
        {
            std::lock_guard lock(mutex);
            done = true;
        }
        changed.notify_all();
    }
    void wait()
    {
        std::unique_lock lock(mutex);
        changed.wait(lock, [this] { return done; });
    }
};

// Owned by its PoolTask (not auto-deleted): the pool only runs it, so wait() can take it back.
class PoolTask::Runnable final : public QRunnable
{
public:
    Runnable(std::function<void()> work, std::shared_ptr<Done> done) : m_work(std::move(work)), m_done(std::move(done))
    {
        setAutoDelete(false);
    }
    void run() final
    {
        m_work();
        const std::shared_ptr<Done> done = m_done; // the waiter may delete this object once it is set
        done->set();
    }

private:
    std::function<void()> m_work;
    std::shared_ptr<Done> m_done;
};

PoolTask::PoolTask() = default;

PoolTask::PoolTask(std::function<void()> work) { start(std::move(work)); }

PoolTask::~PoolTask() { wait(); }

void PoolTask::start(std::function<void()> work)
{
    wait();
    m_done = std::make_shared<Done>();
    m_runnable = std::make_unique<Runnable>(std::move(work), m_done);
    jobPool()->start(m_runnable.get());
}

void PoolTask::wait()
{
    if (!m_runnable)
        return;
    if (jobPool()->tryTake(m_runnable.get()))
        m_runnable->run(); // no pool thread was free for it: run it here
    else
        m_done->wait();
    m_runnable.reset();
    m_done.reset();
}

void runInParallel(std::size_t parts, const std::function<void(std::size_t)>& part)
{
    std::vector<std::unique_ptr<PoolTask>> others;
    for (std::size_t i = 1; i < parts; ++i)
        others.push_back(std::make_unique<PoolTask>([&part, i] { part(i); }));
    if (parts > 0)
        part(0);
    for (auto& task : others)
        task->wait();
}

JobSlot::JobSlot(QObject* parent) : QObject(parent) {}

JobSlot::~JobSlot() { cancel(); }

std::shared_ptr<std::atomic<bool>> JobSlot::supersede()
{
    cancel();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    return m_cancel;
}

bool JobSlot::cancel()
{
    if (m_cancel)
        *m_cancel = true;
    if (!m_current)
        return false;
    // The future too: its promise stops reporting progress, and a result it still adds is dropped.
    m_current->cancel();
    m_current->disconnect(this);
    m_current->deleteLater(); // never waits: the work runs on, and ends, on its own
    m_current = nullptr;
    return true;
}

void JobSlot::watch(QFutureWatcherBase* watcher)
{
    m_current = watcher;
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, watcher](int value) {
        if (watcher == m_current)
            Q_EMIT progress(watcher->progressText(), double(value) / kProgressSteps);
    });
}

bool JobSlot::finish(QFutureWatcherBase* watcher)
{
    watcher->deleteLater();
    if (watcher != m_current)
        return false;
    m_current = nullptr;
    return true;
}

} // namespace hs
