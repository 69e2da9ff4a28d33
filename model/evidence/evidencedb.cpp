// SPDX-License-Identifier: GPL-3.0-or-later
#include "evidencedb.h"

#include "readonlyvfs.h"
#include "sha256.h"

#include <QFile>

#include <sqlite3.h>

namespace hs {

EvidenceDb::~EvidenceDb() { sqlite3_close_v2(m_db); }

namespace {

// Empty when the connection is hardened, else SQLite's own reason for the first step that failed
// (a malformed schema shows here first: the pragmas are the first statements to read it).
QString harden(sqlite3* db)
{
    // sqlite.org/security.html: defensive mode, untrusted schema, no triggers or views doing work
    // behind our back, bounded lengths; cell_size_check catches corrupt pages early.
    int ignored = 0;
    for (const int option : {SQLITE_DBCONFIG_DEFENSIVE, SQLITE_DBCONFIG_TRUSTED_SCHEMA, SQLITE_DBCONFIG_ENABLE_TRIGGER,
                             SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION}) {
        const int on = option == SQLITE_DBCONFIG_DEFENSIVE ? 1 : 0;
        const int rc = sqlite3_db_config(db, option, on, &ignored);
        if (rc != SQLITE_OK)
            return QStringLiteral("sqlite3_db_config(%1): %2").arg(option).arg(QString::fromUtf8(sqlite3_errstr(rc)));
    }
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 64 * 1024 * 1024);
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 100000);
    sqlite3_limit(db, SQLITE_LIMIT_COLUMN, 200);
    sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 50);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    for (const char* pragma : {"PRAGMA cell_size_check=ON", "PRAGMA query_only=ON",
                               "PRAGMA mmap_size=0", "PRAGMA cache_size=-16384",
                               "PRAGMA temp_store=MEMORY"}) {
        char* message = nullptr;
        const int rc = sqlite3_exec(db, pragma, nullptr, nullptr, &message);
        if (rc != SQLITE_OK) {
            const QString why = QString::fromUtf8(message ? message : sqlite3_errstr(rc));
            sqlite3_free(message);
            return why;
        }
    }
    return {};
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
    const QString refused = harden(db);
    if (!refused.isEmpty()) {
        if (error)
            *error = refused;
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

QString sha256OfEvidence(const QString& path, QString* error, const std::function<bool()>& stop)
{
    auto db = EvidenceDb::open(path, error);
    sqlite3_file* file = nullptr;
    sqlite3_int64 size = 0;
    if (!db)
        return {};
    if (sqlite3_exec(db->handle(), "BEGIN; SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_file_control(db->handle(), "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file ||
        !file->pMethods || file->pMethods->xFileSize(file, &size) != SQLITE_OK) {
        *error = db->lastError();
        return {};
    }
    sqlite3_int64 at = 0;
    return sha256OfStream([&](char* buffer, qint64 want) -> qint64 {
        const qint64 n = std::min<qint64>(want, size - at);
        if (n <= 0)
            return 0;
        if (file->pMethods->xRead(file, buffer, static_cast<int>(n), at) != SQLITE_OK) {
            *error = QStringLiteral("the file could not be read at offset %1").arg(at);
            return -1;
        }
        at += n;
        return n;
    }, error, stop);
}

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

namespace {

std::uint32_t be32(const unsigned char* p)
{
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

} // namespace

// sqlite.org/fileformat2.html 4.1: magic, version 3007000, the page size, and a checksum of the
// first 24 bytes in the byte order the magic names.
bool walHeaderValid(const QString& walPath, std::uint32_t pageSize, QString* why)
{
    QFile file(walPath);
    if (!file.open(QIODevice::ReadOnly))
        return *why = file.errorString(), false;
    const QByteArray head = file.read(32);
    if (head.size() < 32)
        return *why = QStringLiteral("it is shorter than a WAL header (32 bytes)"), false;
    const auto* h = reinterpret_cast<const unsigned char*>(head.constData());
    const std::uint32_t magic = be32(h);
    if (magic != 0x377f0682u && magic != 0x377f0683u)
        return *why = QStringLiteral("it does not start with the WAL magic number"), false;
    if (be32(h + 4) != 3007000u)
        return *why = QStringLiteral("its format version is %1, not 3007000").arg(be32(h + 4)), false;
    if (be32(h + 8) != pageSize)
        return *why = QStringLiteral("its page size %1 is not the database's %2").arg(be32(h + 8)).arg(pageSize), false;
    const bool bigEndian = magic & 1;
    auto word = [&](int at) {
        return bigEndian ? be32(h + at)
                         : std::uint32_t(h[at + 3]) << 24 | std::uint32_t(h[at + 2]) << 16 | std::uint32_t(h[at + 1]) << 8 | h[at];
    };
    std::uint32_t s0 = 0, s1 = 0;
    for (int at = 0; at < 24; at += 8) {
        s0 += word(at) + s1;
        s1 += word(at + 4) + s0;
    }
    if (s0 != be32(h + 24) || s1 != be32(h + 28))
        return *why = QStringLiteral("its header checksum is wrong"), false;
    return true;
}

} // namespace hs
