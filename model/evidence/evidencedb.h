// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A hardened, read-only sqlite3 connection to an evidence file.
// Evidence files come from outside and may be hostile: every connection goes through the guard
// VFS (nothing beside the file is ever created or changed) and sqlite.org's security advice
// (defensive mode, no trusted schema, cell size checks, bounded lengths).

#include "sqlitestatement.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <cstdint>
#include <memory>
#include <optional>

struct sqlite3;

namespace hs {

struct ColumnInfo
{
    QString name;
    QString declaredType; // as written in CREATE TABLE, upper-cased
    bool primaryKey = false;
};

class EvidenceDb
{
public:
    ~EvidenceDb();
    EvidenceDb(const EvidenceDb&) = delete;
    EvidenceDb& operator=(const EvidenceDb&) = delete;

    // Opens `path` read-only through the guard VFS and hardens the connection.
    // On failure returns nullptr and a reason in *error (the file itself is not named).
    static std::unique_ptr<EvidenceDb> open(const QString& path, QString* error);

    Statement prepare(const QString& sql, QString* error = nullptr) const;
    // Convenience for a one-value query; std::nullopt on error or no row.
    std::optional<std::int64_t> queryInteger(const QString& sql) const;

    bool hasTable(const QString& name) const;
    QList<ColumnInfo> columns(const QString& table) const;
    QString lastError() const;
    sqlite3* handle() const { return m_db; }

private:
    explicit EvidenceDb(sqlite3* db) : m_db(db) {}
    sqlite3* m_db = nullptr;
};

// SHA-256 of the evidence file read through SQLite's own file handle, under SQLite's shared lock:
// opening and closing a second descriptor on a file SQLite has open would drop SQLite's POSIX
// locks for the whole process (fcntl locks belong to the process and the file, not the descriptor).
QString sha256OfEvidence(const QString& path, QString* error, const std::function<bool()>& stop);

// Reads the first 100 bytes of a file: true when it carries SQLite's magic header.
bool hasSqliteHeader(const QString& path, QString* error);
// A `-wal` beside an evidence file must be one SQLite can read: a damaged one made every open
// retry for ten seconds and then fail with a message that named nothing. False with the reason.
bool walHeaderValid(const QString& walPath, std::uint32_t pageSize, QString* why);

} // namespace hs
