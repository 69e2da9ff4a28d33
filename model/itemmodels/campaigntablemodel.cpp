// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaigntablemodel.h"

#include "flagreasonsmodel.h"
#include "textformat.h"
#include "tablemodel.h"
#include "timeutil.h"

#include <QLocale>

namespace hs {

void CampaignTableModel::setResults(std::shared_ptr<const Investigation> inv, std::shared_ptr<const Analysis> analysis,
                                    const std::vector<bool>& groups)
{
    beginResetModel();
    m_inv = std::move(inv);
    m_analysis = std::move(analysis);
    m_groups.clear();
    m_reasons = m_inv ? reasonsByCampaign(*m_inv) : std::vector<CampaignReasons>{};
    if (m_analysis)
        for (std::uint32_t g = 0; g <= m_analysis->campaigns.size(); ++g) // the baseline is the last group
            if (groups.empty() || (g < groups.size() && groups[g]))
                m_groups.push_back(g);
    endResetModel();
}

int CampaignTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_analysis)
        return 0;
    return static_cast<int>(m_groups.size());
}

int CampaignTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

const GroupFigures& CampaignTableModel::group(int row) const
{
    const std::uint32_t g = m_groups[static_cast<std::size_t>(row)];
    return g < m_analysis->campaigns.size() ? m_analysis->campaigns[g] : m_analysis->baseline;
}

QString CampaignTableModel::name(int row) const
{
    const std::uint32_t g = m_groups[static_cast<std::size_t>(row)];
    return g < m_inv->campaigns.size() ? m_inv->campaigns[g].name : tr("Organic baseline");
}

const std::vector<std::uint32_t>& CampaignTableModel::reasonsOf(int row) const
{
    static const std::vector<std::uint32_t> none;
    const std::uint32_t g = m_groups[static_cast<std::size_t>(row)];
    return g < m_reasons.size() ? m_reasons[g].reasons : none;
}

QVariant CampaignTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || (role != Qt::DisplayRole && role != SortRole &&
                                                               role != Qt::TextAlignmentRole && role != Qt::ToolTipRole))
        return {};
    if (role == Qt::ToolTipRole)
        return index.column() == FlagReasons ? QVariant(reasonsTooltip(*m_inv, reasonsOf(index.row()))) : QVariant();
    if (role == Qt::TextAlignmentRole)
        return (index.column() == Name || index.column() == TopCapabilities || index.column() == Pivots ||
                index.column() == FlagReasons)
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    const GroupFigures& g = group(index.row());
    const bool sort = role == SortRole;
    const QLocale locale;
    switch (index.column()) {
    case Name: return name(index.row());
    case Exchanges: return sort ? sortKey(g.exchanges) : QVariant(locale.toString(qulonglong(g.exchanges)));
    case Accounts: return sort ? sortKey(g.accounts) : QVariant(locale.toString(qulonglong(g.accounts)));
    case FirstSeen:
        if (!g.firstSeen)
            return {};
        return sort ? sortKey(*g.firstSeen) : QVariant(shortUtc(*g.firstSeen));
    case LastSeen:
        if (!g.lastSeen)
            return {};
        return sort ? sortKey(*g.lastSeen) : QVariant(shortUtc(*g.lastSeen));
    case TopCapabilities: {
        QStringList caps;
        for (std::size_t i = 0; i < g.capabilities.size() && i < 3; ++i)
            caps << QStringLiteral("%1 %2").arg(g.capabilities[i].name, percent(g.capabilities[i].share));
        return caps.join(QStringLiteral(", "));
    }
    case CotShare:
        if (!g.cotShare)
            return {};
        return sort ? QVariant(*g.cotShare) : QVariant(percent(*g.cotShare, 1));
    case Pivots: {
        QStringList pivots;
        for (const PivotFigure& p : g.pivots)
            if (p.pivot)
                pivots << QStringLiteral("%1 → %2").arg(percent(p.share24h), m_inv->models[p.model].name);
        return pivots.join(QStringLiteral(", "));
    }
    case FlagReasons: {
        const std::vector<std::uint32_t>& reasons = reasonsOf(index.row());
        if (sort) // the strongest reason's score; unscored and none last
            return reasons.empty() ? -2.0 : m_inv->flagReasons[reasons.front()].score.value_or(-1.0);
        QStringList parts;
        for (std::size_t i = 0; i < reasons.size() && i < kCompactReasons; ++i) {
            const FlagReason& r = m_inv->flagReasons[reasons[i]];
            // As recorded: the view's MarkerDelegate shows hidden characters, as in the Name column.
            parts << (r.score ? QStringLiteral("%1 %2").arg(r.signal.left(40), reasonScoreText(r.score)) : r.signal.left(40));
        }
        if (reasons.size() > kCompactReasons)
            parts << tr("+%1 more").arg(reasons.size() - kCompactReasons);
        return parts.join(QStringLiteral(", "));
    }
    }
    return {};
}

QVariant CampaignTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    static const char* const titles[ColumnCount] = {
        QT_TR_NOOP("Campaign"), QT_TR_NOOP("Exchanges"), QT_TR_NOOP("Accounts"), QT_TR_NOOP("First seen"),
        QT_TR_NOOP("Last seen"), QT_TR_NOOP("Top capabilities"), QT_TR_NOOP("CoT elicitation"), QT_TR_NOOP("Pivots"),
        QT_TR_NOOP("Flag reasons")};
    return tr(titles[section]);
}

} // namespace hs
