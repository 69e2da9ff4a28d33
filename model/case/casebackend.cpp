// SPDX-License-Identifier: GPL-3.0-or-later
#include "casebackend.h"

#include "casefile.h"
#include "investigation.h"
#include "caselocation.h"
#include "pgcase.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace hs {

CaseBackend::~CaseBackend() = default;

bool CaseBackend::mayEdit(QString* why) const
{
    if (!isReadOnly())
        return true;
    *why = QStringLiteral("the case is open read-only");
    return false;
}

bool CaseBackend::mayExportProfile(const QString&, QString*) const { return true; }

std::vector<AuditEntry> CaseBackend::auditAfter(std::int64_t seq) const
{
    std::vector<AuditEntry> all = audit();
    all.erase(std::remove_if(all.begin(), all.end(), [seq](const AuditEntry& e) { return e.seq <= seq; }), all.end());
    return all;
}

std::unique_ptr<CaseBackend> openCase(const QString& location, CaseBackend::Mode mode, QString* error)
{
    if (isServerLocation(location))
        return PgCase::open(location, mode, error);
    return CaseFile::open(location, mode, error);
}

std::unique_ptr<CaseBackend> createCase(const QString& location, const EvidenceFile& evidence, const QString& reviewer,
                                        const QString& title, QString* error)
{
    if (isServerLocation(location))
        return PgCase::create(location, evidence, reviewer, title, error);
    return CaseFile::create(location, evidence, reviewer, title, error);
}

std::unique_ptr<CaseBackend> copyCase(const QString& location, const CaseSnapshot& from,
                                      const std::vector<Pseudonym>& pseudonyms, QString* error)
{
    if (isServerLocation(location))
        return PgCase::createCopy(location, from, pseudonyms, error);
    return CaseFile::createCopy(location, from, pseudonyms, error);
}

CaseInfo newCaseInfo(const EvidenceFile& evidence, const QString& reviewer, const QString& title)
{
    CaseInfo info;
    info.formatVersion = kCaseFormatVersion;
    info.reviewer = reviewer;
    info.title = title;
    info.evidenceName = evidence.fileName;
    info.evidenceSize = evidence.size;
    info.evidenceSha256 = evidence.sha256;
    info.evidencePath = QFileInfo(evidence.path).absoluteFilePath();
    return info;
}

QString locateEvidence(const CaseInfo& info, const QString& caseLocation)
{
    if (!info.evidencePath.isEmpty() && QFileInfo(info.evidencePath).isFile())
        return info.evidencePath;
    if (isServerLocation(caseLocation)) // a server case has no folder to look beside
        return {};
    const QString beside = QFileInfo(caseLocation).absoluteDir().filePath(info.evidenceName);
    if (!info.evidenceName.isEmpty() && QFileInfo(beside).isFile())
        return beside;
    return {};
}

} // namespace hs
