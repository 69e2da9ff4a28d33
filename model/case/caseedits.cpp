// SPDX-License-Identifier: GPL-3.0-or-later
#include "caseedits.h"

#include "caseaudit.h"

#include <QDateTime>

#include <limits>

namespace hs {

QString annotationProblem(const Annotation& a)
{
    if (a.title.trimmed().isEmpty())
        return QStringLiteral("an annotation needs a title");
    if (a.kind == AnnotationKind::Range && a.to <= a.from)
        return QStringLiteral("a range annotation needs its end after its start");
    return {};
}

QString annotationSubject(std::int64_t id) { return QStringLiteral("annotation:%1").arg(id); }
QString viewSubject(std::int64_t id) { return QStringLiteral("view:%1").arg(id); }

QString annotationDetail(const Annotation& a)
{
    return QStringLiteral("%1 annotation \"%2\"").arg(kindName(a.kind), a.title);
}

QString viewDetail(const SavedView& v) { return QStringLiteral("saved view \"%1\"").arg(v.name); }

QString caseCreatedDetail(const CaseInfo& info)
{
    return QStringLiteral("Case created for evidence %1 (SHA-256 %2)").arg(info.evidenceName, info.evidenceSha256);
}

std::optional<AuditEntry> nextAuditEntry(std::int64_t lastSeq, const QString& lastHash, std::int64_t at,
                                         const QString& actor, const QString& action, const QString& subject,
                                         const QString& detail, const QString& contentHashValue, int formatVersion,
                                         QString* error)
{
    // A seq at the end of the range was not written by Hydrascope (verify calls it out of
    // sequence): nothing can follow it.
    if (lastSeq == std::numeric_limits<std::int64_t>::max()) {
        *error = QStringLiteral("the audit log ends at the largest possible entry number: the case was "
                                "altered outside Hydrascope (see hydrascope case verify)");
        return std::nullopt;
    }
    AuditEntry e;
    e.seq = lastSeq + 1;
    e.prevHash = lastHash.isEmpty() ? QString::fromLatin1(kGenesisHash) : lastHash;
    e.at = at;
    e.actor = actor;
    e.action = action;
    e.subject = subject;
    e.detail = detail;
    e.contentHash = contentHashValue;
    e.hash = chainHash(e, formatVersion);
    return e;
}

std::int64_t nowSeconds() { return QDateTime::currentSecsSinceEpoch(); }

} // namespace hs
