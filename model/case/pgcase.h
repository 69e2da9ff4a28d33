// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A case on a PostgreSQL server (docs/case-file.md, "On a PostgreSQL server"): the same content
// and audit chain as a .hcase file, shared by several reviewers at once.
//
// Every edit is one transaction that takes the case's advisory lock (so appends to the chain are
// serialised: one chain, one order), reads the chain's head and the server's time, makes the
// change, appends the entry built by caseedits.h, and notifies listeners (NOTIFY
// hydrascope_case, payload: the case's name) on commit. An annotation carries its row revision:
// an update made from an older revision is refused as a conflict naming who changed it and when.
// What a role may do is the server's grants (pgschema.cpp); mayEdit() and mayExportProfile()
// ask the server, so the dashboard can say why before the server refuses.

#include "casebackend.h"
#include "pgconnection.h"

namespace hs {

class PgCase final : public CaseBackend
{
public:
    ~PgCase() override;
    static std::unique_ptr<PgCase> create(const QString& location, const EvidenceFile& evidence, const QString& reviewer,
                                          const QString& title, QString* error);
    static std::unique_ptr<PgCase> open(const QString& location, Mode mode, QString* error);
    static std::unique_ptr<PgCase> createCopy(const QString& location, const CaseSnapshot& from,
                                              const std::vector<Pseudonym>& pseudonyms, QString* error);

    QString location() const override { return m_display; }
    QString reopenLocation() const override;
    QString caseName() const { return m_name; }
    bool isReadOnly() const override { return m_mode == Mode::ReadOnly; }

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
    std::vector<AuditEntry> auditAfter(std::int64_t seq) const override;
    bool record(const QString& action, const QString& subject, const QString& detail) override;
    bool setEvidencePath(const QString& path) override;

    std::optional<QString> pseudonym(const QString& kind, const QString& value) override;
    std::optional<QHash<QString, QString>> pseudonyms(const QString& kind, const QStringList& values) override;
    std::optional<std::vector<Pseudonym>> allPseudonyms() const override;

    CaseSnapshot snapshot() const override;

    bool mayEdit(QString* why) const override;
    bool mayExportProfile(const QString& profile, QString* why) const override;
    int changeSocket() const override;
    bool takeChanges() override;
    bool isConnected() const override;
    bool reconnect() override;

private:
    bool writeEdit(Annotation a, bool keepEditedAt);
    PgCase(QString conninfo, QString name, QString display, Mode mode);
    static std::unique_ptr<PgCase> connectTo(const QString& location, Mode mode, QString* error);
    bool readRole();
    struct Edit
    {
        QString action, subject, detail, contentHash;
    };
    // BEGIN, the case's lock, the head and the server's time; `change(at, edit)` does the change
    // and describes its entry; then the entry, the notification and COMMIT. False (rolled back)
    // when anything fails.
    template<typename Change>
    bool transact(Change&& change);
    bool failWith(const QString& message) const; // also notes a lost connection
    QString conflictMessage(std::int64_t id) const;

    PgConnection m_conn;
    QString m_conninfo, m_name, m_display;
    Mode m_mode;
    mutable bool m_listening = false;
    bool m_reviewer = false; // may insert annotations (hydrascope_reviewer's grants)
    QString m_role;
};

} // namespace hs
