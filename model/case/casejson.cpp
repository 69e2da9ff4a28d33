// SPDX-License-Identifier: GPL-3.0-or-later
#include "casejson.h"

#include "caseaudit.h"
#include "jsonwriter.h"
#include "timeutil.h"

namespace hs {
namespace {

void writeStrings(JsonWriter& w, const QStringList& list)
{
    w.beginArray();
    for (const QString& s : list)
        w.value(s);
    w.endArray();
}

QString where(const Annotation& a)
{
    switch (a.kind) {
    case AnnotationKind::Range: return QStringLiteral("%1 to %2").arg(shortUtc(a.from), shortUtc(a.to));
    case AnnotationKind::Point: return shortUtc(a.from);
    default: return QStringLiteral("%1 id %2").arg(kindName(a.kind)).arg(a.target);
    }
}

} // namespace

void writeAnnotationsJson(JsonWriter& w, const std::vector<Annotation>& annotations)
{
    w.beginArray();
    for (const Annotation& a : annotations) {
        w.beginObject();
        w.key("id").value(a.id);
        w.key("kind").value(kindName(a.kind));
        w.key("title").value(a.title);
        w.key("note").value(a.note);
        w.key("tags");
        writeStrings(w, a.tags);
        w.key("severity").value(severityName(a.severity));
        w.key("author").value(a.author);
        w.key("created_at").value(isoUtc(a.createdAt));
        w.key("edited_at").value(isoUtc(a.editedAt));
        if (a.kind == AnnotationKind::Range) {
            w.key("from").value(isoUtc(a.from));
            w.key("to").value(isoUtc(a.to));
        } else if (a.kind == AnnotationKind::Point) {
            w.key("at").value(isoUtc(a.from));
        } else {
            w.key("target").value(a.target);
        }
        w.key("internal").value(a.internal);
        w.endObject();
    }
    w.endArray();
}

void writeAuditJson(JsonWriter& w, const std::vector<AuditEntry>& audit)
{
    w.beginArray();
    for (const AuditEntry& e : audit) {
        w.beginObject();
        w.key("seq").value(e.seq);
        w.key("at").value(isoUtc(e.at));
        w.key("actor").value(e.actor);
        w.key("action").value(e.action);
        w.key("subject").value(e.subject);
        w.key("detail").value(e.detail);
        w.key("content_hash").value(e.contentHash);
        w.key("prev_hash").value(e.prevHash);
        w.key("hash").value(e.hash);
        w.endObject();
    }
    w.endArray();
}

void writeViewsJson(JsonWriter& w, const std::vector<SavedView>& views)
{
    w.beginArray();
    for (const SavedView& v : views) {
        w.beginObject();
        w.key("id").value(v.id);
        w.key("name").value(v.name);
        w.key("page").value(v.storedPage());
        w.key("all_groups").value(v.allGroups);
        w.key("campaign_ids").beginArray();
        for (std::int64_t id : v.campaignIds)
            w.value(id);
        w.endArray();
        w.key("baseline").value(v.baseline);
        w.key("from");
        v.from ? w.value(isoUtc(*v.from)) : w.null();
        w.key("to");
        v.to ? w.value(isoUtc(*v.to)) : w.null();
        w.key("model_id").value(v.modelId);
        w.key("capability_id").value(v.capabilityId);
        w.endObject();
    }
    w.endArray();
}

QByteArray caseToJson(const CaseSnapshot& s, const CaseVerification& verification)
{
    JsonWriter w;
    w.beginObject();
    w.key("case").beginObject();
    w.key("path").value(s.path);
    w.key("format_version").value(s.info.formatVersion);
    w.key("title").value(s.info.title);
    w.key("reviewer").value(s.info.reviewer);
    w.key("created_at").value(isoUtc(s.info.createdAt));
    w.key("audit_chain_head").value(s.chainHead());
    w.endObject();
    w.key("evidence").beginObject();
    w.key("file_name").value(s.info.evidenceName);
    w.key("size").value(s.info.evidenceSize);
    w.key("sha256").value(s.info.evidenceSha256);
    w.key("path").value(s.info.evidencePath);
    w.endObject();
    w.key("verification").beginObject();
    w.key("exit_code").value(verification.exitCode());
    w.key("tampering");
    writeStrings(w, verification.tampering);
    w.key("evidence");
    writeStrings(w, verification.evidence);
    w.endObject();
    w.key("annotations");
    writeAnnotationsJson(w, s.annotations);
    w.key("saved_views");
    writeViewsJson(w, s.views);
    w.key("audit");
    writeAuditJson(w, s.audit);
    w.endObject();
    return w.result();
}

QString caseToText(const CaseSnapshot& s, const CaseVerification& verification)
{
    QString out;
    out += QStringLiteral("Case %1\n").arg(s.path);
    out += QStringLiteral("  title: %1\n  reviewer: %2\n  created: %3\n")
               .arg(s.info.title, s.info.reviewer, shortUtc(s.info.createdAt));
    out += QStringLiteral("  evidence: %1 (%2 bytes, SHA-256 %3)\n")
               .arg(s.info.evidenceName).arg(s.info.evidenceSize).arg(s.info.evidenceSha256);
    out += QStringLiteral("  audit chain head: %1\n").arg(s.chainHead());
    const QStringList problems = verification.tampering + verification.evidence;
    out += problems.isEmpty() ? QStringLiteral("  integrity: intact\n")
                              : QStringLiteral("  integrity: %1 problem(s)\n").arg(problems.size());
    for (const QString& p : problems)
        out += QStringLiteral("    - %1\n").arg(p);
    out += QStringLiteral("\nAnnotations (%1)\n").arg(s.annotations.size());
    for (const Annotation& a : s.annotations) {
        out += QStringLiteral("  #%1 [%2] %3: %4 (%5)").arg(a.id).arg(severityLabel(a.severity), kindName(a.kind),
                                                            a.title, where(a));
        if (!a.tags.isEmpty())
            out += QStringLiteral(" tags: %1").arg(a.tags.join(QStringLiteral(", ")));
        out += QStringLiteral(" by %1%2\n").arg(a.author, a.internal ? QStringLiteral(", internal") : QString());
        if (!a.note.isEmpty())
            out += QStringLiteral("      %1\n").arg(QString(a.note).replace(QLatin1Char('\n'), QStringLiteral("\n      ")));
    }
    out += QStringLiteral("\nSaved views (%1)\n").arg(s.views.size());
    for (const SavedView& v : s.views)
        out += QStringLiteral("  %1 (%2)\n").arg(v.name, v.storedPage());
    out += QStringLiteral("\nAudit log (%1 entries)\n").arg(s.audit.size());
    for (const AuditEntry& e : s.audit)
        out += QStringLiteral("  %1  %2  %3 %4 %5: %6\n")
                   .arg(e.seq, 4).arg(shortUtc(e.at), e.actor, e.action, e.subject, e.detail);
    return out;
}

} // namespace hs
