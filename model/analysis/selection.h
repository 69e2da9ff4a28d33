// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one shared selection every view follows: which campaigns (and the baseline), which time
// range, which model and which capability. Views never talk to each other; they change the
// SelectionState and redraw when it says it changed. Back/forward history like a browser.

#include <QObject>

#include <cstdint>
#include <optional>
#include <vector>

namespace hs {

struct TimeRange
{
    std::int64_t from = 0; // inclusive, Unix seconds UTC
    std::int64_t to = 0;   // exclusive
    bool contains(std::int64_t t) const { return t >= from && t < to; }
    bool operator==(const TimeRange&) const = default;
};

struct Selection
{
    std::vector<bool> groups;               // per group (campaigns, then baseline); empty: all
    std::optional<TimeRange> range;         // none: the whole investigation
    std::optional<std::uint32_t> model;     // model index
    std::optional<std::uint32_t> capability; // capability index
    // Account index: only its exchanges (Accounts > Show on the timeline). Its group is selected
    // with it; every figure of the selection counts that account's exchanges alone.
    std::optional<std::uint32_t> account;

    bool hasGroup(std::uint32_t g) const { return groups.empty() || (g < groups.size() && groups[g]); }
    bool operator==(const Selection&) const = default;
};

class SelectionState final : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    const Selection& current() const { return m_current; }
    void reset(std::uint32_t groupCount); // a new investigation: everything selected, no history
    void set(const Selection& selection); // records history when it differs

    void setGroups(std::vector<bool> groups);
    void setRange(std::optional<TimeRange> range);
    void setModel(std::optional<std::uint32_t> model);
    void setCapability(std::optional<std::uint32_t> capability);
    void setAccount(std::optional<std::uint32_t> account);

    bool canGoBack() const { return !m_back.empty(); }
    bool canGoForward() const { return !m_forward.empty(); }
    void back();
    void forward();

    // The selection and its back/forward history, to put back exactly (presentation mode).
    struct Snapshot
    {
        Selection current;
        std::vector<Selection> back, forward;
        bool operator==(const Snapshot&) const = default;
    };
    Snapshot snapshot() const { return {m_current, m_back, m_forward}; }
    void restore(Snapshot snapshot); // emits changed()

Q_SIGNALS:
    void changed();

private:
    Selection m_current;
    std::vector<Selection> m_back;
    std::vector<Selection> m_forward;
};

} // namespace hs
