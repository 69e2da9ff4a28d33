// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The flagged-campaign database contract (format version 1) as data: which tables and columns
// exist, which are required and what they hold. Validation walks this description.

#include <QList>
#include <QString>

namespace hs {

constexpr int kSupportedFormatVersion = 1;

enum class ColumnKind { Integer, Text };

struct ColumnSpec
{
    QString name;
    ColumnKind kind;
    bool required;   // the column must exist
    bool notNull;    // values must not be NULL
};

struct TableSpec
{
    QString name;
    bool required;
    QList<ColumnSpec> columns;
    const ColumnSpec* column(const QString& name) const;
};

const QList<TableSpec>& formatTables();
const TableSpec& tableSpec(const QString& name);

// Affinity check for a declared column type, following SQLite's affinity rules.
bool declaredTypeFits(const QString& declaredType, ColumnKind kind);

} // namespace hs
