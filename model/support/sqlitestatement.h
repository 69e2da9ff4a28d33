// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A prepared sqlite3 statement that finalizes itself and keeps its error: shared by the read-only
// evidence connection and the writable case store.

#include <QString>

#include <cstdint>

struct sqlite3;
struct sqlite3_stmt;

namespace hs {

// A value's storage class as findings name it: NULL, INTEGER, REAL, TEXT or BLOB.
QString sqliteTypeName(int type);

class Statement
{
public:
    Statement() = default;
    Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    bool isValid() const { return m_stmt != nullptr; }
    void bind(int index, std::int64_t value);
    void bind(int index, const QString& value); // text, empty for a null QString (NULL: bindNull)
    void bindNull(int index);
    // true while a row is available; on error returns false and sets error().
    bool next();
    bool failed() const { return m_rc != 0; }
    QString error() const { return m_error; }
    void reset();

    int type(int column) const; // SQLITE_INTEGER, SQLITE_TEXT, ...
    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    QString text(int column) const;
    sqlite3_stmt* handle() const { return m_stmt; }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    int m_rc = 0;
    QString m_error;
};

} // namespace hs
