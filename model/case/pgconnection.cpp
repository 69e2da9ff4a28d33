// SPDX-License-Identifier: GPL-3.0-or-later
#include "pgconnection.h"

#include <libpq-fe.h>

#include <vector>

namespace hs {
namespace {

QString oneLine(const char* message)
{
    return QString::fromUtf8(message).trimmed().replace(QLatin1Char('\n'), QLatin1String("; "));
}

} // namespace

PgResult& PgResult::operator=(PgResult&& o) noexcept
{
    if (this != &o) {
        PQclear(m_r);
        m_r = o.m_r;
        o.m_r = nullptr;
    }
    return *this;
}

PgResult::~PgResult() { PQclear(m_r); }

bool PgResult::ok() const
{
    const ExecStatusType s = m_r ? PQresultStatus(m_r) : PGRES_FATAL_ERROR;
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

int PgResult::rows() const { return m_r ? PQntuples(m_r) : 0; }
bool PgResult::isNull(int row, int column) const { return PQgetisnull(m_r, row, column) != 0; }
QString PgResult::text(int row, int column) const
{
    return QString::fromUtf8(PQgetvalue(m_r, row, column), PQgetlength(m_r, row, column));
}
std::int64_t PgResult::integer(int row, int column) const { return QByteArray(PQgetvalue(m_r, row, column)).toLongLong(); }

QString PgResult::sqlState() const
{
    const char* s = m_r ? PQresultErrorField(m_r, PG_DIAG_SQLSTATE) : nullptr;
    return s ? QString::fromLatin1(s) : QString();
}

QString PgResult::error() const
{
    return m_r ? oneLine(PQresultErrorMessage(m_r)) : QStringLiteral("no result (out of memory or connection lost)");
}

PgConnection::~PgConnection() { PQfinish(m_c); }

bool PgConnection::connect(const QString& conninfo, QString* error)
{
    PQfinish(m_c);
    m_c = PQconnectdb(conninfo.toUtf8().constData());
    if (PQstatus(m_c) == CONNECTION_OK) {
        PQsetClientEncoding(m_c, "UTF8");
        return true;
    }
    *error = oneLine(PQerrorMessage(m_c));
    return false;
}

bool PgConnection::isOk() const { return m_c && PQstatus(m_c) == CONNECTION_OK; }

PgResult PgConnection::exec(const char* sql, const QList<QByteArray>& params) const
{
    std::vector<const char*> values;
    values.reserve(std::size_t(params.size()));
    for (const QByteArray& p : params)
        values.push_back(p.isNull() ? nullptr : p.constData());
    return PgResult(PQexecParams(m_c, sql, int(values.size()), nullptr, values.data(), nullptr, nullptr, 0));
}

bool PgConnection::run(const char* sql, const QList<QByteArray>& params, QString* error) const
{
    const PgResult r = exec(sql, params);
    if (r.ok())
        return true;
    *error = r.error();
    return false;
}

bool PgConnection::script(const char* sql, QString* error) const
{
    const PgResult r(PQexec(m_c, sql));
    if (r.ok())
        return true;
    *error = r.error();
    return false;
}

QString PgConnection::error() const { return oneLine(PQerrorMessage(m_c)); }
int PgConnection::socket() const { return m_c ? PQsocket(m_c) : -1; }
int PgConnection::backendPid() const { return m_c ? PQbackendPID(m_c) : 0; }

QByteArray pgText(const QString& s)
{
    const QByteArray b = s.toUtf8();
    return b.isNull() ? QByteArray("") : b; // never NULL: the columns are NOT NULL text
}
QByteArray pgInt(std::int64_t v) { return QByteArray::number(static_cast<qlonglong>(v)); }
QByteArray pgOptional(const std::optional<std::int64_t>& v) { return v ? pgInt(*v) : QByteArray(); }

} // namespace hs
