// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv.h"

namespace hs {

namespace {
QString neutralised(const QString& text)
{
    if (!text.isEmpty()) {
        const QChar first = text.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
            return QLatin1Char('\'') + text;
    }
    return text;
}

QStringList headersOf(const QAbstractItemModel& model)
{
    QStringList headers;
    for (int c = 0; c < model.columnCount(); ++c)
        headers << model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    return headers;
}
} // namespace

QString csvCell(const QString& text)
{
    QString cell = neutralised(text);
    if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\n')) ||
        cell.contains(QLatin1Char('\r')) || cell != text) {
        cell.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        cell = QLatin1Char('"') + cell + QLatin1Char('"');
    }
    return cell;
}

QByteArray csvLine(const QStringList& cells)
{
    QStringList out;
    out.reserve(cells.size());
    for (const QString& c : cells)
        out << csvCell(c);
    return out.join(QLatin1Char(',')).toUtf8() + "\r\n";
}

QByteArray modelToCsv(const QAbstractItemModel& model, int role)
{
    QByteArray out = csvLine(headersOf(model));
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(); ++c)
            cells << model.data(model.index(r, c), role).toString();
        out += csvLine(cells);
    }
    return out;
}

QString modelRowsToTsv(const QAbstractItemModel& model, const QList<int>& rows, int role)
{
    QStringList lines{headersOf(model).join(QLatin1Char('\t'))};
    for (int r : rows) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(); ++c) {
            QString t = neutralised(model.data(model.index(r, c), role).toString());
            cells << t.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
        }
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace hs
