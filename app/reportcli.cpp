// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportcli.h"

#include "bundle.h"
#include "caseaudit.h"
#include "casefile.h"
#include "cliutil.h"
#include "loader.h"
#include "redaction.h"
#include "reportcontent.h"
#include "reportwriter.h"

#include <QDateTime>
#include <QFileInfo>

#include <memory>

namespace hs {
namespace {

// SOURCE_DATE_EPOCH (the reproducible-builds convention) fixes the report's date, for golden tests.
std::int64_t reportTime()
{
    bool ok = false;
    const std::int64_t fixed = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&ok);
    return ok ? fixed : QDateTime::currentSecsSinceEpoch();
}

// What both commands read: the evidence, its figures, the case (optional) and the redactor.
struct Inputs
{
    LoadResult loaded;
    Analysis analysis;
    std::unique_ptr<CaseFile> caseFile;
    std::optional<CaseSnapshot> snapshot;
    Redactor redactor;
    std::int64_t now = reportTime();
};

void addCommonOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The flagged-campaign database."));
    parser.addOptions({{QStringLiteral("case"), QStringLiteral("The case file (.hcase) with annotations and audit log."), QStringLiteral("CASE")},
                       {QStringList{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Where to write."), QStringLiteral("OUT")},
                       {QStringLiteral("redact"), QStringLiteral("internal (default), policy or external."), QStringLiteral("PROFILE"),
                        QStringLiteral("internal")},
                       {QStringLiteral("threshold"), QStringLiteral("Hourly share that makes a pivot (default 0.25)."),
                        QStringLiteral("X"), QStringLiteral("0.25")}});
}

bool openCase(const QString& path, const Investigation& inv, Inputs* in, QString* error)
{
    // Read-write: pseudonyms are created in the case, and the export is recorded in its audit log.
    in->caseFile = CaseFile::open(path, CaseFile::Mode::ReadWrite, error);
    if (!in->caseFile)
        return false;
    if (in->caseFile->info().evidenceSha256 != inv.evidence.sha256) {
        *error = QStringLiteral("the case %1 was made for evidence with SHA-256 %2, not this file (%3)")
                     .arg(path, in->caseFile->info().evidenceSha256, inv.evidence.sha256);
        return false;
    }
    const CaseVerification v = verifyCase(in->caseFile->snapshot(), false);
    if (!v.tampering.isEmpty()) {
        *error = QStringLiteral("the case %1 fails verification (%2): run `hydrascope case verify`")
                     .arg(path, v.tampering.front());
        return false;
    }
    return true;
}

// Parses the shared options and reads everything; prints the error itself.
bool readInputs(const QCommandLineParser& parser, Inputs* in)
{
    const QString file = parser.positionalArguments().value(1);
    RedactionProfile profile{};
    bool ok = false;
    const double threshold = parser.value(QStringLiteral("threshold")).toDouble(&ok);
    QString error;
    if (parser.positionalArguments().size() != 2 || !parser.isSet(QStringLiteral("output")))
        error = QStringLiteral("%1 takes one FILE and -o OUT").arg(parser.positionalArguments().value(0));
    else if (!parseProfile(parser.value(QStringLiteral("redact")), &profile))
        error = QStringLiteral("--redact must be internal, policy or external");
    else if (!ok || !(threshold > 0 && threshold <= 1))
        error = QStringLiteral("--threshold must be a number above 0 and at most 1");
    if (!error.isEmpty()) {
        printError(error);
        return false;
    }
    in->loaded = loadInvestigation(file, {});
    if (!in->loaded.ok()) {
        for (const Finding& f : in->loaded.findings.items())
            if (f.severity == Severity::Error)
                printError(findingLine(file, f));
        return false;
    }
    const Investigation& inv = *in->loaded.investigation;
    in->analysis = analyze(inv, {threshold});
    in->redactor = Redactor(profile);
    if (parser.isSet(QStringLiteral("case")) && !openCase(parser.value(QStringLiteral("case")), inv, in, &error)) {
        printError(error);
        return false;
    }
    if (!in->redactor.prepare(inv, in->caseFile.get(), &error)) {
        printError(QStringLiteral("cannot make pseudonyms: ") + error);
        return false;
    }
    if (in->caseFile)
        in->snapshot = in->caseFile->snapshot();
    return true;
}

void recordExport(Inputs& in, const QString& what, const QString& path, const QByteArray& hashOf)
{
    if (in.caseFile)
        in.caseFile->record(QStringLiteral("exported"), QStringLiteral("case"),
                            QStringLiteral("%1 written to %2 with the %3 profile (SHA-256 %4)")
                                .arg(what, QFileInfo(path).fileName(), profileName(in.redactor.profile()), sha256Hex(hashOf)));
}

} // namespace

bool cliNeedsPainting(const QStringList& args)
{
    return !args.isEmpty() && (args.front() == QLatin1String("report") || args.front() == QLatin1String("export"));
}

int runReportCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Write the case report as PDF (no display needed)."));
    addCommonOptions(parser);
    parser.addOptions({{QStringLiteral("view"), QStringLiteral("A saved view of the case: only its campaigns and time span."),
                        QStringLiteral("NAME")},
                       {QStringLiteral("classification"), QStringLiteral("Banner on every page (default CONFIDENTIAL)."),
                        QStringLiteral("TEXT"), QStringLiteral("CONFIDENTIAL")},
                       {QStringLiteral("pdfa"), QStringLiteral("Write PDF/A-1b.")}});
    int code = ExitError;
    if (!parseCommand(parser, args, &code))
        return code;
    Inputs in;
    if (!readInputs(parser, &in))
        return ExitError;
    ReportOptions options;
    options.classification = parser.value(QStringLiteral("classification"));
    options.now = in.now;
    if (parser.isSet(QStringLiteral("view"))) {
        const QString name = parser.value(QStringLiteral("view"));
        for (const SavedView& v : in.snapshot ? in.snapshot->views : std::vector<SavedView>{})
            if (v.name == name)
                options.view = v;
        if (!options.view) {
            printError(in.snapshot ? QStringLiteral("the case has no saved view named '%1'").arg(name)
                                   : QStringLiteral("--view needs --case: saved views live in the case file"));
            return ExitError;
        }
    }
    const ReportContent content = buildReport(*in.loaded.investigation, in.analysis, in.snapshot ? &*in.snapshot : nullptr,
                                              in.redactor, options);
    const QString out = parser.value(QStringLiteral("output"));
    const QByteArray pdf = renderReportPdf(content, {parser.isSet(QStringLiteral("pdfa")),
                                                     in.snapshot ? in.redactor.scrub(in.snapshot->info.reviewer) : QString()});
    QString error;
    if (pdf.isEmpty() || !writeAtomically(out, pdf, &error)) {
        printError(pdf.isEmpty() ? QStringLiteral("the report could not be rendered") : error);
        return ExitError;
    }
    recordExport(in, QStringLiteral("report"), out, pdf);
    writeOut(QStringLiteral("%1: report written (%2 profile)\n").arg(out, profileName(in.redactor.profile())).toUtf8());
    return ExitOk;
}

int runExportCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Write the case bundle: JSON, CSV, STIX and a manifest."));
    addCommonOptions(parser);
    parser.addOptions({{QStringLiteral("organisation"), QStringLiteral("The reviewer's organisation (STIX identity)."),
                        QStringLiteral("NAME"), BundleOptions{}.organisation},
                       {QStringLiteral("with-report"), QStringLiteral("Also write report.pdf into the bundle.")}});
    int code = ExitError;
    if (!parseCommand(parser, args, &code))
        return code;
    Inputs in;
    if (!readInputs(parser, &in))
        return ExitError;
    const Investigation& inv = *in.loaded.investigation;
    const CaseSnapshot* snapshot = in.snapshot ? &*in.snapshot : nullptr;
    std::vector<BundleFile> files = bundleFiles(inv, in.analysis, snapshot, in.redactor,
                                                {parser.value(QStringLiteral("organisation")), in.now});
    if (parser.isSet(QStringLiteral("with-report"))) {
        ReportOptions options;
        options.now = in.now;
        const ReportContent content = buildReport(inv, in.analysis, snapshot, in.redactor, options);
        files.push_back({QStringLiteral("report.pdf"),
                         renderReportPdf(content, {false, snapshot ? in.redactor.scrub(snapshot->info.reviewer) : QString()})});
    }
    const QString dir = parser.value(QStringLiteral("output"));
    QString error;
    if (!writeBundle(dir, files, &error)) {
        printError(error);
        return ExitError;
    }
    recordExport(in, QStringLiteral("bundle"), dir, manifest(files));
    writeOut(QStringLiteral("%1: %2 files and MANIFEST.sha256 written (%3 profile)\n")
                 .arg(dir).arg(files.size()).arg(profileName(in.redactor.profile())).toUtf8());
    return ExitOk;
}

} // namespace hs
