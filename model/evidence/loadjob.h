// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs loadInvestigation() on a worker thread; the newest request wins and results arrive on the
// thread that owns the job (the GUI thread). Starting a new load cancels the running one.

#include "loader.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

namespace hs {

class LoadJob final : public QObject
{
    Q_OBJECT
public:
    explicit LoadJob(QObject* parent = nullptr);
    ~LoadJob() override;

    void start(const QString& path, const LoadOptions& options = {});
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void progress(const QString& phase, double fraction);
    void finished(const QString& path, const hs::LoadResult& result);

private:
    struct Run;
    std::shared_ptr<Run> m_run;
    QFutureWatcher<LoadResult>* m_watcher = nullptr;
};

} // namespace hs
