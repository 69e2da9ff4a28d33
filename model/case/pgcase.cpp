// SPDX-License-Identifier: GPL-3.0-or-later
#include "pgcase.h"

#include "caseaudit.h"
#include "caseedits.h"
#include "caselocation.h"
#include "pgcasestore.h"
#include "pgschema.h"
#include "investigation.h"

#include <QDateTime>
#include <QFileInfo>
#include <QUrl>

#include <libpq-fe.h>

#include <algorithm>

namespace hs {
namespace {

constexpr char kChannel[] = "hydrascope_case";
// The chain's lock: one per case (two ints: Hydrascope's tag and the hash of the case's name).
constexpr char kLockSql[] = "SELECT pg_advisory_xact_lock(1213416262, hashtext($1))";

} // namespace

PgCase::PgCase(QString conninfo, QString name, QString display, Mode mode)
    : m_conninfo(std::move(conninfo)), m_name(std::move(name)), m_display(std::move(display)), m_mode(mode)
{
}

PgCase::~PgCase() = default;

QString PgCase::reopenLocation() const
{
    return m_conninfo + QLatin1Char('#') + QString::fromUtf8(QUrl::toPercentEncoding(m_name));
}

std::unique_ptr<PgCase> PgCase::connectTo(const QString& location, Mode mode, QString* error)
{
    ServerLocation where;
    if (!parseServerLocation(location, &where, error))
        return nullptr;
    std::unique_ptr<PgCase> c(new PgCase(where.conninfo, where.caseName, displayLocation(location), mode));
    QString why;
    if (!c->m_conn.connect(where.conninfo, &why)) {
        *error = QStringLiteral("%1: cannot connect: %2").arg(c->m_display, why);
        return nullptr;
    }
    if (!ensurePgSchema(c->m_conn, &why)) {
        *error = QStringLiteral("%1: %2").arg(c->m_display, why);
        return nullptr;
    }
    c->readRole();
    return c;
}

bool PgCase::readRole()
{
    const PgResult r = m_conn.exec("SELECT current_user, has_table_privilege('hydrascope.annotations', 'INSERT')");
    if (!r.ok())
        return failWith(r.error());
    m_role = r.text(0, 0);
    m_reviewer = r.text(0, 1) == QLatin1String("t");
    return true;
}

std::unique_ptr<PgCase> PgCase::create(const QString& location, const EvidenceFile& evidence, const QString& reviewer,
                                       const QString& title, QString* error)
{
    if (evidence.sha256.isEmpty()) {
        *error = QStringLiteral("the evidence file's SHA-256 is unknown");
        return nullptr;
    }
    std::unique_ptr<PgCase> c = connectTo(location, Mode::ReadWrite, error);
    if (!c)
        return nullptr;
    CaseInfo& info = c->m_info;
    info = newCaseInfo(evidence, reviewer, title);
    c->m_actor = reviewer;
    bool inserted = false;
    const bool ok = c->transact([&](std::int64_t at, Edit& edit) {
        info.createdAt = at;
        if (!pgWriteInfo(c->m_conn, c->m_name, info, 1, &c->m_error))
            return false;
        inserted = true;
        edit = {QStringLiteral("created"), QStringLiteral("case"), caseCreatedDetail(info),
                contentHash(info, info.formatVersion)};
        return true;
    });
    if (!ok) {
        *error = QStringLiteral("%1: %2").arg(c->m_display, c->m_error);
        return nullptr;
    }
    return c;
}

std::unique_ptr<PgCase> PgCase::open(const QString& location, Mode mode, QString* error)
{
    std::unique_ptr<PgCase> c = connectTo(location, mode, error);
    if (!c)
        return nullptr;
    const std::optional<CaseInfo> info = pgReadInfo(c->m_conn, c->m_name, error);
    if (!info) {
        *error = QStringLiteral("%1: %2").arg(c->m_display, *error);
        return nullptr;
    }
    if (info->formatVersion > kCaseFormatVersion || info->formatVersion < 1) {
        *error = QStringLiteral("%1: case format %2 is not one this Hydrascope reads (1 to %3)")
                     .arg(c->m_display).arg(info->formatVersion).arg(kCaseFormatVersion);
        return nullptr;
    }
    c->m_info = *info;
    // The server knows who is connected: the dashboard's edits are that role's, whoever created
    // the case (a caller that knows better, e.g. `case annotate`, sets the actor itself).
    c->m_actor = c->m_role.isEmpty() ? info->reviewer : c->m_role;
    return c;
}

std::unique_ptr<PgCase> PgCase::createCopy(const QString& location, const CaseSnapshot& from,
                                           const std::vector<Pseudonym>& pseudonyms, QString* error)
{
    std::unique_ptr<PgCase> c = connectTo(location, Mode::ReadWrite, error);
    if (!c)
        return nullptr;
    c->m_info = from.info;
    c->m_actor = from.info.reviewer;
    // Ids are never reused, also after the copy: above every id the content or the log names.
    std::int64_t nextId = 1;
    for (const Annotation& a : from.annotations)
        nextId = std::max(nextId, a.id + 1);
    for (const AuditEntry& e : from.audit)
        if (e.subject.startsWith(QLatin1String("annotation:")))
            nextId = std::max<std::int64_t>(nextId, e.subject.mid(11).toLongLong() + 1);
    const PgConnection& pg = c->m_conn;
    QString& why = c->m_error;
    bool ok = pg.run("BEGIN", {}, &why) && pg.run(kLockSql, {pgText(c->m_name)}, &why)
              && pgWriteInfo(pg, c->m_name, from.info, nextId, &why);
    for (auto a = from.annotations.begin(); ok && a != from.annotations.end(); ++a)
        ok = pgInsertAnnotation(pg, c->m_name, *a, &why);
    for (auto v = from.views.begin(); ok && v != from.views.end(); ++v)
        ok = pgWriteView(pg, c->m_name, *v, &why);
    for (auto e = from.audit.begin(); ok && e != from.audit.end(); ++e)
        ok = pgInsertAudit(pg, c->m_name, *e, &why);
    for (auto p = pseudonyms.begin(); ok && p != pseudonyms.end(); ++p)
        ok = pgInsertPseudonym(pg, c->m_name, *p, &why);
    if (ok && pg.run("SELECT pg_notify($1, $2)", {QByteArray(kChannel), pgText(c->m_name)}, &why)
        && pg.run("COMMIT", {}, &why))
        return c;
    QString ignored;
    pg.run("ROLLBACK", {}, &ignored);
    *error = QStringLiteral("%1: %2").arg(c->m_display, why);
    return nullptr;
}

bool PgCase::failWith(const QString& message) const
{
    fail(message);
    return false;
}

template<typename Change>
bool PgCase::transact(Change&& change)
{
    if (m_mode == Mode::ReadOnly)
        return failWith(QStringLiteral("the case is open read-only"));
    if (!m_conn.isOk())
        return failWith(QStringLiteral("the server cannot be reached: the edit was not made"));
    m_conflict = false;
    QString why;
    bool ok = m_conn.run("BEGIN", {}, &why) && m_conn.run(kLockSql, {pgText(m_name)}, &why);
    const PgResult head = ok ? m_conn.exec("SELECT (SELECT seq FROM hydrascope.audit WHERE case_name = $1 ORDER BY seq DESC "
                                           "LIMIT 1), (SELECT hash FROM hydrascope.audit WHERE case_name = $1 ORDER BY seq "
                                           "DESC LIMIT 1), floor(extract(epoch FROM statement_timestamp()))::bigint",
                                           {pgText(m_name)})
                             : PgResult();
    if (ok && !head.ok()) {
        why = head.error();
        ok = false;
    }
    Edit edit;
    if (ok) {
        const std::int64_t at = head.integer(0, 2);
        m_error.clear();
        ok = change(at, edit);
        if (!ok)
            why = m_error;
        std::optional<AuditEntry> e;
        if (ok) {
            e = nextAuditEntry(head.isNull(0, 0) ? 0 : head.integer(0, 0), head.text(0, 1), at, m_actor, edit.action,
                               edit.subject, edit.detail, edit.contentHash, m_info.formatVersion, &why);
            ok = e && pgInsertAudit(m_conn, m_name, *e, &why)
                 && m_conn.run("SELECT pg_notify($1, $2)", {QByteArray(kChannel), pgText(m_name)}, &why)
                 && m_conn.run("COMMIT", {}, &why);
        }
    }
    if (ok)
        return true;
    const bool conflict = m_conflict;
    QString ignored;
    if (m_conn.isOk())
        m_conn.run("ROLLBACK", {}, &ignored);
    else
        why = QStringLiteral("the server went away: the edit was not made (%1)").arg(why);
    failWith(why);
    m_conflict = conflict;
    return false;
}

QString PgCase::conflictMessage(std::int64_t id) const
{
    const PgResult r = m_conn.exec("SELECT actor, at FROM hydrascope.audit WHERE case_name = $1 AND subject = $2 "
                                   "ORDER BY seq DESC LIMIT 1",
                                   {pgText(m_name), pgText(annotationSubject(id))});
    if (!r.ok() || r.rows() == 0)
        return QStringLiteral("annotation %1 was changed by someone else; reload or overwrite").arg(id);
    // In UTC, like every time the dashboard shows: reviewers in two time zones read the same.
    const QString when = QDateTime::fromSecsSinceEpoch(r.integer(0, 1), Qt::UTC).toString(QStringLiteral("HH:mm 'UTC'"));
    return QStringLiteral("annotation %1 was changed by %2 at %3; reload or overwrite").arg(id).arg(r.text(0, 0), when);
}

std::optional<Annotation> PgCase::addAnnotation(Annotation a)
{
    if (const QString problem = annotationProblem(a); !problem.isEmpty()) {
        fail(problem);
        return std::nullopt;
    }
    if (a.author.isEmpty())
        a.author = m_actor;
    const bool ok = transact([&](std::int64_t at, Edit& edit) {
        const PgResult next = m_conn.exec("UPDATE hydrascope.cases SET next_annotation_id = next_annotation_id + 1 "
                                          "WHERE name = $1 RETURNING next_annotation_id - 1",
                                          {pgText(m_name)});
        if (!next.ok() || next.rows() != 1)
            return failWith(next.ok() ? QStringLiteral("the case is gone from the server") : next.error());
        a.id = next.integer(0, 0);
        a.createdAt = a.editedAt = at;
        a.revision = 1;
        edit = {QStringLiteral("created"), annotationSubject(a.id), annotationDetail(a),
                contentHash(a, m_info.formatVersion)};
        return pgInsertAnnotation(m_conn, m_name, a, &m_error);
    });
    return ok ? std::optional<Annotation>(a) : std::nullopt;
}

bool PgCase::updateAnnotation(Annotation a) { return writeEdit(std::move(a), false); }

bool PgCase::revertAnnotation(const Annotation& before) { return writeEdit(before, true); }

bool PgCase::writeEdit(Annotation a, bool keepEditedAt)
{
    if (const QString problem = annotationProblem(a); !problem.isEmpty())
        return failWith(problem);
    return transact([&](std::int64_t at, Edit& edit) {
        if (!keepEditedAt)
            a.editedAt = at;
        const std::int64_t revision = pgUpdateAnnotation(m_conn, m_name, a, &m_error);
        if (revision < 0)
            return false;
        if (revision == 0) { // gone, or saved by someone else since this revision was read
            QStringList problems;
            if (pgReadAnnotations(m_conn, m_name, a.id, &problems).empty())
                return failWith(QStringLiteral("annotation %1 does not exist (deleted by someone else?)").arg(a.id));
            const QString message = conflictMessage(a.id);
            failWith(message);
            m_conflict = true;
            return false;
        }
        edit = {QStringLiteral("edited"), annotationSubject(a.id), annotationDetail(a), contentHash(a, m_info.formatVersion)};
        return true;
    });
}

bool PgCase::removeAnnotation(std::int64_t id)
{
    return transact([&](std::int64_t, Edit& edit) {
        QStringList problems;
        const std::vector<Annotation> found = pgReadAnnotations(m_conn, m_name, id, &problems);
        if (found.empty())
            return failWith(QStringLiteral("annotation %1 does not exist").arg(id));
        edit = {QStringLiteral("deleted"), annotationSubject(id), annotationDetail(found.front()), QString()};
        return m_conn.run("DELETE FROM hydrascope.annotations WHERE case_name = $1 AND id = $2",
                          {pgText(m_name), pgInt(id)}, &m_error);
    });
}

bool PgCase::restoreAnnotation(const Annotation& a)
{
    return transact([&](std::int64_t, Edit& edit) {
        QStringList problems;
        if (!pgReadAnnotations(m_conn, m_name, a.id, &problems).empty())
            return failWith(QStringLiteral("annotation %1 exists already").arg(a.id));
        edit = {QStringLiteral("restored"), annotationSubject(a.id), annotationDetail(a), contentHash(a, m_info.formatVersion)};
        return pgInsertAnnotation(m_conn, m_name, a, &m_error);
    });
}

std::vector<Annotation> PgCase::annotations() const
{
    QStringList problems;
    std::vector<Annotation> all = pgReadAnnotations(m_conn, m_name, std::nullopt, &problems);
    if (!problems.isEmpty())
        m_error = problems.join(QLatin1Char('\n'));
    return all;
}

std::optional<Annotation> PgCase::annotation(std::int64_t id) const
{
    QStringList problems;
    std::vector<Annotation> found = pgReadAnnotations(m_conn, m_name, id, &problems);
    return found.empty() ? std::nullopt : std::optional<Annotation>(found.front());
}

std::optional<SavedView> PgCase::saveView(SavedView view)
{
    if (view.name.trimmed().isEmpty()) {
        fail(QStringLiteral("a saved view needs a name"));
        return std::nullopt;
    }
    const bool ok = transact([&](std::int64_t at, Edit& edit) {
        view.createdAt = at;
        view.id = 0;
        std::int64_t maxId = 0;
        for (const SavedView& existing : views()) {
            maxId = std::max(maxId, existing.id);
            if (existing.name == view.name)
                view.id = existing.id; // a view of the same name is replaced (the dashboard asks first)
        }
        const bool replace = view.id != 0;
        if (!replace)
            view.id = maxId + 1;
        edit = {replace ? QStringLiteral("edited") : QStringLiteral("created"), viewSubject(view.id), viewDetail(view),
                contentHash(view, m_info.formatVersion)};
        return pgWriteView(m_conn, m_name, view, &m_error);
    });
    return ok ? std::optional<SavedView>(view) : std::nullopt;
}

bool PgCase::removeView(std::int64_t id)
{
    return transact([&](std::int64_t, Edit& edit) {
        QString name;
        for (const SavedView& v : views())
            if (v.id == id)
                name = v.name;
        if (name.isNull())
            return failWith(QStringLiteral("saved view %1 does not exist").arg(id));
        edit = {QStringLiteral("deleted"), viewSubject(id), QStringLiteral("saved view \"%1\"").arg(name), QString()};
        return m_conn.run("DELETE FROM hydrascope.saved_views WHERE case_name = $1 AND id = $2",
                          {pgText(m_name), pgInt(id)}, &m_error);
    });
}

std::vector<SavedView> PgCase::views() const
{
    QStringList problems;
    return pgReadViews(m_conn, m_name, &problems);
}

std::vector<AuditEntry> PgCase::audit() const
{
    QStringList problems;
    return pgReadAudit(m_conn, m_name, &problems);
}

std::vector<AuditEntry> PgCase::auditAfter(std::int64_t seq) const
{
    QStringList problems;
    return pgReadAudit(m_conn, m_name, &problems, seq);
}

bool PgCase::record(const QString& action, const QString& subject, const QString& detail)
{
    return transact([&](std::int64_t, Edit& edit) {
        edit = {action, subject, detail, QString()};
        return true;
    });
}

bool PgCase::setEvidencePath(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (m_mode == Mode::ReadOnly || !m_reviewer) { // where this workstation found it: kept for this session
        m_info.evidencePath = absolute;
        return true;
    }
    if (!m_conn.run("UPDATE hydrascope.cases SET evidence_path = $2 WHERE name = $1", {pgText(m_name), pgText(absolute)},
                    &m_error))
        return false;
    m_info.evidencePath = absolute;
    return true;
}

CaseSnapshot PgCase::snapshot() const
{
    CaseSnapshot s;
    s.path = m_display;
    s.info = m_info;
    // One consistent view of a case others are editing: the content and the log as of one moment.
    QString why;
    if (!m_conn.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", {}, &why)) {
        s.damage << QStringLiteral("the case cannot be read from the server: %1").arg(why);
        return s;
    }
    if (const std::optional<CaseInfo> info = pgReadInfo(m_conn, m_name, &why)) {
        s.info = *info;
        s.info.evidencePath = m_info.evidencePath;
    } else {
        s.damage << why;
    }
    s.annotations = pgReadAnnotations(m_conn, m_name, std::nullopt, &s.damage);
    s.views = pgReadViews(m_conn, m_name, &s.damage);
    s.audit = pgReadAudit(m_conn, m_name, &s.damage);
    m_conn.run("COMMIT", {}, &why);
    return s;
}

} // namespace hs
