// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Campaigns and the organic baseline as table rows: name, exchanges, accounts, active period,
// top capabilities, pivots. A thin wrapper over Analysis (the whole investigation's, or a
// selection's: selectionanalysis.h) showing the chosen groups; setResults() resets it.

#include "analysis.h"
#include "flagreasonsummary.h"

#include <QAbstractTableModel>

#include <memory>

namespace hs {

class CampaignTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    // FlagReasons (format 1.1): the campaign's own reasons, strongest first, "signal score" each;
    // the tooltip has them all with their details. Empty for a file without flag_reasons.
    enum Column { Name, Exchanges, Accounts, FirstSeen, LastSeen, TopCapabilities, CotShare, Pivots, FlagReasons, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;
    // `groups` as Selection::groups: the rows shown (empty: every campaign and the baseline).
    void setResults(std::shared_ptr<const Investigation> inv, std::shared_ptr<const Analysis> analysis,
                    const std::vector<bool>& groups = {});

    std::uint32_t groupOfRow(int row) const { return m_groups.at(static_cast<std::size_t>(row)); }
    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const final;

private:
    const GroupFigures& group(int row) const;
    QString name(int row) const;
    const std::vector<std::uint32_t>& reasonsOf(int row) const; // the row's campaign-level reasons
    static constexpr std::size_t kCompactReasons = 3;
    std::shared_ptr<const Investigation> m_inv;
    std::shared_ptr<const Analysis> m_analysis;
    std::vector<std::uint32_t> m_groups; // group of each row
    std::vector<CampaignReasons> m_reasons; // per campaign
};

} // namespace hs
