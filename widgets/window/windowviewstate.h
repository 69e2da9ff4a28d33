// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Everything about how the main window looks, as one plain value: MainWindow::viewState() takes
// it and restoreViewState() puts it back. Presentation mode takes one when it starts and restores
// it on Esc, so the reviewer gets back exactly the window they left; comparing two of them is how
// the tests check that.

#include "pageid.h"
#include "selection.h"
#include "viewstate.h"

#include <QByteArray>
#include <QRect>

#include <array>

namespace hs {

struct WindowViewState
{
    QRect geometry;               // the normal (not full-screen) geometry, frame excluded
    QByteArray layout;            // QMainWindow::saveState: toolbars and docks, where and whether shown
    Qt::WindowStates windowState; // full screen, maximised, ...
    bool menuBar = true, statusBar = true, tabBar = true;
    PageId page = PageId::Overview;
    SelectionState::Snapshot selection;     // with its back/forward history
    std::array<PageState, kPageIds> pages;  // by PageId: tables, filters, widths, sort, zoom
    PageState annotations;                  // the Annotations dock
    bool operator==(const WindowViewState&) const = default;
};

} // namespace hs
