// SPDX-License-Identifier: GPL-3.0-or-later
#include "pageset.h"

#include "tablepanel.h"

#include <QTabBar>

namespace hs {

PageSet::PageSet(QWidget* parent) : QTabWidget(parent) { setObjectName(QStringLiteral("pages")); }

void PageSet::add(PageId id, QWidget* page, ViewStatePart* state, const QString& title)
{
    page->setObjectName(pageKey(id)); // for tests and accessibility checks
    addTab(page, title);
    m_widgets[std::size_t(id)] = page;
    m_states[std::size_t(id)] = state;
}

PageId PageSet::current() const
{
    for (std::size_t i = 0; i < m_widgets.size(); ++i)
        if (m_widgets[i] == currentWidget())
            return static_cast<PageId>(i);
    return PageId::Overview;
}

void PageSet::show(PageId page) { setCurrentWidget(m_widgets[std::size_t(page)]); }

std::array<PageState, kPageIds> PageSet::viewStates() const
{
    std::array<PageState, kPageIds> states;
    for (std::size_t i = 0; i < m_states.size(); ++i)
        states[i] = m_states[i]->viewState();
    return states;
}

void PageSet::restoreViewStates(const std::array<PageState, kPageIds>& states)
{
    for (std::size_t i = 0; i < m_states.size(); ++i)
        m_states[i]->restoreViewState(states[i]);
}

void PageSet::setPresenting(bool on)
{
    tabBar()->setVisible(!on);
    for (ViewStatePart* page : m_states)
        page->setPresenting(on);
    // Every table's filter box and "Save CSV...": working controls, not for the audience.
    for (QWidget* page : m_widgets)
        if (page)
            for (TablePanel* table : page->findChildren<TablePanel*>())
                table->setPresenting(on);
}

} // namespace hs
