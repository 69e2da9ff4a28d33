// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs a view's update now when the view is visible, or once when it is next shown. A hidden
// view does no work for selections nobody looks at: switching to it pays for one update of the
// newest selection, and a selection change pays only for the views on screen.

#include <QObject>

#include <functional>

class QWidget;

namespace hs {

class LazyUpdate final : public QObject
{
    Q_OBJECT
public:
    LazyUpdate(QWidget* view, std::function<void()> update);
    void request();                           // update soon if the view is visible, else when shown
    bool isPending() const { return m_pending; } // for tests: an update waits for the view to show

protected:
    bool eventFilter(QObject* watched, QEvent* event) final;

private:
    QWidget* m_view;
    std::function<void()> m_update;
    bool m_pending = false; // waits for the view to be shown
    bool m_queued = false;  // runs on the next turn of the event loop
};

} // namespace hs
