// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What an edit writes, the same for both homes of a case (casefile.h, pgcase.h): the checks on
// an annotation, the audit entry's subject and sentence, and the next link of the hash chain.
// Keeping these in one place is what makes a case chain identically in a file and on a server.

#include "casedata.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace hs {

// Why an annotation cannot be stored as it is (empty: it can).
QString annotationProblem(const Annotation& a);

QString annotationSubject(std::int64_t id); // "annotation:12"
QString viewSubject(std::int64_t id);       // "view:3"
QString annotationDetail(const Annotation& a); // range annotation "Burst"
QString viewDetail(const SavedView& v);
QString caseCreatedDetail(const CaseInfo& info);

// The audit entry that follows the last one (seq 0 and an empty hash: none yet), with its hash.
// Empty with *error when nothing can follow (the last entry has the largest possible number).
std::optional<AuditEntry> nextAuditEntry(std::int64_t lastSeq, const QString& lastHash, std::int64_t at,
                                         const QString& actor, const QString& action, const QString& subject,
                                         const QString& detail, const QString& contentHash, int formatVersion,
                                         QString* error);

std::int64_t nowSeconds();

} // namespace hs
