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

void LazyUpdate::request()
{
    m_pending = !m_view->isVisible();
    if (!m_pending)
        m_update();
}

// The Show event arrives before the first paint: the view paints the newest selection at once.
bool LazyUpdate::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::Show && m_pending) {
        m_pending = false;
        m_update();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace hs
