// SPDX-License-Identifier: GPL-3.0-or-later
#include "progress.h"

namespace hs {

void ProgressSink::report(const QString& phase, double fraction, bool force) const
{
    if (!m_callback)
        return;
    double whole = 0;
    {
        std::lock_guard lock(m_mutex);
        const auto now = std::chrono::steady_clock::now();
        if (!force && now - m_last < std::chrono::milliseconds(50))
            return;
        m_last = now;
        whole = m_from + (m_to - m_from) * (fraction < 0 ? 0 : (fraction > 1 ? 1 : fraction));
    }
    m_callback(phase, whole);
}

void ProgressSink::setStage(double from, double to) const
{
    std::lock_guard lock(m_mutex);
    m_from = from;
    m_to = to;
}

} // namespace hs
