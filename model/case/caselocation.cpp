// SPDX-License-Identifier: GPL-3.0-or-later
#include "caselocation.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace hs {

bool isServerLocation(const QString& location)
{
    return location.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
           || location.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

bool parseServerLocation(const QString& location, ServerLocation* out, QString* error)
{
    const qsizetype hash = location.indexOf(QLatin1Char('#'));
    const QString name = hash < 0 ? QString() : QUrl::fromPercentEncoding(location.mid(hash + 1).toUtf8());
    if (name.trimmed().isEmpty()) {
        *error = QStringLiteral("%1: a case on a server needs its name after '#', e.g. "
                                "postgresql://alice@db.example:5432/hydrascope#case-17")
                     .arg(displayLocation(location));
        return false;
    }
    out->conninfo = location.left(hash);
    out->caseName = name;
    return true;
}

// user:password@ in a URI, the user captured (the authority ends at the first '/', '?' or '#').
static const QRegularExpression& userPassword()
{
    static const QRegularExpression pattern(QStringLiteral("^([a-zA-Z]+://[^/?#@:]*):[^/?#@]*@"));
    return pattern;
}

QString displayLocation(const QString& location)
{
    if (!isServerLocation(location))
        return location;
    QString shown = location;
    shown.replace(userPassword(), QStringLiteral("\\1:***@"));
    static const QRegularExpression query(QStringLiteral("([?&]password=)[^&#]*"), QRegularExpression::CaseInsensitiveOption);
    shown.replace(query, QStringLiteral("\\1***"));
    return shown;
}

QString locationWithoutPassword(const QString& location)
{
    if (!isServerLocation(location))
        return location;
    QString kept = location;
    kept.replace(userPassword(), QStringLiteral("\\1@"));
    static const QRegularExpression query(QStringLiteral("([?&])password=[^&#]*&?"), QRegularExpression::CaseInsensitiveOption);
    kept.replace(query, QStringLiteral("\\1"));
    static const QRegularExpression dangling(QStringLiteral("[?&](?=#|$)"));
    kept.replace(dangling, QString());
    return kept;
}

QString shortCaseName(const QString& location)
{
    if (!isServerLocation(location))
        return QFileInfo(location).fileName();
    ServerLocation where;
    QString error;
    if (!parseServerLocation(location, &where, &error))
        return displayLocation(location);
    const QString host = QUrl(where.conninfo).host();
    return host.isEmpty() ? where.caseName : QStringLiteral("%1 on %2").arg(where.caseName, host);
}

} // namespace hs
