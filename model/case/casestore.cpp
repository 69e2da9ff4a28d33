// SPDX-License-Identifier: GPL-3.0-or-later
#include "casestore.h"

#include "sqlitestatement.h"

#include <QJsonArray>
#include <QJsonDocument>

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

QString tagsToText(const QStringList& tags)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

QStringList tagsFromText(const QString& text)
{
    QStringList tags;
    for (const QJsonValue& v : QJsonDocument::fromJson(text.toUtf8()).array())
        tags << v.toString();
    return tags;
}

QString idsToText(const std::vector<std::int64_t>& ids)
{
    QJsonArray array;
    for (std::int64_t id : ids)
        array.append(qint64(id));
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

std::vector<std::int64_t> idsFromText(const QString& text)
{
    std::vector<std::int64_t> ids;
    for (const QJsonValue& v : QJsonDocument::fromJson(text.toUtf8()).array())
        ids.push_back(static_cast<std::int64_t>(v.toDouble()));
    return ids;
}

void bindOptional(Statement& st, int index, const std::optional<std::int64_t>& v)
{
    if (v)
        st.bind(index, *v);
    else
        st.bindNull(index);
}

std::optional<std::int64_t> optionalAt(const Statement& st, int column)
{
    return st.isNull(column) ? std::nullopt : std::optional<std::int64_t>(st.integer(column));
}

} // namespace

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

std::vector<Annotation> readAnnotations(sqlite3& db, std::optional<std::int64_t> id)
{
    Statement st = prepare(db, id ? "SELECT id, kind, title, note, tags, severity, author, created_at, edited_at, "
                                    "t_from, t_to, target, internal FROM annotations WHERE id=?1"
                                  : "SELECT id, kind, title, note, tags, severity, author, created_at, edited_at, "
                                    "t_from, t_to, target, internal FROM annotations ORDER BY id");
    std::vector<Annotation> out;
    if (!st.isValid())
        return out;
    if (id)
        st.bind(1, *id);
    while (st.next()) {
        Annotation a;
        a.id = st.integer(0);
        parseKind(st.text(1), &a.kind);
        a.title = st.text(2);
        a.note = st.text(3);
        a.tags = tagsFromText(st.text(4));
        parseSeverity(st.text(5), &a.severity);
        a.author = st.text(6);
        a.createdAt = st.integer(7);
        a.editedAt = st.integer(8);
        a.from = st.integer(9);
        a.to = st.integer(10);
        a.target = st.integer(11);
        a.internal = st.integer(12) != 0;
        out.push_back(std::move(a));
    }
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

std::vector<SavedView> readViews(sqlite3& db)
{
    Statement st = prepare(db, "SELECT id, name, page, all_groups, campaign_ids, baseline, t_from, t_to, model_id, "
                               "capability_id, created_at FROM saved_views ORDER BY id");
    std::vector<SavedView> out;
    while (st.isValid() && st.next()) {
        SavedView v;
        v.id = st.integer(0);
        v.name = st.text(1);
        v.setStoredPage(st.text(2));
        v.allGroups = st.integer(3) != 0;
        v.campaignIds = idsFromText(st.text(4));
        v.baseline = st.integer(5) != 0;
        v.from = optionalAt(st, 6);
        v.to = optionalAt(st, 7);
        v.modelId = optionalAt(st, 8);
        v.capabilityId = optionalAt(st, 9);
        v.createdAt = st.integer(10);
        out.push_back(std::move(v));
    }
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

std::vector<AuditEntry> readAudit(sqlite3& db)
{
    Statement st = prepare(db, "SELECT seq, at, actor, action, subject, detail, content_hash, prev_hash, hash "
                               "FROM audit ORDER BY seq");
    std::vector<AuditEntry> out;
    while (st.isValid() && st.next()) {
        AuditEntry e;
        e.seq = st.integer(0);
        e.at = st.integer(1);
        e.actor = st.text(2);
        e.action = st.text(3);
        e.subject = st.text(4);
        e.detail = st.text(5);
        e.contentHash = st.text(6);
        e.prevHash = st.text(7);
        e.hash = st.text(8);
        out.push_back(std::move(e));
    }
    return out;
}

std::optional<QString> findPseudonym(sqlite3& db, const QString& kind, const QString& value)
{
    Statement st = prepare(db, "SELECT pseudonym FROM pseudonyms WHERE kind=?1 AND value=?2");
    if (!st.isValid())
        return std::nullopt;
    st.bind(1, kind);
    st.bind(2, value);
    return st.next() ? std::optional<QString>(st.text(0)) : std::nullopt;
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

namespace {

bool insertPseudonym(sqlite3& db, const QString& kind, const QString& value, const QString& name, QString* error)
{
    Statement st = prepare(db, "INSERT INTO pseudonyms(kind, value, pseudonym) VALUES (?1, ?2, ?3)", error);
    st.bind(1, kind);
    st.bind(2, value);
    st.bind(3, name);
    return done(st, error);
}

} // namespace

std::optional<QString> createPseudonym(sqlite3& db, const QString& kind, const QString& value, QString* error)
{
    Statement count = prepare(db, "SELECT count(*) FROM pseudonyms WHERE kind=?1", error);
    count.bind(1, kind);
    if (!count.next())
        return std::nullopt;
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
