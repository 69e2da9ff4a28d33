// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeutil.h"

#include <QDateTime>

namespace hs {

QString isoUtc(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

namespace {

// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days).
void civilFromDays(std::int64_t days, std::int64_t* year, int* month, int* day)
{
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto dayOfEra = static_cast<int>(days - era * 146097);
    const int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const int mp = (5 * dayOfYear + 2) / 153;
    *day = dayOfYear - (153 * mp + 2) / 5 + 1;
    *month = mp < 10 ? mp + 3 : mp - 9;
    *year = yearOfEra + era * 400 + (*month <= 2 ? 1 : 0);
}

void putDigits(QChar*& out, std::int64_t value, int width)
{
    for (int i = width - 1; i >= 0; --i, value /= 10)
        out[i] = QLatin1Char(char('0' + value % 10));
    out += width;
}

} // namespace

// By hand rather than through QDateTime: the accounts table formats two of these per account for
// every selection (56,000 at full scale), and QDateTime's formatter made half of that table's cost.
QString shortUtc(std::int64_t seconds)
{
    // Floor division without a multiplication: days * 86400 leaves int64 near its ends.
    const bool before = seconds % 86400 < 0;
    const std::int64_t days = seconds / 86400 - (before ? 1 : 0);
    const std::int64_t rest = seconds % 86400 + (before ? 86400 : 0);
    std::int64_t year = 0;
    int month = 0, day = 0;
    civilFromDays(days, &year, &month, &day);
    if (year < 0 || year > 9999) // outside what four digits hold (not in valid evidence): the year as it is
        return QStringLiteral("%1-%2-%3 %4:%5 UTC")
            .arg(year)
            .arg(month, 2, 10, QLatin1Char('0'))
            .arg(day, 2, 10, QLatin1Char('0'))
            .arg(rest / 3600, 2, 10, QLatin1Char('0'))
            .arg(rest % 3600 / 60, 2, 10, QLatin1Char('0'));
    QString text(20, Qt::Uninitialized);
    QChar* out = text.data();
    putDigits(out, year, 4);
    *out++ = QLatin1Char('-');
    putDigits(out, month, 2);
    *out++ = QLatin1Char('-');
    putDigits(out, day, 2);
    *out++ = QLatin1Char(' ');
    putDigits(out, rest / 3600, 2);
    *out++ = QLatin1Char(':');
    putDigits(out, rest % 3600 / 60, 2);
    for (const char c : {' ', 'U', 'T', 'C'})
        *out++ = QLatin1Char(c);
    return text;
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
