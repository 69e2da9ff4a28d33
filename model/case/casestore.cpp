// SPDX-License-Identifier: GPL-3.0-or-later
#include "casestore.h"

#include "sqlitestatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <limits>

#include <sqlite3.h>

namespace hs {
namespace {

Statement prepare(sqlite3& db, const char* sql, QString* error = nullptr)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(&db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(&db));
        sqlite3_finalize(stmt);
        return {};
    }
    return Statement(&db, stmt);
}

// Runs a statement that returns no rows; false with *error on failure.
bool done(Statement& st, QString* error)
{
    if (!st.isValid())
        return false;
    st.next();
    if (st.failed()) {
        *error = st.error();
        return false;
    }
    return true;
}

void bindOptional(Statement& st, int index, const std::optional<std::int64_t>& v)
{
    if (v)
        st.bind(index, *v);
    else
        st.bindNull(index);
}

// Reads one row's columns as the format defines them, noting the first value that is not:
// a text that is not TEXT, a whole number that is not INTEGER, a flag that is not 0 or 1.
class RowReader
{
public:
    RowReader(const Statement& st, const char* table, QStringList* problems)
        : m_st(st), m_table(table), m_problems(problems)
    {
    }
    std::int64_t integer(int column, const char* field)
    {
        if (m_st.type(column) != SQLITE_INTEGER)
            bad(field, QStringLiteral("is not a whole number"));
        return m_st.integer(column);
    }
    std::optional<std::int64_t> optionalInteger(int column, const char* field)
    {
        return m_st.isNull(column) ? std::nullopt : std::optional<std::int64_t>(integer(column, field));
    }
    bool flag(int column, const char* field)
    {
        const std::int64_t v = integer(column, field);
        if (v != 0 && v != 1)
            bad(field, QStringLiteral("is %1, not 0 or 1").arg(v));
        return v != 0;
    }
    QString text(int column, const char* field)
    {
        if (m_st.type(column) != SQLITE_TEXT)
            bad(field, QStringLiteral("is not text"));
        return m_st.text(column);
    }
    void bad(const char* field, const QString& what)
    {
        if (m_ok) // the first problem of a row says enough; the row is left out
            *m_problems << QStringLiteral("%1 row %2: %3 %4").arg(QLatin1String(m_table)).arg(m_st.integer(0))
                               .arg(QLatin1String(field), what);
        m_ok = false;
    }
    bool ok() const { return m_ok; }

private:
    const Statement& m_st;
    const char* m_table;
    QStringList* m_problems;
    bool m_ok = true;
};

// After a read loop: a statement that could not be prepared or stopped on an error (a damaged
// page, say) is a problem, never a shorter table.
void noteFailure(const Statement& st, sqlite3& db, const char* table, QStringList* problems)
{
    if (!st.isValid())
        *problems << QStringLiteral("table %1 cannot be read: %2").arg(QLatin1String(table), QString::fromUtf8(sqlite3_errmsg(&db)));
    else if (st.failed())
        *problems << QStringLiteral("table %1 cannot be read to its end: %2").arg(QLatin1String(table), st.error());
}

} // namespace

QString tagsToText(const QStringList& tags)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

// The tags as written by tagsToText, or nullopt for anything else (not an array, not strings).
std::optional<QStringList> tagsFromText(const QString& text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    QStringList tags;
    for (const QJsonValue& v : doc.array()) {
        if (!v.isString())
            return std::nullopt;
        tags << v.toString();
    }
    return tags;
}

QString idsToText(const std::vector<std::int64_t>& ids)
{
    QJsonArray array;
    for (std::int64_t id : ids)
        array.append(qint64(id));
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

std::optional<std::vector<std::int64_t>> idsFromText(const QString& text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    std::vector<std::int64_t> ids;
    for (const QJsonValue& v : doc.array()) {
        // toInteger() answers only for a whole number that fits: the sentinel tells the rest apart.
        constexpr qint64 kNotWhole = std::numeric_limits<qint64>::min();
        const qint64 id = v.toInteger(kNotWhole);
        if (!v.isDouble() || id == kNotWhole)
            return std::nullopt;
        ids.push_back(id);
    }
    return ids;
}

bool writeCaseInfo(sqlite3& db, const CaseInfo& info, const QString& format, QString* error)
{
    const std::pair<const char*, QString> rows[] = {
        {"format", format},
        {"format_version", QString::number(info.formatVersion)},
        {"created_at", QString::number(info.createdAt)},
        {"reviewer", info.reviewer},
        {"title", info.title},
        {"evidence_name", info.evidenceName},
        {"evidence_size", QString::number(info.evidenceSize)},
        {"evidence_sha256", info.evidenceSha256},
        {"evidence_path", info.evidencePath},
    };
    for (const auto& [key, value] : rows)
        if (!setInfoValue(db, QString::fromLatin1(key), value, error))
            return false;
    return true;
}

bool setInfoValue(sqlite3& db, const QString& key, const QString& value, QString* error)
{
    Statement st = prepare(db, "INSERT OR REPLACE INTO case_info(key, value) VALUES (?1, ?2)", error);
    st.bind(1, key);
    st.bind(2, value);
    return done(st, error);
}

bool readCaseInfo(sqlite3& db, CaseInfo* info, QString* format, QString* error)
{
    Statement st = prepare(db, "SELECT key, value FROM case_info", error);
    if (!st.isValid()) {
        *error = QStringLiteral("not a Hydrascope case file (%1)").arg(*error);
        return false;
    }
    bool versionOk = false;
    while (st.next()) {
        const QString key = st.text(0);
        const QString value = st.text(1);
        if (key == QLatin1String("format"))
            *format = value;
        else if (key == QLatin1String("format_version"))
            info->formatVersion = value.toInt(&versionOk);
        else if (key == QLatin1String("created_at"))
            info->createdAt = value.toLongLong();
        else if (key == QLatin1String("reviewer"))
            info->reviewer = value;
        else if (key == QLatin1String("title"))
            info->title = value;
        else if (key == QLatin1String("evidence_name"))
            info->evidenceName = value;
        else if (key == QLatin1String("evidence_size"))
            info->evidenceSize = value.toLongLong();
        else if (key == QLatin1String("evidence_sha256"))
            info->evidenceSha256 = value;
        else if (key == QLatin1String("evidence_path"))
            info->evidencePath = value;
    }
    if (st.failed()) {
        *error = st.error();
        return false;
    }
    if (!versionOk)
        info->formatVersion = 0;
    return true;
}

bool writeAnnotation(sqlite3& db, const Annotation& a, bool insert, QString* error)
{
    Statement st = prepare(db, insert ? "INSERT INTO annotations(kind, title, note, tags, severity, author, created_at, "
                                        "edited_at, t_from, t_to, target, internal, id) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
                                      : "UPDATE annotations SET kind=?1, title=?2, note=?3, tags=?4, severity=?5, "
                                        "author=?6, created_at=?7, edited_at=?8, t_from=?9, t_to=?10, target=?11, "
                                        "internal=?12 WHERE id=?13",
                           error);
    if (!st.isValid())
        return false;
    st.bind(1, kindName(a.kind));
    st.bind(2, a.title);
    st.bind(3, a.note);
    st.bind(4, tagsToText(a.tags));
    st.bind(5, severityName(a.severity));
    st.bind(6, a.author);
    st.bind(7, a.createdAt);
    st.bind(8, a.editedAt);
    st.bind(9, a.from);
    st.bind(10, a.to);
    st.bind(11, a.target);
    st.bind(12, std::int64_t(a.internal ? 1 : 0));
    st.bind(13, a.id);
    return done(st, error);
}

std::vector<Annotation> readAnnotations(sqlite3& db, std::optional<std::int64_t> id, QStringList* problems)
{
    Statement st = prepare(db, id ? "SELECT id, kind, title, note, tags, severity, author, created_at, edited_at, "
                                    "t_from, t_to, target, internal FROM annotations WHERE id=?1"
                                  : "SELECT id, kind, title, note, tags, severity, author, created_at, edited_at, "
                                    "t_from, t_to, target, internal FROM annotations ORDER BY id");
    std::vector<Annotation> out;
    if (st.isValid() && id)
        st.bind(1, *id);
    while (st.isValid() && st.next()) {
        RowReader row(st, "annotations", problems);
        Annotation a;
        a.id = row.integer(0, "id");
        const QString kind = row.text(1, "kind");
        if (!parseKind(kind, &a.kind))
            row.bad("kind", QStringLiteral("\"%1\" is not a kind of annotation").arg(kind.left(40)));
        a.title = row.text(2, "title");
        a.note = row.text(3, "note");
        const std::optional<QStringList> tags = tagsFromText(row.text(4, "tags"));
        if (!tags)
            row.bad("tags", QStringLiteral("is not a JSON array of strings"));
        a.tags = tags.value_or(QStringList());
        const QString severity = row.text(5, "severity");
        // Only the names the file is written with: parseSeverity's aliases are for typed input.
        if (!parseSeverity(severity, &a.severity) || severity != severityName(a.severity))
            row.bad("severity", QStringLiteral("\"%1\" is not a severity").arg(severity.left(40)));
        a.author = row.text(6, "author");
        a.createdAt = row.integer(7, "created_at");
        a.editedAt = row.integer(8, "edited_at");
        a.from = row.integer(9, "t_from");
        a.to = row.integer(10, "t_to");
        a.target = row.integer(11, "target");
        a.internal = row.flag(12, "internal");
        if (row.ok())
            out.push_back(std::move(a));
    }
    noteFailure(st, db, "annotations", problems);
    return out;
}

bool writeView(sqlite3& db, const SavedView& v, QString* error)
{
    Statement st = prepare(db, "INSERT OR REPLACE INTO saved_views(id, name, page, all_groups, campaign_ids, baseline, "
                               "t_from, t_to, model_id, capability_id, created_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                           error);
    if (!st.isValid())
        return false;
    st.bind(1, v.id);
    st.bind(2, v.name);
    st.bind(3, v.storedPage());
    st.bind(4, std::int64_t(v.allGroups ? 1 : 0));
    st.bind(5, idsToText(v.campaignIds));
    st.bind(6, std::int64_t(v.baseline ? 1 : 0));
    bindOptional(st, 7, v.from);
    bindOptional(st, 8, v.to);
    bindOptional(st, 9, v.modelId);
    bindOptional(st, 10, v.capabilityId);
    st.bind(11, v.createdAt);
    return done(st, error);
}

std::vector<SavedView> readViews(sqlite3& db, QStringList* problems)
{
    Statement st = prepare(db, "SELECT id, name, page, all_groups, campaign_ids, baseline, t_from, t_to, model_id, "
                               "capability_id, created_at FROM saved_views ORDER BY id");
    std::vector<SavedView> out;
    while (st.isValid() && st.next()) {
        RowReader row(st, "saved_views", problems);
        SavedView v;
        v.id = row.integer(0, "id");
        v.name = row.text(1, "name");
        v.setStoredPage(row.text(2, "page"));
        v.allGroups = row.flag(3, "all_groups");
        const std::optional<std::vector<std::int64_t>> ids = idsFromText(row.text(4, "campaign_ids"));
        if (!ids)
            row.bad("campaign_ids", QStringLiteral("is not a JSON array of whole numbers"));
        v.campaignIds = ids.value_or(std::vector<std::int64_t>());
        v.baseline = row.flag(5, "baseline");
        v.from = row.optionalInteger(6, "t_from");
        v.to = row.optionalInteger(7, "t_to");
        v.modelId = row.optionalInteger(8, "model_id");
        v.capabilityId = row.optionalInteger(9, "capability_id");
        v.createdAt = row.integer(10, "created_at");
        if (row.ok())
            out.push_back(std::move(v));
    }
    noteFailure(st, db, "saved_views", problems);
    return out;
}

bool deleteRow(sqlite3& db, const char* sql, std::int64_t id, QString* error)
{
    Statement st = prepare(db, sql, error);
    st.bind(1, id);
    return done(st, error);
}

bool insertAudit(sqlite3& db, const AuditEntry& e, QString* error)
{
    Statement st = prepare(db, "INSERT INTO audit(seq, at, actor, action, subject, detail, content_hash, prev_hash, hash) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                           error);
    if (!st.isValid())
        return false;
    st.bind(1, e.seq);
    st.bind(2, e.at);
    const QString* texts[] = {&e.actor, &e.action, &e.subject, &e.detail, &e.contentHash, &e.prevHash, &e.hash};
    for (int i = 0; i < 7; ++i)
        st.bind(3 + i, *texts[i]);
    return done(st, error);
}

std::vector<AuditEntry> readAudit(sqlite3& db, QStringList* problems)
{
    Statement st = prepare(db, "SELECT seq, at, actor, action, subject, detail, content_hash, prev_hash, hash "
                               "FROM audit ORDER BY seq");
    std::vector<AuditEntry> out;
    while (st.isValid() && st.next()) {
        RowReader row(st, "audit", problems);
        AuditEntry e;
        e.seq = row.integer(0, "seq");
        e.at = row.integer(1, "at");
        e.actor = row.text(2, "actor");
        e.action = row.text(3, "action");
        e.subject = row.text(4, "subject");
        e.detail = row.text(5, "detail");
        e.contentHash = row.text(6, "content_hash");
        e.prevHash = row.text(7, "prev_hash");
        e.hash = row.text(8, "hash");
        if (row.ok())
            out.push_back(std::move(e));
    }
    noteFailure(st, db, "audit", problems);
    return out;
}

QStringList integrityProblems(sqlite3& db)
{
    QStringList problems;
    Statement st = prepare(db, "PRAGMA integrity_check");
    while (st.isValid() && st.next())
        for (const QString& line : st.text(0).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (line != QLatin1String("ok") && !line.startsWith(QLatin1String("*** in database")))
                problems << line;
    if (!st.isValid() || st.failed())
        problems << QStringLiteral("the integrity check did not finish: %1")
                        .arg(st.isValid() ? st.error() : QString::fromUtf8(sqlite3_errmsg(&db)));
    return problems;
}

std::optional<QString> findPseudonym(sqlite3& db, const QString& kind, const QString& value, QString* error)
{
    Statement st = prepare(db, "SELECT pseudonym FROM pseudonyms WHERE kind=?1 AND value=?2", error);
    if (!st.isValid())
        return std::nullopt;
    st.bind(1, kind);
    st.bind(2, value);
    if (st.next())
        return st.text(0);
    if (st.failed())
        *error = st.error();
    return std::nullopt;
}

QString pseudonymName(const QString& kind, std::int64_t number)
{
    // ACCT-0001, PAY-0001, ...: numbered per kind in order of first use, so stable across exports.
    static const std::pair<const char*, const char*> prefixes[] = {
        {"account", "ACCT"}, {"payment", "PAY"}, {"indicator", "IND"}, {"sample", "SAMPLE"}};
    QString prefix = kind.toUpper().left(6);
    for (const auto& [k, p] : prefixes)
        if (kind == QLatin1String(k))
            prefix = QString::fromLatin1(p);
    return QStringLiteral("%1-%2").arg(prefix).arg(number, 4, 10, QLatin1Char('0'));
}

bool insertPseudonym(sqlite3& db, const QString& kind, const QString& value, const QString& name, QString* error)
{
    Statement st = prepare(db, "INSERT INTO pseudonyms(kind, value, pseudonym) VALUES (?1, ?2, ?3)", error);
    st.bind(1, kind);
    st.bind(2, value);
    st.bind(3, name);
    return done(st, error);
}

std::optional<std::vector<Pseudonym>> readPseudonyms(sqlite3& db, QString* error)
{
    Statement st = prepare(db, "SELECT kind, value, pseudonym FROM pseudonyms ORDER BY kind, pseudonym", error);
    std::vector<Pseudonym> out;
    while (st.isValid() && st.next())
        out.push_back({st.text(0), st.text(1), st.text(2)});
    if (!st.isValid() || st.failed()) {
        if (st.failed())
            *error = st.error();
        return std::nullopt;
    }
    return out;
}

std::optional<QString> createPseudonym(sqlite3& db, const QString& kind, const QString& value, QString* error)
{
    Statement count = prepare(db, "SELECT count(*) FROM pseudonyms WHERE kind=?1", error);
    count.bind(1, kind);
    if (!count.next()) {
        if (count.failed())
            *error = count.error();
        return std::nullopt;
    }
    const QString name = pseudonymName(kind, count.integer(0) + 1);
    if (!insertPseudonym(db, kind, value, name, error))
        return std::nullopt;
    return name;
}

bool createPseudonyms(sqlite3& db, const QString& kind, const QStringList& values, QHash<QString, QString>* map,
                      QString* error)
{
    Statement known = prepare(db, "SELECT value, pseudonym FROM pseudonyms WHERE kind=?1", error);
    known.bind(1, kind);
    while (known.next())
        map->insert(known.text(0), known.text(1));
    if (!known.isValid() || known.failed()) { // a damaged table must not look like fewer pseudonyms
        if (known.failed())
            *error = known.error();
        return false;
    }
    known = {};
    // One count for the whole batch: counting per value would be quadratic (tens of thousands of accounts).
    std::int64_t next = map->size();
    for (const QString& value : values) {
        if (map->contains(value))
            continue;
        const QString name = pseudonymName(kind, ++next);
        if (!insertPseudonym(db, kind, value, name, error))
            return false;
        map->insert(value, name);
    }
    return true;
}

} // namespace hs
