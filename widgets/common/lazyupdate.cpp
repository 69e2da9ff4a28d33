// SPDX-License-Identifier: GPL-3.0-or-later
#include "lazyupdate.h"

#include <QEvent>
#include <QWidget>

namespace hs {

LazyUpdate::LazyUpdate(QWidget* view, std::function<void()> update)
    : QObject(view), m_view(view), m_update(std::move(update))
{
    m_view->installEventFilter(this);
}

// On screen, the update runs on the next turn of the event loop rather than inside the signal:
// the selection's worker (connected after the views) starts first and computes while the view
// redraws, and several requests in one turn make one update.
void LazyUpdate::request()
{
    m_pending = !m_view->isVisible();
    if (m_pending || m_queued)
        return;
    m_queued = true;
    QMetaObject::invokeMethod(this, [this] {
        m_queued = false;
        if (!m_pending)
            m_update();
    }, Qt::QueuedConnection);
}

// The Show event arrives before the first paint: the view paints the newest selection at once.
bool LazyUpdate::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::Show && m_pending) { // not queued: paint it at once
        m_pending = false;
        m_update();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace hs
