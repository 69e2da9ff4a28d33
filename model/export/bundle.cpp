// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle.h"

#include "analysisjson.h"
#include "caseaudit.h"
#include "casejson.h"
#include "bundlecsv.h"
#include "jsonwriter.h"
#include "redaction.h"
#include "stix.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QSaveFile>

#include <algorithm>

namespace hs {

std::vector<BundleFile> bundleFiles(const Investigation& inv, const Analysis& analysis, const CaseSnapshot* snapshot,
                                    const Redactor& redactor, const BundleOptions& options)
{
    const std::vector<Annotation> notes = snapshot ? redactor.annotations(snapshot->annotations) : std::vector<Annotation>{};
    const std::vector<AuditEntry> audit = snapshot ? redactor.audit(snapshot->audit, snapshot->annotations)
                                                   : std::vector<AuditEntry>{};
    JsonWriter annotations;
    writeAnnotationsJson(annotations, notes);
    JsonWriter auditJson;
    writeAuditJson(auditJson, audit);
    std::vector<BundleFile> files{
        {QStringLiteral("analysis.json"), analysisToJson(inv, analysis, &redactor)},
        {QStringLiteral("annotations.json"), annotations.result()},
        {QStringLiteral("audit.json"), auditJson.result()},
        {QStringLiteral("campaigns.csv"), campaignsCsv(inv, analysis)},
        {QStringLiteral("accounts.csv"), accountsCsv(inv, redactor)},
        {QStringLiteral("clusters.csv"), clustersCsv(inv)},
        {QStringLiteral("prompt_families.csv"), familiesCsv(inv, analysis, redactor)},
        {QStringLiteral("annotations.csv"), annotationsCsv(inv, redactor, notes)},
        {QStringLiteral("indicators.stix.json"), stixBundle(inv, analysis, notes, redactor, options)},
    };
    if (inv.hasFlagReasons) // (1.1) only files that have the table: older bundles keep their shape
        files.push_back({QStringLiteral("flag_reasons.csv"), flagReasonsCsv(inv, redactor)});
    return files;
}

QByteArray manifest(const std::vector<BundleFile>& files)
{
    std::vector<const BundleFile*> sorted;
    for (const BundleFile& f : files)
        sorted.push_back(&f);
    std::sort(sorted.begin(), sorted.end(), [](const BundleFile* a, const BundleFile* b) { return a->name < b->name; });
    QByteArray out;
    for (const BundleFile* f : sorted)
        out += sha256Hex(f->bytes).toLatin1() + "  " + f->name.toUtf8() + '\n';
    return out;
}

bool writeAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile out(path);
    if (out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit())
        return true;
    *error = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
    return false;
}

QString replacesSource(const QString& out, const QString& evidencePath, const QString& casePath)
{
    const QString target = QFileInfo(out).canonicalFilePath(); // empty when it does not exist yet
    if (target.isEmpty())
        return {};
    if (target == QFileInfo(evidencePath).canonicalFilePath())
        return QStringLiteral("%1 is the evidence file: an export never replaces it").arg(out);
    if (!casePath.isEmpty() && target == QFileInfo(casePath).canonicalFilePath())
        return QStringLiteral("%1 is the case file: an export never replaces it").arg(out);
    return {};
}

bool writeBundle(const QString& dir, const std::vector<BundleFile>& files, QString* error)
{
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create the folder %1").arg(dir);
        return false;
    }
    std::vector<BundleFile> all = files;
    all.push_back({QStringLiteral("MANIFEST.sha256"), manifest(files)});
    // Never over another bundle (or anything else of the same name): a failed export could then
    // only remove what it wrote itself, and the reviewer's earlier files stay as they were.
    for (const BundleFile& f : all) {
        if (QFileInfo::exists(QDir(dir).filePath(f.name))) {
            *error = QStringLiteral("%1 already holds %2; choose an empty or new folder").arg(dir, f.name);
            return false;
        }
    }
    QStringList written;
    for (const BundleFile& f : all) {
        const QString path = QDir(dir).filePath(f.name);
        if (!writeAtomically(path, f.bytes, error)) {
            for (const QString& done : written)
                QFile::remove(done);
            return false;
        }
        written << path;
    }
    return true;
}

} // namespace hs
