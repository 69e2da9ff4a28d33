// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The case file (.hcase): a reviewer's annotations, saved views and audit log in a SQLite file
// of its own, beside (never inside) the read-only evidence. Format: docs/case-file.md.
//
// Every edit is one transaction that also appends its audit entry, committed into the file itself
// before the call returns (rollback journal, synchronous=FULL): there is nothing to save, killing
// the program loses at most the edit in flight, and a copy of the .hcase alone is the whole case.
// Not thread-safe: one CaseFile per thread.

#include "casedata.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

struct sqlite3;

namespace hs {

struct EvidenceFile;
class Statement;

// 2: hashes over the binary encoding of casehash.h; 1: over pretty JSON (still read and written).
constexpr int kCaseFormatVersion = 2;

class CaseFile
{
public:
    enum class Mode { ReadWrite, ReadOnly };
    ~CaseFile();
    CaseFile(const CaseFile&) = delete;
    CaseFile& operator=(const CaseFile&) = delete;

    // Creates a new case for `evidence` (its sha256 must be set). Refuses an existing file.
    static std::unique_ptr<CaseFile> create(const QString& path, const EvidenceFile& evidence,
                                            const QString& reviewer, const QString& title, QString* error);
    // Opens a case; refuses files that are not case files or of a newer format version.
    static std::unique_ptr<CaseFile> open(const QString& path, Mode mode, QString* error);

    QString path() const { return m_path; }
    const CaseInfo& info() const { return m_info; }
    bool isReadOnly() const { return m_mode == Mode::ReadOnly; }
    QString lastError() const { return m_error; }

    // Who the audit log names for the edits that follow (default: the case's reviewer).
    void setActor(const QString& actor) { m_actor = actor; }
    QString actor() const { return m_actor; }

    // Annotations. add() fills id, times and (when empty) the author, and returns the stored one.
    // The readers leave out rows they cannot read (lastError() says which); snapshot() keeps the reasons.
    std::optional<Annotation> addAnnotation(Annotation a);
    bool updateAnnotation(Annotation a); // sets editedAt
    // Undoes an edit: the content as it was, with the edited time it had (an undo is not a new
    // edit of the thing annotated); the audit log still records when the undo happened.
    bool revertAnnotation(const Annotation& before);
    bool removeAnnotation(std::int64_t id);
    bool restoreAnnotation(const Annotation& a); // undoes a removal: same id and content
    std::vector<Annotation> annotations() const;
    std::optional<Annotation> annotation(std::int64_t id) const;

    std::optional<SavedView> saveView(SavedView view); // replaces a view of the same name
    bool removeView(std::int64_t id);
    std::vector<SavedView> views() const;

    std::vector<AuditEntry> audit() const;
    // Appends an event without content (opened, exported, evidence-mismatch, ...).
    bool record(const QString& action, const QString& subject, const QString& detail);
    // Remembers where the evidence was found (not audited content: the hash is what counts).
    bool setEvidencePath(const QString& path);

    // A stable pseudonym for a hidden value ("ACCT-0042"), created on first use; the mapping
    // stays in the case file only. Read-only cases answer only known values.
    std::optional<QString> pseudonym(const QString& kind, const QString& value);
    // The same for many values in one transaction (exports pseudonymise every account at once).
    // Read-only cases fail when a value has no pseudonym yet.
    std::optional<QHash<QString, QString>> pseudonyms(const QString& kind, const QStringList& values);

    CaseSnapshot snapshot() const;

private:
    CaseFile(sqlite3* db, QString path, Mode mode);
    bool readInfo();
    bool exec(const char* sql);
    bool useRollbackJournal();
    void committed(); // after every commit: see useRollbackJournal()
    Statement prepare(const char* sql) const;
    struct AuditFields
    {
        QString action, subject, detail, contentHash;
    };
    template<typename Change> // bool(AuditFields&): the change, describing its own audit entry
    bool transactFilled(Change&& change);
    // Runs `change` and appends its audit entry in one transaction.
    template<typename Change>
    bool transact(const QString& action, const QString& subject, const QString& detail,
                  const QString& contentHash, Change&& change);
    bool appendAudit(const QString& action, const QString& subject, const QString& detail,
                     const QString& contentHash);
    bool writeAnnotation(const Annotation& a, bool insert);
    bool fail(const QString& message);

    sqlite3* m_db = nullptr;
    QString m_path;
    Mode m_mode;
    CaseInfo m_info;
    QString m_actor;
    bool m_checkpointEachCommit = false;
    mutable QString m_error;
};

// Where the evidence is now: the recorded path, else a file of the recorded name beside the
// case. Empty when neither exists.
QString locateEvidence(const CaseInfo& info, const QString& casePath);

} // namespace hs
