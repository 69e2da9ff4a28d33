// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

namespace hs {
namespace {

ColumnSpec integer(const char* name, bool required, bool notNull)
{
    return {QString::fromLatin1(name), ColumnKind::Integer, required, notNull};
}
ColumnSpec text(const char* name, bool required, bool notNull)
{
    return {QString::fromLatin1(name), ColumnKind::Text, required, notNull};
}

QList<TableSpec> buildTables()
{
    return {
        {QStringLiteral("meta"), true, {text("key", true, true), text("value", true, true)}},
        {QStringLiteral("models"), true,
         {integer("id", true, true), text("name", true, true), integer("released_at", true, true)}},
        {QStringLiteral("capabilities"), false,
         {integer("id", true, true), text("name", true, true), text("description", false, false)}},
        {QStringLiteral("campaigns"), true,
         {integer("id", true, true), text("name", true, true), text("attributed_to", false, false),
          text("status", false, false), integer("first_flagged_at", false, false), text("summary", false, false)}},
        {QStringLiteral("clusters"), false,
         {integer("id", true, true), text("name", true, true), text("kind", false, false)}},
        {QStringLiteral("accounts"), true,
         {integer("id", true, true), text("external_ref", true, true), integer("campaign_id", false, false),
          integer("cluster_id", false, false), integer("created_at", false, false), text("country", false, false),
          text("access_path", false, false), text("payment_fingerprint", false, false),
          text("status", false, false), integer("status_changed_at", false, false)}},
        {QStringLiteral("exchanges"), true,
         {integer("id", true, true), integer("ts", true, true), integer("account_id", true, true),
          integer("model_id", true, true), integer("capability_id", false, false),
          integer("prompt_tokens", false, false), integer("completion_tokens", false, false),
          integer("template_id", false, false), integer("cot_elicitation", false, false)}},
        {QStringLiteral("templates"), false,
         {integer("id", true, true), text("fingerprint", true, true), text("sample", false, false)}},
        {QStringLiteral("indicators"), false,
         {integer("id", true, true), integer("account_id", true, true), text("kind", true, true),
          text("value", true, true)}},
    };
}

} // namespace

const ColumnSpec* TableSpec::column(const QString& n) const
{
    for (const ColumnSpec& c : columns)
        if (c.name == n)
            return &c;
    return nullptr;
}

const QList<TableSpec>& formatTables()
{
    static const QList<TableSpec> tables = buildTables();
    return tables;
}

const TableSpec& tableSpec(const QString& name)
{
    for (const TableSpec& t : formatTables())
        if (t.name == name)
            return t;
    Q_ASSERT_X(false, "tableSpec", "unknown table");
    return formatTables().front();
}

bool declaredTypeFits(const QString& declaredType, ColumnKind kind)
{
    const QString t = declaredType.toUpper();
    // sqlite.org/datatype3.html, 3.1: INT first, then CHAR/CLOB/TEXT.
    const bool integerAffinity = t.contains(QLatin1String("INT"));
    const bool textAffinity = !integerAffinity && (t.contains(QLatin1String("CHAR")) || t.contains(QLatin1String("CLOB")) ||
                                                   t.contains(QLatin1String("TEXT")));
    return kind == ColumnKind::Integer ? integerAffinity : textAffinity;
}

} // namespace hs
