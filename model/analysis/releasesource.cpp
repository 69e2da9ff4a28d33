// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasesource.h"

#include <QRegularExpression>

namespace hs {

QString releaseTimesNote(const Investigation& inv)
{
    // The values model/logimport/importer.cpp writes: "first appearance in the logs (no --models
    // file)", "--models FILE" or "--models FILE; N model(s) not listed there: first appearance ...".
    const QString source = inv.meta.value(QStringLiteral("model_releases"));
    if (source.startsWith(QLatin1String("first appearance")))
        return QStringLiteral("Release times inferred from first appearance in the logs (no --models file)");
    static const QRegularExpression some(QStringLiteral("; (\\d+) model\\(s\\) not listed there: first appearance"));
    const QRegularExpressionMatch m = some.match(source);
    if (!m.hasMatch())
        return {};
    const int n = m.captured(1).toInt();
    return QStringLiteral("Release times of %1 inferred from first appearance in the logs (not in the --models file)")
        .arg(n == 1 ? QStringLiteral("1 model") : QStringLiteral("%1 models").arg(n));
}

} // namespace hs
