// SPDX-License-Identifier: GPL-3.0-or-later
#include "caseaudit.h"

#include "casefile.h"
#include "jsonwriter.h"
#include "sha256.h"

#include <QCryptographicHash>
#include <QFileInfo>

#include <map>

namespace hs {

QString sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

namespace {
// The file stores no NULL text: a null QString reads back as "", so it must hash as "" too.
QString text(const QString& s) { return s.isNull() ? QStringLiteral("") : s; }
} // namespace

QString contentHash(const Annotation& a)
{
    JsonWriter w;
    w.beginObject();
    w.key("id").value(a.id);
    w.key("kind").value(kindName(a.kind));
    w.key("title").value(text(a.title));
    w.key("note").value(text(a.note));
    w.key("tags").beginArray();
    for (const QString& t : a.tags)
        w.value(text(t));
    w.endArray();
    w.key("severity").value(severityName(a.severity));
    w.key("author").value(text(a.author));
    w.key("created_at").value(a.createdAt);
    w.key("edited_at").value(a.editedAt);
    w.key("from").value(a.from);
    w.key("to").value(a.to);
    w.key("target").value(a.target);
    w.key("internal").value(a.internal);
    w.endObject();
    return sha256Hex(w.result());
}

QString contentHash(const SavedView& v)
{
    JsonWriter w;
    w.beginObject();
    w.key("id").value(v.id);
    w.key("name").value(text(v.name));
    w.key("page").value(text(v.storedPage()));
    w.key("all_groups").value(v.allGroups);
    w.key("campaign_ids").beginArray();
    for (std::int64_t id : v.campaignIds)
        w.value(id);
    w.endArray();
    w.key("baseline").value(v.baseline);
    w.key("from").value(v.from);
    w.key("to").value(v.to);
    w.key("model_id").value(v.modelId);
    w.key("capability_id").value(v.capabilityId);
    w.key("created_at").value(v.createdAt);
    w.endObject();
    return sha256Hex(w.result());
}

QString contentHash(const CaseInfo& info)
{
    JsonWriter w;
    w.beginObject();
    w.key("format_version").value(info.formatVersion);
    w.key("created_at").value(info.createdAt);
    w.key("reviewer").value(text(info.reviewer));
    w.key("title").value(text(info.title));
    w.key("evidence_name").value(text(info.evidenceName));
    w.key("evidence_size").value(info.evidenceSize);
    w.key("evidence_sha256").value(text(info.evidenceSha256));
    w.endObject();
    return sha256Hex(w.result());
}

QString chainHash(const AuditEntry& e)
{
    JsonWriter w;
    w.beginArray();
    w.value(e.seq);
    w.value(e.at);
    for (const QString* s : {&e.actor, &e.action, &e.subject, &e.detail, &e.contentHash, &e.prevHash})
        w.value(text(*s));
    w.endArray();
    return sha256Hex(w.result());
}

namespace {

void checkChain(const std::vector<AuditEntry>& audit, QStringList* problems)
{
    if (audit.empty() || audit.front().action != QLatin1String("created") || audit.front().subject != QLatin1String("case"))
        *problems << QStringLiteral("audit log: the first entry is not the creation of the case");
    QString prev = QString::fromLatin1(kGenesisHash);
    std::int64_t expected = 1;
    for (const AuditEntry& e : audit) {
        if (e.seq == expected + 1)
            *problems << QStringLiteral("audit log: entry %1 is missing").arg(expected);
        else if (e.seq != expected)
            *problems << QStringLiteral("audit log: entries %1 to %2 are missing").arg(expected).arg(e.seq - 1);
        if (e.prevHash != prev)
            *problems << QStringLiteral("audit entry %1: does not follow the entry before it (an entry was removed, "
                                        "inserted or altered)").arg(e.seq);
        if (chainHash(e) != e.hash)
            *problems << QStringLiteral("audit entry %1 was altered: its hash does not match its content").arg(e.seq);
        prev = e.hash;
        expected = e.seq + 1;
    }
}

struct Recorded
{
    std::int64_t seq = 0;
    QString hash; // empty: deleted
};

// What the log says each subject should be now.
std::map<QString, Recorded> lastRecorded(const std::vector<AuditEntry>& audit)
{
    std::map<QString, Recorded> last;
    for (const AuditEntry& e : audit) {
        if (e.action == QLatin1String("deleted"))
            last[e.subject] = {e.seq, QString()};
        else if (!e.contentHash.isEmpty())
            last[e.subject] = {e.seq, e.contentHash};
    }
    return last;
}

void checkContent(const QString& what, const QString& subject, const QString& hash,
                  std::map<QString, Recorded>& recorded, QStringList* problems)
{
    const auto it = recorded.find(subject);
    if (it == recorded.end())
        *problems << QStringLiteral("%1 is not in the audit log: added outside Hydrascope").arg(what);
    else if (it->second.hash.isEmpty())
        *problems << QStringLiteral("%1 was deleted (audit entry %2) but is present again").arg(what).arg(it->second.seq);
    else if (it->second.hash != hash)
        *problems << QStringLiteral("%1 was changed outside Hydrascope: it no longer matches audit entry %2")
                         .arg(what).arg(it->second.seq);
    if (it != recorded.end())
        recorded.erase(it);
}

} // namespace

CaseVerification verifyCase(const CaseSnapshot& s, bool checkEvidence)
{
    CaseVerification v;
    checkChain(s.audit, &v.tampering);
    std::map<QString, Recorded> recorded = lastRecorded(s.audit);
    checkContent(QStringLiteral("the case's evidence record"), QStringLiteral("case"), contentHash(s.info), recorded,
                 &v.tampering);
    for (const Annotation& a : s.annotations)
        checkContent(QStringLiteral("annotation %1").arg(a.id), QStringLiteral("annotation:%1").arg(a.id),
                     contentHash(a), recorded, &v.tampering);
    for (const SavedView& view : s.views)
        checkContent(QStringLiteral("saved view %1").arg(view.id), QStringLiteral("view:%1").arg(view.id),
                     contentHash(view), recorded, &v.tampering);
    for (const auto& [subject, r] : recorded)
        if (!r.hash.isEmpty())
            v.tampering << QStringLiteral("%1 was removed outside Hydrascope (last recorded in audit entry %2)")
                               .arg(QString(subject).replace(QLatin1Char(':'), QLatin1Char(' '))).arg(r.seq);
    if (!checkEvidence)
        return v;
    v.evidenceChecked = true;
    v.evidencePath = locateEvidence(s.info, s.path);
    if (v.evidencePath.isEmpty()) {
        v.evidence << QStringLiteral("evidence file %1 not found (looked at %2 and beside the case)")
                          .arg(s.info.evidenceName, s.info.evidencePath);
        return v;
    }
    QString error;
    const QString hash = sha256OfFile(v.evidencePath, &error);
    if (hash.isEmpty())
        v.evidence << QStringLiteral("evidence file %1 cannot be read: %2").arg(v.evidencePath, error);
    else if (hash != s.info.evidenceSha256)
        v.evidence << QStringLiteral("evidence file %1 has changed: SHA-256 %2, the case recorded %3")
                          .arg(v.evidencePath, hash, s.info.evidenceSha256);
    return v;
}

} // namespace hs
