// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportsource.h"

#include "caseaudit.h"
#include "casefile.h"
#include "investigation.h"

#include <QFileInfo>

namespace hs {

ExportSource::ExportSource() = default;
ExportSource::~ExportSource() = default;
ExportSource::ExportSource(ExportSource&&) noexcept = default;
ExportSource& ExportSource::operator=(ExportSource&&) noexcept = default;

QString ExportSource::reviewer() const
{
    return snapshot ? redactor.scrub(snapshot->info.reviewer) : QString();
}

namespace {

bool openCaseFor(const QString& location, const Investigation& inv, RedactionProfile profile, ExportSource* s,
                 QString* error)
{
    // Read-write: pseudonyms are created in the case, and the export is recorded in its audit log.
    s->caseFile = openCase(location, CaseBackend::Mode::ReadWrite, error);
    if (!s->caseFile)
        return false;
    const QString path = s->caseFile->location(); // without a password
    if (QString why; !s->caseFile->mayExportProfile(profileName(profile), &why)) {
        *error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    }
    if (s->caseFile->info().evidenceSha256 != inv.evidence.sha256) {
        *error = QStringLiteral("the case %1 was made for evidence with SHA-256 %2, not this file (%3)")
                     .arg(path, s->caseFile->info().evidenceSha256, inv.evidence.sha256);
        return false;
    }
    const CaseVerification v = verifyCase(s->caseFile->snapshot(), false);
    if (!v.tampering.isEmpty()) {
        *error = QStringLiteral("the case %1 fails verification (%2): run `hydrascope case verify`")
                     .arg(path, v.tampering.front());
        return false;
    }
    return true;
}

} // namespace

bool openExportSource(const Investigation& inv, const QString& casePath, RedactionProfile profile,
                      ExportSource* source, QString* error)
{
    source->redactor = Redactor(profile);
    if (!casePath.isEmpty() && !openCaseFor(casePath, inv, profile, source, error))
        return false;
    if (!source->redactor.prepare(inv, source->caseFile.get(), error)) {
        *error = QStringLiteral("cannot make pseudonyms: ") + *error;
        return false;
    }
    if (source->caseFile)
        source->snapshot = source->caseFile->snapshot();
    return true;
}

void recordExport(ExportSource& source, const QString& what, const QString& path, const QByteArray& bytes)
{
    if (source.caseFile)
        source.caseFile->record(QStringLiteral("exported"), QStringLiteral("case"),
                                QStringLiteral("%1 written to %2 with the %3 profile (SHA-256 %4)")
                                    .arg(what, QFileInfo(path).fileName(), profileName(source.redactor.profile()),
                                         sha256Hex(bytes)));
}

} // namespace hs
