// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeutil.h"

#include <QDateTime>

namespace hs {

QString isoUtc(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QString shortUtc(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
           QStringLiteral(" UTC");
}

bool parseIsoUtc(const QString& text, std::int64_t* seconds)
{
    QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!t.isValid())
        return false;
    if (t.timeSpec() == Qt::LocalTime) // no zone written: evidence times are UTC
        t.setTimeSpec(Qt::UTC);
    *seconds = t.toSecsSinceEpoch();
    return true;
}

} // namespace hs
