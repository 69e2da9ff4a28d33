// SPDX-License-Identifier: GPL-3.0-or-later
#include "flagreasonsmodel.h"

#include "displaytext.h"
#include "flagreasonsummary.h"

namespace hs {
namespace {

// At most `chars` UTF-16 units, never half a surrogate pair, "…" where cut. The view's marker
// delegate shows the hidden characters of what is left.
QString cut(const QString& text, qsizetype chars)
{
    if (text.size() <= chars)
        return text;
    qsizetype n = chars;
    if (n > 0 && text.at(n - 1).isHighSurrogate())
        --n;
    return text.left(n) + QChar(0x2026);
}

} // namespace

void FlagReasonsModel::setReasons(std::shared_ptr<const Investigation> inv, std::vector<std::uint32_t> reasons)
{
    beginResetModel();
    m_inv = std::move(inv);
    m_reasons = m_inv ? std::move(reasons) : std::vector<std::uint32_t>{};
    endResetModel();
}

int FlagReasonsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_reasons.size());
}

int FlagReasonsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant FlagReasonsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const FlagReason& r = m_inv->flagReasons[m_reasons[static_cast<std::size_t>(index.row())]];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Signal: return cut(r.signal, 80);
        case Score: return reasonScoreText(r.score);
        case Detail: return cut(r.detail, kDetailChars);
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Signal: return r.signal;
        case Score: return r.score ? QVariant(*r.score) : QVariant(-1.0);
        case Detail: return r.detail;
        }
        return {};
    case Qt::ToolTipRole:
        return reasonsTooltip(*m_inv, {m_reasons[static_cast<std::size_t>(index.row())]});
    case Qt::TextAlignmentRole:
        return index.column() == Score ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant FlagReasonsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    static const char* const titles[ColumnCount] = {QT_TR_NOOP("Signal"), QT_TR_NOOP("Score"), QT_TR_NOOP("Detail")};
    return tr(titles[section]);
}

QString reasonsTooltip(const Investigation& inv, const std::vector<std::uint32_t>& reasons)
{
    QStringList parts;
    for (const std::uint32_t i : reasons) {
        if (i >= inv.flagReasons.size())
            continue;
        const FlagReason& r = inv.flagReasons[i];
        QString text = QStringLiteral("%1 (%2)").arg(shownEvidence(r.signal, 200), reasonScoreText(r.score));
        if (!r.detail.isEmpty())
            text += QStringLiteral(": ") + shownEvidence(r.detail, 2000);
        parts << text.toHtmlEscaped();
    }
    if (parts.isEmpty())
        return {};
    return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(parts.join(QStringLiteral("<br>")));
}

} // namespace hs
