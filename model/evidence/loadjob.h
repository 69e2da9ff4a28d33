// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs loadInvestigation() as a job (job.h): the newest request wins and results arrive on the
// thread that owns the job (the GUI thread). Starting a new load cancels the running one, whose
// result and progress are dropped; nothing, the destructor included, waits for a load to end.

#include "job.h"
#include "loader.h"

#include <QObject>

namespace hs {

class LoadJob final : public QObject
{
    Q_OBJECT
public:
    explicit LoadJob(QObject* parent = nullptr);
    ~LoadJob() override;

    void start(const QString& path, const LoadOptions& options = {});
    // Stops the running load; finished() then reports it cancelled (from the event loop).
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void progress(const QString& phase, double fraction);
    void finished(const QString& path, const hs::LoadResult& result);

private:
    JobSlot* m_slot;
    QString m_path; // of the newest load
    quint64 m_started = 0; // loads started so far: a cancelled one reports only if none followed
};

} // namespace hs
