// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Rows of the server's case tables (pgschema.cpp) to and from the value structs of casedata.h,
// for one case (`case_name`). No transactions, no audit: PgCase (pgcase.h) wraps these. The
// readers check every value as the file's readers do (casestore.h) and leave out, naming table,
// row and field in *problems, a row the format does not allow.

#include "casebackend.h"

#include <optional>
#include <vector>

namespace hs {

class PgConnection;

std::optional<CaseInfo> pgReadInfo(const PgConnection& c, const QString& name, QString* error);
bool pgWriteInfo(const PgConnection& c, const QString& name, const CaseInfo& info, std::int64_t nextAnnotationId,
                 QString* error);

bool pgInsertAnnotation(const PgConnection& c, const QString& name, const Annotation& a, QString* error);
// The update only when the stored revision is a.revision; the new revision, 0 when none matched.
std::int64_t pgUpdateAnnotation(const PgConnection& c, const QString& name, const Annotation& a, QString* error);
std::vector<Annotation> pgReadAnnotations(const PgConnection& c, const QString& name, std::optional<std::int64_t> id,
                                          QStringList* problems);
bool pgWriteView(const PgConnection& c, const QString& name, const SavedView& v, QString* error);
std::vector<SavedView> pgReadViews(const PgConnection& c, const QString& name, QStringList* problems);
bool pgInsertAudit(const PgConnection& c, const QString& name, const AuditEntry& e, QString* error);
// The case's log in order; with `after`, only the entries numbered above it.
std::vector<AuditEntry> pgReadAudit(const PgConnection& c, const QString& name, QStringList* problems, std::int64_t after = 0);
std::optional<std::vector<Pseudonym>> pgReadPseudonyms(const PgConnection& c, const QString& name, QString* error);
bool pgInsertPseudonym(const PgConnection& c, const QString& name, const Pseudonym& p, QString* error);

} // namespace hs
