// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The case file (.hcase): a reviewer's annotations, saved views and audit log in a SQLite file
// of its own, beside (never inside) the read-only evidence. Format: docs/case-file.md.
//
// Every edit is one transaction that also appends its audit entry, committed into the file itself
// before the call returns (rollback journal, synchronous=FULL): there is nothing to save, killing
// the program loses at most the edit in flight, and a copy of the .hcase alone is the whole case.
// Not thread-safe: one CaseFile per thread.

#include "casebackend.h"

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

class CaseFile final : public CaseBackend
{
public:
    ~CaseFile() override;
    CaseFile(const CaseFile&) = delete;
    CaseFile& operator=(const CaseFile&) = delete;

    // Creates a new case for `evidence` (its sha256 must be set). Refuses an existing file.
    static std::unique_ptr<CaseFile> create(const QString& path, const EvidenceFile& evidence,
                                            const QString& reviewer, const QString& title, QString* error);
    // Opens a case; refuses files that are not case files or of a newer format version.
    static std::unique_ptr<CaseFile> open(const QString& path, Mode mode, QString* error);
    // A new file holding `from` as it is: its info, content and audit log entry by entry (pull).
    static std::unique_ptr<CaseFile> createCopy(const QString& path, const CaseSnapshot& from,
                                                const std::vector<Pseudonym>& pseudonyms, QString* error);

    QString path() const { return m_path; }
    QString location() const override { return m_path; }
    bool isReadOnly() const override { return m_mode == Mode::ReadOnly; }

    // The readers leave out rows they cannot read (lastError() says which); snapshot() keeps the reasons.
    std::optional<Annotation> addAnnotation(Annotation a) override;
    bool updateAnnotation(Annotation a) override;
    bool revertAnnotation(const Annotation& before) override;
    bool removeAnnotation(std::int64_t id) override;
    bool restoreAnnotation(const Annotation& a) override;
    std::vector<Annotation> annotations() const override;
    std::optional<Annotation> annotation(std::int64_t id) const override;

    std::optional<SavedView> saveView(SavedView view) override;
    bool removeView(std::int64_t id) override;
    std::vector<SavedView> views() const override;

    std::vector<AuditEntry> audit() const override;
    bool record(const QString& action, const QString& subject, const QString& detail) override;
    bool setEvidencePath(const QString& path) override;

    // Read-only cases answer only known values (and fail for a batch with an unknown one).
    std::optional<QString> pseudonym(const QString& kind, const QString& value) override;
    std::optional<QHash<QString, QString>> pseudonyms(const QString& kind, const QStringList& values) override;
    std::optional<std::vector<Pseudonym>> allPseudonyms() const override;

    CaseSnapshot snapshot() const override;

private:
    CaseFile(sqlite3* db, QString path, Mode mode);
    static std::unique_ptr<CaseFile> createEmpty(const QString& path, QString* error);
    static void removeHalfMade(std::unique_ptr<CaseFile> c, const QString& path);
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

    sqlite3* m_db = nullptr;
    QString m_path;
    Mode m_mode;
    bool m_checkpointEachCommit = false;
};

} // namespace hs
