// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitestatement.h"

#include <sqlite3.h>

namespace hs {

QString sqliteTypeName(int type)
{
    switch (type) {
    case SQLITE_NULL: return QStringLiteral("NULL");
    case SQLITE_TEXT: return QStringLiteral("TEXT");
    case SQLITE_FLOAT: return QStringLiteral("REAL");
    case SQLITE_BLOB: return QStringLiteral("BLOB");
    default: return QStringLiteral("INTEGER");
    }
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_stmt(other.m_stmt), m_rc(other.m_rc), m_error(std::move(other.m_error))
{
    other.m_stmt = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        m_rc = other.m_rc;
        m_error = std::move(other.m_error);
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

void Statement::bind(int index, std::int64_t value) { sqlite3_bind_int64(m_stmt, index, value); }
void Statement::bindNull(int index) { sqlite3_bind_null(m_stmt, index); }

void Statement::bind(int index, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text64(m_stmt, index, utf8.isNull() ? "" : utf8.constData(), static_cast<sqlite3_uint64>(utf8.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
}

bool Statement::next()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_rc = rc;
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    }
    return false;
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    m_rc = 0;
    m_error.clear();
}

int Statement::type(int column) const { return sqlite3_column_type(m_stmt, column); }
bool Statement::isNull(int column) const { return type(column) == SQLITE_NULL; }
std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(m_stmt, column); }

QString Statement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? QString::fromUtf8(data, size) : QString();
}

} // namespace hs
