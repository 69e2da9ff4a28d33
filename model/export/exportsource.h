// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every export reads besides the evidence: the case (optional), checked against the
// evidence and its own audit chain, and the redactor with its pseudonyms. Shared by
// `hydrascope report|export` and the dashboard's export dialogs.

#include "casedata.h"
#include "redaction.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace hs {

class CaseBackend;
struct Investigation;

struct ExportSource
{
    ExportSource();
    ~ExportSource();
    ExportSource(ExportSource&&) noexcept;
    ExportSource& operator=(ExportSource&&) noexcept;

    std::unique_ptr<CaseBackend> caseFile;   // read-write: pseudonyms and the audit entry go here
    std::optional<CaseSnapshot> snapshot; // taken after the pseudonyms were made
    Redactor redactor;
    const CaseSnapshot* caseSnapshot() const { return snapshot ? &*snapshot : nullptr; }
    QString reviewer() const; // scrubbed, for the PDF's author
};

// Opens `casePath` (may be empty: no case), refuses a case of other evidence or one whose audit
// chain does not verify, and prepares the redactor. False with *error.
bool openExportSource(const Investigation& inv, const QString& casePath, RedactionProfile profile,
                      ExportSource* source, QString* error);

// Appends "exported" to the case's audit log: what, where, with which profile, and the hash.
void recordExport(ExportSource& source, const QString& what, const QString& path, const QByteArray& bytes);

} // namespace hs
