// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Rows of the case file's tables to and from the value structs of casedata.h. No transactions,
// no audit: CaseFile (casefile.h) wraps these into audited edits.

#include "casebackend.h"
#include "casedata.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

struct sqlite3;

namespace hs {

bool writeCaseInfo(sqlite3& db, const CaseInfo& info, const QString& format, QString* error);
bool readCaseInfo(sqlite3& db, CaseInfo* info, QString* format, QString* error);
bool setInfoValue(sqlite3& db, const QString& key, const QString& value, QString* error);

bool writeAnnotation(sqlite3& db, const Annotation& a, bool insert, QString* error);
// The read functions leave out a row they cannot read in full and say why in *problems (table,
// row and field), as they do for a table SQLite cannot read to its end: nothing is guessed.
std::vector<Annotation> readAnnotations(sqlite3& db, std::optional<std::int64_t> id, QStringList* problems);
bool writeView(sqlite3& db, const SavedView& v, QString* error);
std::vector<SavedView> readViews(sqlite3& db, QStringList* problems);
bool deleteRow(sqlite3& db, const char* sql, std::int64_t id, QString* error);

bool insertAudit(sqlite3& db, const AuditEntry& e, QString* error);
std::vector<AuditEntry> readAudit(sqlite3& db, QStringList* problems);
// SQLite's PRAGMA integrity_check over the whole file (every table, index and free page): its
// findings, empty when the file is sound.
QStringList integrityProblems(sqlite3& db);

std::optional<QString> findPseudonym(sqlite3& db, const QString& kind, const QString& value, QString* error);
std::optional<QString> createPseudonym(sqlite3& db, const QString& kind, const QString& value, QString* error);
// Every known pseudonym of `kind` into *map, plus new ones for `values` not yet known (no transaction).
bool createPseudonyms(sqlite3& db, const QString& kind, const QStringList& values, QHash<QString, QString>* map,
                      QString* error);
QString pseudonymName(const QString& kind, std::int64_t number);
bool insertPseudonym(sqlite3& db, const QString& kind, const QString& value, const QString& name, QString* error);
std::optional<std::vector<Pseudonym>> readPseudonyms(sqlite3& db, QString* error);

// The stored forms of lists (compact JSON), shared by both homes of a case. The readers answer
// nullopt for anything the writers would not have written.
QString tagsToText(const QStringList& tags);
std::optional<QStringList> tagsFromText(const QString& text);
QString idsToText(const std::vector<std::int64_t>& ids);
std::optional<std::vector<std::int64_t>> idsFromText(const QString& text);

} // namespace hs
