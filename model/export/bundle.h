// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The case-file bundle (`hydrascope export`, File > Export case bundle...): the bytes of every
// file, built from model/ figures through the redactor, and their atomic writing. Files and
// their columns: docs/exports.md.

#include "analysis.h"
#include "casedata.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace hs {

class Redactor;

struct BundleFile
{
    QString name;
    QByteArray bytes;
};

struct BundleOptions
{
    QString organisation = QStringLiteral("Hydrascope reviewers"); // the STIX identity
    std::int64_t now = 0;
};

// analysis.json, annotations.json, audit.json, the CSV files and indicators.stix.json.
std::vector<BundleFile> bundleFiles(const Investigation& inv, const Analysis& analysis, const CaseSnapshot* snapshot,
                                    const Redactor& redactor, const BundleOptions& options);
// Writes one file through QSaveFile: the whole file or, on failure, none.
bool writeAtomically(const QString& path, const QByteArray& bytes, QString* error);
// An error message when `out` is the evidence or the case file itself (an export never replaces
// its sources), else an empty string.
QString replacesSource(const QString& out, const QString& evidencePath, const QString& casePath);
// `sha256sum -c` format: "<hash>  <name>" per file, sorted by name.
QByteArray manifest(const std::vector<BundleFile>& files);
// Writes every file and then MANIFEST.sha256 into `dir` (created if needed), each through
// QSaveFile; on failure removes what this call wrote, so nothing is left half-done.
bool writeBundle(const QString& dir, const std::vector<BundleFile>& files, QString* error);

} // namespace hs
