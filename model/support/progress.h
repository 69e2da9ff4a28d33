// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Progress leaves the data layer through a callback and cancellation comes in through a flag;
// the model never shows dialogs or spins an event loop.

#include <QString>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>

namespace hs {

// phase: a short plain label ("Reading exchanges"); fraction: 0..1 of the whole load.
// May be called from worker threads; never more than ~20 times a second.
using ProgressCallback = std::function<void(const QString& phase, double fraction)>;

// Thread-safe throttle in front of a ProgressCallback, with the cancellation flag beside it.
class ProgressSink
{
public:
    ProgressSink(ProgressCallback callback = {}, const std::atomic<bool>* cancel = nullptr)
        : m_callback(std::move(callback)), m_cancel(cancel) {}

    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    const std::atomic<bool>* cancelFlag() const { return m_cancel; } // for code that polls a flag
    // Reports unless the last report was under 50 ms ago; `force` reports anyway (phase ends).
    void report(const QString& phase, double fraction, bool force = false) const;
    // Maps later fractions 0..1 onto [from, to] of the whole, for one stage of a longer job.
    void setStage(double from, double to) const;

private:
    ProgressCallback m_callback;
    const std::atomic<bool>* m_cancel;
    mutable std::mutex m_mutex;
    mutable std::chrono::steady_clock::time_point m_last{};
    mutable double m_from = 0;
    mutable double m_to = 1;
};

} // namespace hs
