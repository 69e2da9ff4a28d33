// SPDX-License-Identifier: GPL-3.0-or-later
#include "findings.h"

#include <algorithm>

namespace hs {

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Note: return QStringLiteral("note");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Error: return QStringLiteral("error");
    }
    return {};
}

QString Finding::toText() const
{
    QStringList where;
    if (!table.isEmpty())
        where << QStringLiteral("table %1").arg(table);
    if (!column.isEmpty())
        where << QStringLiteral("column %1").arg(column);
    if (row >= 0)
        where << (count > 1 ? QStringLiteral("first row id %1").arg(row) : QStringLiteral("row id %1").arg(row));
    QString text = severityName(severity) + QStringLiteral(": ");
    if (!where.isEmpty())
        text += where.join(QStringLiteral(", ")) + QStringLiteral(": ");
    return text + message;
}

void Findings::error(const QString& code, const QString& message, const QString& table,
                     const QString& column, qint64 row)
{
    add({Severity::Error, code, table, column, row, 1, message});
}

void Findings::warning(const QString& code, const QString& message, const QString& table,
                       const QString& column, qint64 row)
{
    add({Severity::Warning, code, table, column, row, 1, message});
}

void Findings::note(const QString& code, const QString& message, const QString& table,
                    const QString& column)
{
    add({Severity::Note, code, table, column, -1, 1, message});
}

qsizetype Findings::count(Severity s) const
{
    return std::count_if(m_items.cbegin(), m_items.cend(),
                         [s](const Finding& f) { return f.severity == s; });
}

} // namespace hs
