// SPDX-License-Identifier: GPL-3.0-or-later
#include "caseaudit.h"

#include "casefile.h"
#include "casehash.h"
#include "sha256.h"

#include <QCryptographicHash>
#include <QFileInfo>

#include <limits>
#include <map>
#include <optional>

namespace hs {

QString sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString contentHash(const Annotation& a, int formatVersion) { return sha256Hex(hashedBytes(a, formatVersion)); }
QString contentHash(const SavedView& v, int formatVersion) { return sha256Hex(hashedBytes(v, formatVersion)); }
QString contentHash(const CaseInfo& info, int formatVersion) { return sha256Hex(hashedBytes(info, formatVersion)); }
QString chainHash(const AuditEntry& e, int formatVersion) { return sha256Hex(hashedBytes(e, formatVersion)); }

namespace {

void checkChain(const std::vector<AuditEntry>& audit, int formatVersion, QStringList* problems)
{
    if (audit.empty() || audit.front().action != QLatin1String("created") || audit.front().subject != QLatin1String("case"))
        *problems << QStringLiteral("audit log: the first entry is not the creation of the case");
    QString prev = QString::fromLatin1(kGenesisHash);
    // The seq the next entry must have; none after an entry at INT64_MAX. The table's schema is
    // the file's own, so seq may repeat or take any value: no arithmetic here may overflow.
    std::optional<std::int64_t> expected = 1;
    for (const AuditEntry& e : audit) {
        if (!expected || e.seq < *expected)
            *problems << QStringLiteral("audit entry %1: out of sequence (numbers start at 1 and rise by one)").arg(e.seq);
        else if (e.seq > *expected && e.seq - 1 == *expected)
            *problems << QStringLiteral("audit log: entry %1 is missing").arg(*expected);
        else if (e.seq > *expected)
            *problems << QStringLiteral("audit log: entries %1 to %2 are missing").arg(*expected).arg(e.seq - 1);
        if (e.prevHash != prev)
            *problems << QStringLiteral("audit entry %1: does not follow the entry before it (an entry was removed, "
                                        "inserted or altered)").arg(e.seq);
        if (chainHash(e, formatVersion) != e.hash)
            *problems << QStringLiteral("audit entry %1 was altered: its hash does not match its content").arg(e.seq);
        prev = e.hash;
        if (expected && e.seq >= *expected)
            expected = e.seq == std::numeric_limits<std::int64_t>::max() ? std::nullopt
                                                                         : std::optional<std::int64_t>(e.seq + 1);
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
    const int version = s.info.formatVersion;
    for (const QString& d : s.damage)
        v.tampering << QStringLiteral("the case file is damaged: %1").arg(d);
    checkChain(s.audit, version, &v.tampering);
    std::map<QString, Recorded> recorded = lastRecorded(s.audit);
    checkContent(QStringLiteral("the case's evidence record"), QStringLiteral("case"), contentHash(s.info, version), recorded,
                 &v.tampering);
    for (const Annotation& a : s.annotations)
        checkContent(QStringLiteral("annotation %1").arg(a.id), QStringLiteral("annotation:%1").arg(a.id),
                     contentHash(a, version), recorded, &v.tampering);
    for (const SavedView& view : s.views)
        checkContent(QStringLiteral("saved view %1").arg(view.id), QStringLiteral("view:%1").arg(view.id),
                     contentHash(view, version), recorded, &v.tampering);
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
