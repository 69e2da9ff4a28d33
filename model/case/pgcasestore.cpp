// SPDX-License-Identifier: GPL-3.0-or-later
#include "pgcasestore.h"

#include "casestore.h"
#include "pgconnection.h"

namespace hs {
namespace {

void note(QStringList* problems, bool* ok, const char* table, const QString& id, const char* field, const QString& what)
{
    if (*ok)
        *problems << QStringLiteral("%1 row %2: %3 %4").arg(QLatin1String(table), id, QLatin1String(field), what);
    *ok = false;
}

bool flag(const PgResult& r, int row, int column, const char* table, const char* field, QStringList* problems, bool* ok)
{
    const std::int64_t v = r.integer(row, column);
    if (v != 0 && v != 1)
        note(problems, ok, table, r.text(row, 0), field, QStringLiteral("is %1, not 0 or 1").arg(v));
    return v != 0;
}

std::optional<std::int64_t> optional(const PgResult& r, int row, int column)
{
    return r.isNull(row, column) ? std::nullopt : std::optional<std::int64_t>(r.integer(row, column));
}

QList<QByteArray> annotationParams(const QString& name, const Annotation& a)
{
    return {pgText(name),           pgInt(a.id),          pgText(kindName(a.kind)), pgText(a.title),
            pgText(a.note),         pgText(tagsToText(a.tags)), pgText(severityName(a.severity)), pgText(a.author),
            pgInt(a.createdAt),     pgInt(a.editedAt),    pgInt(a.from),            pgInt(a.to),
            pgInt(a.target),        pgInt(a.internal ? 1 : 0)};
}

} // namespace

std::optional<CaseInfo> pgReadInfo(const PgConnection& c, const QString& name, QString* error)
{
    const PgResult r = c.exec("SELECT format_version, created_at, reviewer, title, evidence_name, evidence_size, "
                              "evidence_sha256, evidence_path FROM hydrascope.cases WHERE name = $1",
                              {pgText(name)});
    if (!r.ok()) {
        *error = r.error();
        return std::nullopt;
    }
    if (r.rows() == 0) {
        *error = QStringLiteral("no case named \"%1\" in this database").arg(name);
        return std::nullopt;
    }
    CaseInfo info;
    info.formatVersion = int(r.integer(0, 0));
    info.createdAt = r.integer(0, 1);
    info.reviewer = r.text(0, 2);
    info.title = r.text(0, 3);
    info.evidenceName = r.text(0, 4);
    info.evidenceSize = r.integer(0, 5);
    info.evidenceSha256 = r.text(0, 6);
    info.evidencePath = r.text(0, 7);
    return info;
}

bool pgWriteInfo(const PgConnection& c, const QString& name, const CaseInfo& info, std::int64_t nextAnnotationId,
                 QString* error)
{
    const PgResult r = c.exec("INSERT INTO hydrascope.cases(name, format_version, created_at, reviewer, title, "
                              "evidence_name, evidence_size, evidence_sha256, evidence_path, next_annotation_id) "
                              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                              {pgText(name), pgInt(info.formatVersion), pgInt(info.createdAt), pgText(info.reviewer),
                               pgText(info.title), pgText(info.evidenceName), pgInt(info.evidenceSize),
                               pgText(info.evidenceSha256), pgText(info.evidencePath), pgInt(nextAnnotationId)});
    if (r.ok())
        return true;
    *error = r.sqlState() == QLatin1String("23505")
                 ? QStringLiteral("a case named \"%1\" exists already; a new case never replaces one").arg(name)
                 : r.error();
    return false;
}

bool pgInsertAnnotation(const PgConnection& c, const QString& name, const Annotation& a, QString* error)
{
    return c.run("INSERT INTO hydrascope.annotations(case_name, id, kind, title, note, tags, severity, author, "
                 "created_at, edited_at, t_from, t_to, target, internal) "
                 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
                 annotationParams(name, a), error);
}

std::int64_t pgUpdateAnnotation(const PgConnection& c, const QString& name, const Annotation& a, QString* error)
{
    QList<QByteArray> params = annotationParams(name, a);
    params << pgInt(a.revision);
    const PgResult r = c.exec("UPDATE hydrascope.annotations SET kind=$3, title=$4, note=$5, tags=$6, severity=$7, "
                              "author=$8, created_at=$9, edited_at=$10, t_from=$11, t_to=$12, target=$13, internal=$14, "
                              "revision = revision + 1 WHERE case_name=$1 AND id=$2 AND revision=$15 RETURNING revision",
                              params);
    if (!r.ok()) {
        *error = r.error();
        return -1;
    }
    return r.rows() == 0 ? 0 : r.integer(0, 0);
}

std::vector<Annotation> pgReadAnnotations(const PgConnection& c, const QString& name, std::optional<std::int64_t> id,
                                          QStringList* problems)
{
    const char* columns = "SELECT id, kind, title, note, tags, severity, author, created_at, edited_at, t_from, t_to, "
                          "target, internal, revision FROM hydrascope.annotations WHERE case_name = $1";
    const QByteArray sql = QByteArray(columns) + (id ? " AND id = $2" : " ORDER BY id");
    const PgResult r = id ? c.exec(sql.constData(), {pgText(name), pgInt(*id)}) : c.exec(sql.constData(), {pgText(name)});
    std::vector<Annotation> out;
    if (!r.ok()) {
        *problems << QStringLiteral("table annotations cannot be read: %1").arg(r.error());
        return out;
    }
    out.reserve(std::size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        bool ok = true;
        Annotation a;
        a.id = r.integer(i, 0);
        const QString kind = r.text(i, 1);
        if (!parseKind(kind, &a.kind))
            note(problems, &ok, "annotations", r.text(i, 0), "kind",
                 QStringLiteral("\"%1\" is not a kind of annotation").arg(kind.left(40)));
        a.title = r.text(i, 2);
        a.note = r.text(i, 3);
        const std::optional<QStringList> tags = tagsFromText(r.text(i, 4));
        if (!tags)
            note(problems, &ok, "annotations", r.text(i, 0), "tags", QStringLiteral("is not a JSON array of strings"));
        a.tags = tags.value_or(QStringList());
        const QString severity = r.text(i, 5);
        if (!parseSeverity(severity, &a.severity) || severity != severityName(a.severity))
            note(problems, &ok, "annotations", r.text(i, 0), "severity",
                 QStringLiteral("\"%1\" is not a severity").arg(severity.left(40)));
        a.author = r.text(i, 6);
        a.createdAt = r.integer(i, 7);
        a.editedAt = r.integer(i, 8);
        a.from = r.integer(i, 9);
        a.to = r.integer(i, 10);
        a.target = r.integer(i, 11);
        a.internal = flag(r, i, 12, "annotations", "internal", problems, &ok);
        a.revision = r.integer(i, 13);
        if (ok)
            out.push_back(std::move(a));
    }
    return out;
}

bool pgWriteView(const PgConnection& c, const QString& name, const SavedView& v, QString* error)
{
    return c.run("INSERT INTO hydrascope.saved_views(case_name, id, name, page, all_groups, campaign_ids, baseline, "
                 "t_from, t_to, model_id, capability_id, created_at) "
                 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (case_name, id) DO UPDATE SET "
                 "name=EXCLUDED.name, page=EXCLUDED.page, all_groups=EXCLUDED.all_groups, "
                 "campaign_ids=EXCLUDED.campaign_ids, baseline=EXCLUDED.baseline, t_from=EXCLUDED.t_from, "
                 "t_to=EXCLUDED.t_to, model_id=EXCLUDED.model_id, capability_id=EXCLUDED.capability_id, "
                 "created_at=EXCLUDED.created_at",
                 {pgText(name), pgInt(v.id), pgText(v.name), pgText(v.storedPage()), pgInt(v.allGroups ? 1 : 0),
                  pgText(idsToText(v.campaignIds)), pgInt(v.baseline ? 1 : 0), pgOptional(v.from), pgOptional(v.to),
                  pgOptional(v.modelId), pgOptional(v.capabilityId), pgInt(v.createdAt)},
                 error);
}

std::vector<SavedView> pgReadViews(const PgConnection& c, const QString& name, QStringList* problems)
{
    const PgResult r = c.exec("SELECT id, name, page, all_groups, campaign_ids, baseline, t_from, t_to, model_id, "
                              "capability_id, created_at FROM hydrascope.saved_views WHERE case_name = $1 ORDER BY id",
                              {pgText(name)});
    std::vector<SavedView> out;
    if (!r.ok()) {
        *problems << QStringLiteral("table saved_views cannot be read: %1").arg(r.error());
        return out;
    }
    for (int i = 0; i < r.rows(); ++i) {
        bool ok = true;
        SavedView v;
        v.id = r.integer(i, 0);
        v.name = r.text(i, 1);
        v.setStoredPage(r.text(i, 2));
        v.allGroups = flag(r, i, 3, "saved_views", "all_groups", problems, &ok);
        const std::optional<std::vector<std::int64_t>> ids = idsFromText(r.text(i, 4));
        if (!ids)
            note(problems, &ok, "saved_views", r.text(i, 0), "campaign_ids",
                 QStringLiteral("is not a JSON array of whole numbers"));
        v.campaignIds = ids.value_or(std::vector<std::int64_t>());
        v.baseline = flag(r, i, 5, "saved_views", "baseline", problems, &ok);
        v.from = optional(r, i, 6);
        v.to = optional(r, i, 7);
        v.modelId = optional(r, i, 8);
        v.capabilityId = optional(r, i, 9);
        v.createdAt = r.integer(i, 10);
        if (ok)
            out.push_back(std::move(v));
    }
    return out;
}

bool pgInsertAudit(const PgConnection& c, const QString& name, const AuditEntry& e, QString* error)
{
    return c.run("INSERT INTO hydrascope.audit(case_name, seq, at, actor, action, subject, detail, content_hash, "
                 "prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                 {pgText(name), pgInt(e.seq), pgInt(e.at), pgText(e.actor), pgText(e.action), pgText(e.subject),
                  pgText(e.detail), pgText(e.contentHash), pgText(e.prevHash), pgText(e.hash)},
                 error);
}

std::vector<AuditEntry> pgReadAudit(const PgConnection& c, const QString& name, QStringList* problems, std::int64_t after)
{
    const PgResult r = c.exec("SELECT seq, at, actor, action, subject, detail, content_hash, prev_hash, hash "
                              "FROM hydrascope.audit WHERE case_name = $1 AND seq > $2 ORDER BY seq",
                              {pgText(name), pgInt(after)});
    std::vector<AuditEntry> out;
    if (!r.ok()) {
        *problems << QStringLiteral("table audit cannot be read: %1").arg(r.error());
        return out;
    }
    out.reserve(std::size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.integer(i, 0), r.integer(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5),
                       r.text(i, 6), r.text(i, 7), r.text(i, 8)});
    return out;
}

std::optional<std::vector<Pseudonym>> pgReadPseudonyms(const PgConnection& c, const QString& name, QString* error)
{
    const PgResult r = c.exec("SELECT kind, value, pseudonym FROM hydrascope.pseudonyms WHERE case_name = $1 "
                              "ORDER BY kind COLLATE \"C\", pseudonym COLLATE \"C\"",
                              {pgText(name)});
    if (!r.ok()) {
        *error = r.sqlState() == QLatin1String("42501")
                     ? QStringLiteral("the pseudonym mapping is readable only by reviewers (your role: %1)").arg(r.error())
                     : r.error();
        return std::nullopt;
    }
    std::vector<Pseudonym> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2)});
    return out;
}

bool pgInsertPseudonym(const PgConnection& c, const QString& name, const Pseudonym& p, QString* error)
{
    return c.run("INSERT INTO hydrascope.pseudonyms(case_name, kind, value, pseudonym) VALUES ($1, $2, $3, $4)",
                 {pgText(name), pgText(p.kind), pgText(p.value), pgText(p.pseudonym)}, error);
}

} // namespace hs
