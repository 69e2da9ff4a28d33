// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The dashboard's pages as tabs, by PageId: which one shows, and their view states together.

#include "pageid.h"
#include "viewstate.h"

#include <QTabWidget>

#include <array>

namespace hs {

class PageSet final : public QTabWidget
{
    Q_OBJECT
public:
    explicit PageSet(QWidget* parent = nullptr);

    template<typename Page> // a QWidget and a ViewStatePart
    void add(PageId id, Page* page, const QString& title) { add(id, page, page, title); }
    PageId current() const;
    void show(PageId page);

    std::array<PageState, kPageIds> viewStates() const;
    void restoreViewStates(const std::array<PageState, kPageIds>& states);
    void setPresenting(bool on); // every page; the tabs are hidden while on

private:
    void add(PageId id, QWidget* page, ViewStatePart* state, const QString& title);

    std::array<QWidget*, kPageIds> m_widgets{};
    std::array<ViewStatePart*, kPageIds> m_states{};
};

} // namespace hs
