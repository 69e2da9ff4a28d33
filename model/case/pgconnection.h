// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A thin owner of a libpq connection and its results for the server home of a case (pgcase.h):
// text parameters and results, errors as QString. Nothing here knows about cases.

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

struct pg_conn;
struct pg_result;

namespace hs {

class PgResult
{
public:
    PgResult() = default;
    explicit PgResult(pg_result* r) : m_r(r) {}
    PgResult(PgResult&& o) noexcept : m_r(o.m_r) { o.m_r = nullptr; }
    PgResult& operator=(PgResult&& o) noexcept;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;
    ~PgResult();

    bool ok() const; // a command or a query that succeeded
    int rows() const;
    bool isNull(int row, int column) const;
    QString text(int row, int column) const;
    std::int64_t integer(int row, int column) const;
    QString sqlState() const; // "42501" insufficient privilege, ...
    QString error() const;    // the server's message, one line

private:
    pg_result* m_r = nullptr;
};

class PgConnection
{
public:
    PgConnection() = default;
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // Connects with libpq's own defaults (passwords from ~/.pgpass, PGPASSWORD, a service file).
    bool connect(const QString& conninfo, QString* error);
    bool isOk() const;
    // Runs one statement with text parameters ($1, $2, ...); a null QByteArray is SQL NULL.
    PgResult exec(const char* sql, const QList<QByteArray>& params = {}) const;
    // exec() for statements without rows; false with *error.
    bool run(const char* sql, const QList<QByteArray>& params, QString* error) const;
    // Several statements without parameters (a schema).
    bool script(const char* sql, QString* error) const;
    QString error() const; // libpq's last message, one line
    int socket() const;
    int backendPid() const;
    pg_conn* handle() const { return m_c; }

private:
    pg_conn* m_c = nullptr;
};

QByteArray pgText(const QString& s);
QByteArray pgInt(std::int64_t v);
QByteArray pgOptional(const std::optional<std::int64_t>& v);

} // namespace hs
