// SPDX-License-Identifier: GPL-3.0-or-later
#include "casefile.h"

#include "caseaudit.h"
#include "caseedits.h"
#include "casestore.h"
#include "sqlitestatement.h"
#include "investigation.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <sqlite3.h>

#include <limits>

namespace hs {
namespace {

constexpr char kFormat[] = "hydrascope-case";

// The schema of format version 1 (docs/case-file.md). The triggers keep honest tools from
// rewriting history; the hash chain catches the dishonest ones.
constexpr char kSchema[] = R"sql(
CREATE TABLE case_info(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE annotations(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL,
  note TEXT NOT NULL, tags TEXT NOT NULL, severity TEXT NOT NULL, author TEXT NOT NULL,
  created_at INTEGER NOT NULL, edited_at INTEGER NOT NULL, t_from INTEGER NOT NULL,
  t_to INTEGER NOT NULL, target INTEGER NOT NULL, internal INTEGER NOT NULL);
CREATE TABLE saved_views(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, page TEXT NOT NULL,
  all_groups INTEGER NOT NULL, campaign_ids TEXT NOT NULL, baseline INTEGER NOT NULL,
  t_from INTEGER, t_to INTEGER, model_id INTEGER, capability_id INTEGER, created_at INTEGER NOT NULL);
CREATE TABLE audit(seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL,
  action TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL, content_hash TEXT NOT NULL,
  prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE pseudonyms(kind TEXT NOT NULL, value TEXT NOT NULL, pseudonym TEXT NOT NULL UNIQUE,
  PRIMARY KEY(kind, value));
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql";

std::int64_t now() { return nowSeconds(); }

} // namespace

CaseFile::CaseFile(sqlite3* db, QString path, Mode mode) : m_db(db), m_path(std::move(path)), m_mode(mode) {}
CaseFile::~CaseFile() { sqlite3_close_v2(m_db); }

bool CaseFile::exec(const char* sql)
{
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    m_error = QString::fromUtf8(message ? message : sqlite3_errmsg(m_db));
    sqlite3_free(message);
    return false;
}

Statement CaseFile::prepare(const char* sql) const
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_finalize(stmt);
        return {};
    }
    return Statement(m_db, stmt);
}

namespace {

sqlite3* openConnection(const QString& path, int flags, QString* error)
{
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        *error = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close_v2(db);
        return nullptr;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000); // the dashboard and the command line may share a case
    return db;
}

} // namespace

// A file with the schema and nothing else, inside an open write transaction (BEGIN IMMEDIATE).
std::unique_ptr<CaseFile> CaseFile::createEmpty(const QString& path, QString* error)
{
    if (QFileInfo::exists(path)) {
        *error = QStringLiteral("%1 already exists; a new case never overwrites a file").arg(path);
        return nullptr;
    }
    sqlite3* db = openConnection(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
    if (!db)
        return nullptr;
    std::unique_ptr<CaseFile> c(new CaseFile(db, path, Mode::ReadWrite));
    if (!(c->exec("PRAGMA journal_mode=DELETE") && c->exec("PRAGMA synchronous=FULL")
          && c->exec("PRAGMA application_id=1213416262") && c->exec("BEGIN IMMEDIATE") && c->exec(kSchema))) {
        *error = c->m_error;
        removeHalfMade(std::move(c), path);
        return nullptr;
    }
    return c;
}

void CaseFile::removeHalfMade(std::unique_ptr<CaseFile> c, const QString& path)
{
    c.reset();
    QFile::remove(path); // nothing half-made stays behind
    QFile::remove(path + QStringLiteral("-journal"));
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
}

std::unique_ptr<CaseFile> CaseFile::create(const QString& path, const EvidenceFile& evidence,
                                           const QString& reviewer, const QString& title, QString* error)
{
    if (evidence.sha256.isEmpty()) {
        *error = QStringLiteral("the evidence file's SHA-256 is unknown");
        return nullptr;
    }
    std::unique_ptr<CaseFile> c = createEmpty(path, error);
    if (!c)
        return nullptr;
    CaseInfo& info = c->m_info;
    info = newCaseInfo(evidence, reviewer, title);
    info.createdAt = now();
    c->m_actor = reviewer;
    const bool ok = writeCaseInfo(*c->m_db, info, QString::fromLatin1(kFormat), error)
                    && c->appendAudit(QStringLiteral("created"), QStringLiteral("case"), caseCreatedDetail(info),
                                      contentHash(info, info.formatVersion))
                    && c->exec(QByteArray("PRAGMA user_version=" + QByteArray::number(kCaseFormatVersion)).constData())
                    && c->exec("COMMIT");
    if (!ok) {
        if (error->isEmpty())
            *error = c->m_error;
        removeHalfMade(std::move(c), path);
        return nullptr;
    }
    return c;
}

std::unique_ptr<CaseFile> CaseFile::createCopy(const QString& path, const CaseSnapshot& from,
                                               const std::vector<Pseudonym>& pseudonyms, QString* error)
{
    std::unique_ptr<CaseFile> c = createEmpty(path, error);
    if (!c)
        return nullptr;
    c->m_info = from.info;
    c->m_actor = from.info.reviewer;
    bool ok = writeCaseInfo(*c->m_db, from.info, QString::fromLatin1(kFormat), error);
    for (auto a = from.annotations.begin(); ok && a != from.annotations.end(); ++a)
        ok = hs::writeAnnotation(*c->m_db, *a, true, error);
    for (auto v = from.views.begin(); ok && v != from.views.end(); ++v)
        ok = writeView(*c->m_db, *v, error);
    for (auto e = from.audit.begin(); ok && e != from.audit.end(); ++e)
        ok = insertAudit(*c->m_db, *e, error);
    for (auto p = pseudonyms.begin(); ok && p != pseudonyms.end(); ++p)
        ok = insertPseudonym(*c->m_db, p->kind, p->value, p->pseudonym, error);
    ok = ok && c->exec(QByteArray("PRAGMA user_version=" + QByteArray::number(from.info.formatVersion)).constData())
         && c->exec("COMMIT");
    if (!ok) {
        if (error->isEmpty())
            *error = c->m_error;
        removeHalfMade(std::move(c), path);
        return nullptr;
    }
    return c;
}

std::unique_ptr<CaseFile> CaseFile::open(const QString& path, Mode mode, QString* error)
{
    if (!QFileInfo(path).isFile()) {
        *error = QStringLiteral("%1: no such case file").arg(path);
        return nullptr;
    }
    const int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    sqlite3* db = openConnection(path, flags, error);
    if (!db)
        return nullptr;
    std::unique_ptr<CaseFile> c(new CaseFile(db, path, mode));
    if (!c->readInfo()) {
        *error = QStringLiteral("%1: %2").arg(path, c->m_error);
        return nullptr;
    }
    if (mode == Mode::ReadWrite && !(c->exec("PRAGMA synchronous=FULL") && c->useRollbackJournal())) {
        *error = c->m_error;
        return nullptr;
    }
    c->m_actor = c->m_info.reviewer;
    return c;
}

bool CaseFile::readInfo()
{
    QString format;
    QString error;
    if (!readCaseInfo(*m_db, &m_info, &format, &error))
        return fail(error);
    if (format != QLatin1String(kFormat))
        return fail(QStringLiteral("not a Hydrascope case file"));
    if (m_info.formatVersion > kCaseFormatVersion)
        return fail(QStringLiteral("made by a newer Hydrascope (case format %1); this version reads format %2 "
                                   "and older. Open it with a newer Hydrascope.")
                        .arg(m_info.formatVersion).arg(kCaseFormatVersion));
    if (m_info.formatVersion < 1)
        return fail(QStringLiteral("case_info.format_version is not a positive whole number"));
    return true;
}

// Case files of format 1 were in WAL mode, where committed edits stay in the -wal beside the
// file until a checkpoint: a copy of the .hcase alone was an older case, or an empty one. A
// rollback journal writes every commit into the file itself. Switching needs the only connection
// to the file; when another program has it open, every commit is checkpointed instead.
bool CaseFile::useRollbackJournal()
{
    Statement mode = prepare("PRAGMA journal_mode=DELETE");
    if (!mode.next()) {
        if (mode.failed())
            return fail(mode.error());
        return false;
    }
    m_checkpointEachCommit = mode.text(0) == QLatin1String("wal");
    return true;
}

void CaseFile::committed()
{
    // Best effort: an edit is committed either way, and the next commit tries again. PASSIVE
    // never waits for the other program's readers (the dashboard must not stall on them).
    if (m_checkpointEachCommit)
        sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

bool CaseFile::appendAudit(const QString& action, const QString& subject, const QString& detail,
                           const QString& contentHashValue)
{
    std::int64_t lastSeq = 0;
    QString lastHash;
    Statement last = prepare("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
    if (last.next()) {
        lastSeq = last.integer(0);
        lastHash = last.text(1);
    } else if (last.failed()) {
        return fail(last.error());
    }
    const std::optional<AuditEntry> e = nextAuditEntry(lastSeq, lastHash, now(), m_actor, action, subject, detail,
                                                       contentHashValue, m_info.formatVersion, &m_error);
    return e && insertAudit(*m_db, *e, &m_error);
}

// Runs `change` and appends the audit entry it describes, in one write transaction: what the
// change reads (the next free id, say) cannot be taken by another connection meanwhile.
template<typename Change>
bool CaseFile::transactFilled(Change&& change)
{
    if (m_mode == Mode::ReadOnly)
        return fail(QStringLiteral("the case is open read-only"));
    if (!exec("BEGIN IMMEDIATE"))
        return false;
    AuditFields audit;
    if (change(audit) && appendAudit(audit.action, audit.subject, audit.detail, audit.contentHash) && exec("COMMIT")) {
        committed();
        return true;
    }
    const QString error = m_error;
    exec("ROLLBACK");
    m_error = error;
    return false;
}

template<typename Change>
bool CaseFile::transact(const QString& action, const QString& subject, const QString& detail,
                        const QString& contentHashValue, Change&& change)
{
    return transactFilled([&](AuditFields& audit) {
        audit = {action, subject, detail, contentHashValue};
        return change();
    });
}

bool CaseFile::writeAnnotation(const Annotation& a, bool insert)
{
    return hs::writeAnnotation(*m_db, a, insert, &m_error);
}

std::optional<Annotation> CaseFile::addAnnotation(Annotation a)
{
    if (const QString problem = annotationProblem(a); !problem.isEmpty()) {
        fail(problem);
        return std::nullopt;
    }
    a.revision = 0;
    a.createdAt = a.editedAt = now();
    if (a.author.isEmpty())
        a.author = m_actor;
    const bool ok = transactFilled([&](AuditFields& audit) {
        // Never an id the log has named before: a deleted annotation's history stays its own.
        Statement next = prepare("SELECT max(coalesce((SELECT max(id) FROM annotations), 0), coalesce((SELECT "
                                 "max(CAST(substr(subject, 12) AS INTEGER)) FROM audit WHERE subject LIKE "
                                 "'annotation:%'), 0)) + 1");
        if (!next.next())
            return false;
        a.id = next.integer(0);
        audit = {QStringLiteral("created"), annotationSubject(a.id), annotationDetail(a), contentHash(a, m_info.formatVersion)};
        return writeAnnotation(a, true);
    });
    return ok ? std::optional<Annotation>(a) : std::nullopt;
}

bool CaseFile::updateAnnotation(Annotation a)
{
    a.editedAt = now();
    return revertAnnotation(a);
}

bool CaseFile::revertAnnotation(const Annotation& a)
{
    if (!annotation(a.id))
        return fail(QStringLiteral("annotation %1 does not exist").arg(a.id));
    if (const QString problem = annotationProblem(a); !problem.isEmpty())
        return fail(problem);
    return transact(QStringLiteral("edited"), annotationSubject(a.id),
                    annotationDetail(a), contentHash(a, m_info.formatVersion),
                    [&] { return writeAnnotation(a, false); });
}

bool CaseFile::removeAnnotation(std::int64_t id)
{
    const std::optional<Annotation> a = annotation(id);
    if (!a)
        return fail(QStringLiteral("annotation %1 does not exist").arg(id));
    return transact(QStringLiteral("deleted"), annotationSubject(id),
                    annotationDetail(*a), QString(),
                    [&] { return deleteRow(*m_db, "DELETE FROM annotations WHERE id=?1", id, &m_error); });
}

bool CaseFile::restoreAnnotation(const Annotation& a)
{
    if (annotation(a.id))
        return fail(QStringLiteral("annotation %1 exists already").arg(a.id));
    return transact(QStringLiteral("restored"), annotationSubject(a.id),
                    annotationDetail(a), contentHash(a, m_info.formatVersion),
                    [&] { return writeAnnotation(a, true); });
}

std::vector<Annotation> CaseFile::annotations() const
{
    QStringList problems;
    std::vector<Annotation> all = readAnnotations(*m_db, std::nullopt, &problems);
    if (!problems.isEmpty())
        m_error = problems.join(QLatin1Char('\n'));
    return all;
}

std::optional<Annotation> CaseFile::annotation(std::int64_t id) const
{
    QStringList problems;
    std::vector<Annotation> found = readAnnotations(*m_db, id, &problems);
    return found.empty() ? std::nullopt : std::optional<Annotation>(found.front());
}

std::optional<SavedView> CaseFile::saveView(SavedView view)
{
    if (view.name.trimmed().isEmpty()) {
        fail(QStringLiteral("a saved view needs a name"));
        return std::nullopt;
    }
    view.createdAt = now();
    const bool ok = transactFilled([&](AuditFields& audit) {
        view.id = 0;
        for (const SavedView& existing : views())
            if (existing.name == view.name)
                view.id = existing.id; // a view of the same name is replaced (the dashboard asks first)
        const bool replace = view.id != 0;
        if (!replace) {
            Statement next = prepare("SELECT coalesce(max(id), 0) + 1 FROM saved_views");
            if (!next.next())
                return false;
            view.id = next.integer(0);
        }
        audit = {replace ? QStringLiteral("edited") : QStringLiteral("created"), viewSubject(view.id), viewDetail(view),
                 contentHash(view, m_info.formatVersion)};
        return writeView(*m_db, view, &m_error);
    });
    return ok ? std::optional<SavedView>(view) : std::nullopt;
}

bool CaseFile::removeView(std::int64_t id)
{
    QString name;
    for (const SavedView& v : views())
        if (v.id == id)
            name = v.name;
    if (name.isNull())
        return fail(QStringLiteral("saved view %1 does not exist").arg(id));
    return transact(QStringLiteral("deleted"), viewSubject(id), QStringLiteral("saved view \"%1\"").arg(name), QString(),
                    [&] { return deleteRow(*m_db, "DELETE FROM saved_views WHERE id=?1", id, &m_error); });
}

std::vector<SavedView> CaseFile::views() const
{
    QStringList problems;
    return readViews(*m_db, &problems);
}

std::vector<AuditEntry> CaseFile::audit() const
{
    QStringList problems;
    return readAudit(*m_db, &problems);
}

bool CaseFile::record(const QString& action, const QString& subject, const QString& detail)
{
    return transact(action, subject, detail, QString(), [] { return true; });
}

bool CaseFile::setEvidencePath(const QString& path)
{
    if (m_mode == Mode::ReadOnly)
        return fail(QStringLiteral("the case is open read-only"));
    m_info.evidencePath = QFileInfo(path).absoluteFilePath();
    if (!setInfoValue(*m_db, QStringLiteral("evidence_path"), m_info.evidencePath, &m_error))
        return false;
    committed();
    return true;
}

std::optional<QString> CaseFile::pseudonym(const QString& kind, const QString& value)
{
    QString error;
    if (std::optional<QString> known = findPseudonym(*m_db, kind, value, &error))
        return known;
    if (!error.isEmpty() || m_mode == Mode::ReadOnly) {
        m_error = error;
        return std::nullopt;
    }
    std::optional<QString> created = createPseudonym(*m_db, kind, value, &m_error);
    if (created)
        committed();
    return created;
}

std::optional<QHash<QString, QString>> CaseFile::pseudonyms(const QString& kind, const QStringList& values)
{
    QHash<QString, QString> map;
    if (m_mode == Mode::ReadOnly) {
        for (const QString& v : values) {
            QString error;
            const std::optional<QString> known = findPseudonym(*m_db, kind, v, &error);
            if (!known) {
                fail(!error.isEmpty() ? error
                                      : QStringLiteral("the case is open read-only and has no pseudonym for a %1 yet").arg(kind));
                return std::nullopt;
            }
            map.insert(v, *known);
        }
        return map;
    }
    if (!exec("BEGIN IMMEDIATE"))
        return std::nullopt;
    if (createPseudonyms(*m_db, kind, values, &map, &m_error) && exec("COMMIT")) {
        committed();
        return map;
    }
    const QString error = m_error;
    exec("ROLLBACK");
    m_error = error;
    return std::nullopt;
}

CaseSnapshot CaseFile::snapshot() const
{
    CaseSnapshot s;
    s.path = QFileInfo(m_path).absoluteFilePath();
    s.info = m_info;
    s.damage = integrityProblems(*m_db);
    s.annotations = readAnnotations(*m_db, std::nullopt, &s.damage);
    s.views = readViews(*m_db, &s.damage);
    s.audit = readAudit(*m_db, &s.damage);
    return s;
}

std::optional<std::vector<Pseudonym>> CaseFile::allPseudonyms() const
{
    QString error;
    std::optional<std::vector<Pseudonym>> all = readPseudonyms(*m_db, &error);
    if (!all)
        fail(error);
    return all;
}

} // namespace hs
