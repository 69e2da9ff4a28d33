// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where a case lives, behind one interface: a `.hcase` file (CaseFile, casefile.h) or a case on a
// PostgreSQL server (PgCase, pgcase.h). Both keep the same content and the same audit chain
// (caseedits.h builds every entry for both), so a case verifies the same way in either home and
// moves between them with its whole chain (`case push`, `case pull`).
//
// A location is a path, or a libpq URI whose fragment is the case's name:
// `postgresql://alice@db.example:5432/hydrascope#case-17` (caselocation.h).

#include "casedata.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace hs {

struct EvidenceFile;

// 2: hashes over the binary encoding of casehash.h; 1: over pretty JSON (still read and written).
constexpr int kCaseFormatVersion = 2;

struct Pseudonym
{
    QString kind, value, pseudonym;
    bool operator==(const Pseudonym&) const = default;
};

class CaseBackend
{
public:
    enum class Mode { ReadWrite, ReadOnly };
    virtual ~CaseBackend();

    // The path, or the URI without its password: safe for messages, logs and settings.
    virtual QString location() const = 0;
    // The location as given, password included, to open the case again in this process (an
    // export opens its own connection): never shown, logged or remembered.
    virtual QString reopenLocation() const { return location(); }
    const CaseInfo& info() const { return m_info; }
    virtual bool isReadOnly() const = 0;
    QString lastError() const { return m_error; }
    // The last failed edit was refused because someone else changed the annotation first.
    bool lastWasConflict() const { return m_conflict; }

    // Who the audit log names for the edits that follow (default: the case's reviewer).
    void setActor(const QString& actor) { m_actor = actor; }
    QString actor() const { return m_actor; }

    // Annotations. add() fills id, times and (when empty) the author, and returns the stored one.
    // update() refuses, with lastWasConflict(), when the stored annotation's revision is no longer
    // the one given (another reviewer saved first); a file case has no revisions (always 0).
    virtual std::optional<Annotation> addAnnotation(Annotation a) = 0;
    virtual bool updateAnnotation(Annotation a) = 0; // sets editedAt
    // Undoes an edit: the content as it was, with the edited time it had (an undo is not a new
    // edit of the thing annotated); the audit log still records when the undo happened.
    virtual bool revertAnnotation(const Annotation& before) = 0;
    virtual bool removeAnnotation(std::int64_t id) = 0;
    virtual bool restoreAnnotation(const Annotation& a) = 0; // undoes a removal: same id and content
    virtual std::vector<Annotation> annotations() const = 0;
    virtual std::optional<Annotation> annotation(std::int64_t id) const = 0;

    virtual std::optional<SavedView> saveView(SavedView view) = 0; // replaces a view of the same name
    virtual bool removeView(std::int64_t id) = 0;
    virtual std::vector<SavedView> views() const = 0;

    virtual std::vector<AuditEntry> audit() const = 0;
    // The entries after number `seq`: what others did since the dashboard last looked.
    virtual std::vector<AuditEntry> auditAfter(std::int64_t seq) const;
    // Appends an event without content (opened, exported, evidence-mismatch, ...).
    virtual bool record(const QString& action, const QString& subject, const QString& detail) = 0;
    // Remembers where the evidence was found (not audited content: the hash is what counts).
    virtual bool setEvidencePath(const QString& path) = 0;

    // A stable pseudonym per hidden value ("ACCT-0042"), created on first use; the mapping stays
    // in the case. Read-only file cases answer only known values.
    virtual std::optional<QString> pseudonym(const QString& kind, const QString& value) = 0;
    virtual std::optional<QHash<QString, QString>> pseudonyms(const QString& kind, const QStringList& values) = 0;
    // The whole mapping (push and pull move it); refused to whoever may not read it.
    virtual std::optional<std::vector<Pseudonym>> allPseudonyms() const = 0;

    virtual CaseSnapshot snapshot() const = 0;

    // What this user may do here. A file case: anything its mode allows. A server case: what the
    // server's grants allow this role (pgcase.h); *why says what is missing, for the dashboard.
    virtual bool mayEdit(QString* why) const;
    virtual bool mayExportProfile(const QString& profile, QString* why) const;

    // Shared cases: other reviewers' edits. The socket becomes readable when the server has news;
    // takeChanges() reads it and answers whether this case changed. A file case has neither.
    virtual int changeSocket() const { return -1; }
    virtual bool takeChanges() { return false; }
    // False after the server went away (edits are refused); reconnect() tries again.
    virtual bool isConnected() const { return true; }
    virtual bool reconnect() { return true; }

protected:
    bool fail(const QString& message) const
    {
        m_error = message;
        m_conflict = false;
        return false;
    }
    CaseInfo m_info;
    QString m_actor;
    mutable QString m_error;
    mutable bool m_conflict = false;
};

// Opens the case at `location` (a path or a URI#name); refuses what is not a case or is newer.
std::unique_ptr<CaseBackend> openCase(const QString& location, CaseBackend::Mode mode, QString* error);
// Creates a new case for `evidence` (its sha256 must be set); never replaces an existing one.
std::unique_ptr<CaseBackend> createCase(const QString& location, const EvidenceFile& evidence, const QString& reviewer,
                                        const QString& title, QString* error);
// Writes a whole case as read elsewhere (its audit log entry by entry, unchanged) into a new
// location: what `case push` and `case pull` do after verifying the source.
std::unique_ptr<CaseBackend> copyCase(const QString& location, const CaseSnapshot& from,
                                      const std::vector<Pseudonym>& pseudonyms, QString* error);

// Where the evidence is now: the recorded path, else (for a file case) a file of the recorded
// name beside the case. Empty when neither exists.
// The info of a case about to be created for `evidence` (created_at is the caller's: each home
// takes it from its own clock).
CaseInfo newCaseInfo(const EvidenceFile& evidence, const QString& reviewer, const QString& title);

QString locateEvidence(const CaseInfo& info, const QString& caseLocation);

} // namespace hs
