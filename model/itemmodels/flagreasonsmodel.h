// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The reasons of one campaign or one account (flag_reasons, format 1.1) as table rows for the
// "Why flagged" dock: signal, score, detail, strongest first (flagreasonsummary.h). Cells hold
// the evidence text as recorded (cut to a length), for the view's MarkerDelegate to show hidden
// characters as markers, as every table does; the tooltip holds the whole detail through
// shownEvidence(), escaped.

#include "investigation.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace hs {

class FlagReasonsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Signal, Score, Detail, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr qsizetype kDetailChars = 300; // in the cell; the tooltip has it all

    using QAbstractTableModel::QAbstractTableModel;
    // `reasons`: indexes into inv->flagReasons, in the order shown.
    void setReasons(std::shared_ptr<const Investigation> inv, std::vector<std::uint32_t> reasons);
    void clear() { setReasons(nullptr, {}); }
    std::uint32_t reasonAt(int row) const { return m_reasons.at(static_cast<std::size_t>(row)); }
    const std::vector<std::uint32_t>& reasons() const { return m_reasons; }

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const final;

private:
    std::shared_ptr<const Investigation> m_inv;
    std::vector<std::uint32_t> m_reasons;
};

// The whole of a list of reasons as a tooltip: one "signal (score): detail" paragraph each, as
// escaped text that keeps its line breaks (a tooltip would otherwise take markup in a detail).
QString reasonsTooltip(const Investigation& inv, const std::vector<std::uint32_t>& reasons);

} // namespace hs
