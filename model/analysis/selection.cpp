// SPDX-License-Identifier: GPL-3.0-or-later
#include "selection.h"

namespace hs {

void SelectionState::reset(std::uint32_t groupCount)
{
    m_current = Selection{};
    m_current.groups.assign(groupCount, true);
    m_back.clear();
    m_forward.clear();
    Q_EMIT changed();
}

void SelectionState::set(const Selection& selection)
{
    if (selection == m_current)
        return;
    m_back.push_back(m_current);
    m_forward.clear();
    m_current = selection;
    Q_EMIT changed();
}

void SelectionState::setGroups(std::vector<bool> groups)
{
    Selection s = m_current;
    s.groups = std::move(groups);
    set(s);
}

void SelectionState::setRange(std::optional<TimeRange> range)
{
    Selection s = m_current;
    s.range = range;
    set(s);
}

void SelectionState::setModel(std::optional<std::uint32_t> model)
{
    Selection s = m_current;
    s.model = model;
    set(s);
}

void SelectionState::setCapability(std::optional<std::uint32_t> capability)
{
    Selection s = m_current;
    s.capability = capability;
    set(s);
}

void SelectionState::setAccount(std::optional<std::uint32_t> account)
{
    Selection s = m_current;
    s.account = account;
    set(s);
}

void SelectionState::back()
{
    if (m_back.empty())
        return;
    m_forward.push_back(m_current);
    m_current = m_back.back();
    m_back.pop_back();
    Q_EMIT changed();
}

void SelectionState::forward()
{
    if (m_forward.empty())
        return;
    m_back.push_back(m_current);
    m_current = m_forward.back();
    m_forward.pop_back();
    Q_EMIT changed();
}

void SelectionState::restore(Snapshot snapshot)
{
    m_current = std::move(snapshot.current);
    m_back = std::move(snapshot.back);
    m_forward = std::move(snapshot.forward);
    Q_EMIT changed();
}

} // namespace hs
