// SPDX-License-Identifier: GPL-3.0-or-later
#include "evidencedb.h"

#include "readonlyvfs.h"

#include <QFile>

#include <sqlite3.h>

namespace hs {

EvidenceDb::~EvidenceDb() { sqlite3_close_v2(m_db); }

namespace {

bool harden(sqlite3* db)
{
    // sqlite.org/security.html: defensive mode, untrusted schema, no triggers or views doing work
    // behind our back, bounded lengths; cell_size_check catches corrupt pages early.
    int ignored = 0;
    bool ok = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &ignored) == SQLITE_OK;
    ok = ok && sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &ignored) == SQLITE_OK;
    ok = ok && sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &ignored) == SQLITE_OK;
    ok = ok && sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &ignored) == SQLITE_OK;
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 64 * 1024 * 1024);
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 100000);
    sqlite3_limit(db, SQLITE_LIMIT_COLUMN, 200);
    sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 50);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    for (const char* pragma : {"PRAGMA cell_size_check=ON", "PRAGMA query_only=ON",
                               "PRAGMA mmap_size=0", "PRAGMA cache_size=-16384",
                               "PRAGMA temp_store=MEMORY"}) {
        if (sqlite3_exec(db, pragma, nullptr, nullptr, nullptr) != SQLITE_OK)
            ok = false;
    }
    return ok;
}

} // namespace

std::unique_ptr<EvidenceDb> EvidenceDb::open(const QString& path, QString* error)
{
    sqlite3* db = nullptr;
    const QByteArray name = QFile::encodeName(path);
    const int rc = sqlite3_open_v2(name.constData(), &db,
                                   SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE,
                                   evidenceVfsName());
    if (rc != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close_v2(db);
        return nullptr;
    }
    std::unique_ptr<EvidenceDb> result(new EvidenceDb(db));
    if (!harden(db)) {
        if (error)
            *error = QStringLiteral("cannot secure the connection: ") + result->lastError();
        return nullptr;
    }
    return result;
}

Statement EvidenceDb::prepare(const QString& sql, QString* error) const
{
    sqlite3_stmt* stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, utf8.constData(), static_cast<int>(utf8.size()), &stmt, nullptr) != SQLITE_OK) {
        if (error)
            *error = lastError();
        sqlite3_finalize(stmt);
        return {};
    }
    return Statement(m_db, stmt);
}

std::optional<std::int64_t> EvidenceDb::queryInteger(const QString& sql) const
{
    Statement st = prepare(sql);
    if (!st.next() || st.isNull(0))
        return std::nullopt;
    return st.integer(0);
}

bool EvidenceDb::hasTable(const QString& name) const
{
    Statement st = prepare(QStringLiteral("SELECT 1 FROM sqlite_schema WHERE type='table' AND name=?1"));
    if (!st.isValid())
        return false;
    const QByteArray utf8 = name.toUtf8();
    sqlite3_bind_text(st.handle(), 1, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    return st.next();
}

QList<ColumnInfo> EvidenceDb::columns(const QString& table) const
{
    QList<ColumnInfo> result;
    Statement st = prepare(QStringLiteral("SELECT name, type, pk FROM pragma_table_info(?1)"));
    if (!st.isValid())
        return result;
    const QByteArray utf8 = table.toUtf8();
    sqlite3_bind_text(st.handle(), 1, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    while (st.next())
        result.append({st.text(0), st.text(1).toUpper(), st.integer(2) != 0});
    return result;
}

QString EvidenceDb::lastError() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

bool hasSqliteHeader(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    const QByteArray head = file.read(100);
    if (head.size() < 100 || !head.startsWith(QByteArrayLiteral("SQLite format 3\0"))) {
        *error = QStringLiteral("not an SQLite database (the file does not start with the SQLite header)");
        return false;
    }
    return true;
}

} // namespace hs
