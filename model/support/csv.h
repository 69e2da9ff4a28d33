// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CSV (RFC 4180) that is safe to open in a spreadsheet: a cell beginning with =, +, -, @, tab or
// carriage return is prefixed with an apostrophe so it is never taken as a formula
// (OWASP "CSV injection"). Evidence text is attacker-written.

#include <QAbstractItemModel>
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace hs {

QString csvCell(const QString& text);
QByteArray csvLine(const QStringList& cells);
// Every row and column of a table model (its text in `role`), with its headers, as CSV (UTF-8).
QByteArray modelToCsv(const QAbstractItemModel& model, int role = Qt::DisplayRole);
// Tab-separated text for the clipboard, same neutralisation.
QString modelRowsToTsv(const QAbstractItemModel& model, const QList<int>& rows, int role = Qt::DisplayRole);

} // namespace hs
