// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportcli.h"

#include "bundle.h"
#include "cliutil.h"
#include "exportsource.h"
#include "loader.h"
#include "reportcontent.h"
#include "reportwriter.h"

#include <QDateTime>

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
    ExportSource source;
    std::int64_t now = reportTime();
};

void addCommonOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The flagged-campaign database."));
    parser.addOptions({{QStringLiteral("case"), QStringLiteral("The case (.hcase file or postgresql://USER@HOST/DB#NAME) with annotations and audit log."), QStringLiteral("CASE")},
                       {QStringList{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Where to write."), QStringLiteral("OUT")},
                       {QStringLiteral("redact"), QStringLiteral("internal (default), policy or external."), QStringLiteral("PROFILE"),
                        QStringLiteral("internal")},
                       {QStringLiteral("threshold"), QStringLiteral("Hourly share that makes a pivot (default 0.25)."),
                        QStringLiteral("X"), QStringLiteral("0.25")}});
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
    if (!openExportSource(inv, parser.value(QStringLiteral("case")), profile, &in->source, &error)) {
        printError(error);
        return false;
    }
    return true;
}

// Parses the command line and reads everything; false when it printed an error or the help.
bool parseInputs(QCommandLineParser& parser, const QStringList& args, Inputs* in, int* code)
{
    if (!parseCommand(parser, args, code))
        return false;
    *code = ExitError;
    return readInputs(parser, in);
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
    Inputs in;
    if (int code = ExitError; !parseInputs(parser, args, &in, &code))
        return code;
    ReportOptions options;
    options.classification = parser.value(QStringLiteral("classification"));
    options.now = in.now;
    if (parser.isSet(QStringLiteral("view"))) {
        const QString name = parser.value(QStringLiteral("view"));
        const CaseSnapshot* snapshot = in.source.caseSnapshot();
        for (const SavedView& v : snapshot ? snapshot->views : std::vector<SavedView>{})
            if (v.name == name)
                options.view = v;
        if (!options.view) {
            printError(snapshot ? QStringLiteral("the case has no saved view named '%1'").arg(name)
                                   : QStringLiteral("--view needs --case: saved views live in the case file"));
            return ExitError;
        }
    }
    const ReportContent content = buildReport(*in.loaded.investigation, in.analysis, in.source.caseSnapshot(),
                                              in.source.redactor, options);
    const QString out = parser.value(QStringLiteral("output"));
    const CaseSnapshot* snapshot = in.source.caseSnapshot();
    if (const QString clash = replacesSource(out, in.loaded.investigation->evidence.path, snapshot ? snapshot->path : QString());
        !clash.isEmpty()) {
        printError(clash);
        return ExitError;
    }
    const QByteArray pdf = renderReportPdf(content, {parser.isSet(QStringLiteral("pdfa")), in.source.reviewer()});
    QString error;
    if (pdf.isEmpty() || !writeAtomically(out, pdf, &error)) {
        printError(pdf.isEmpty() ? QStringLiteral("the report could not be rendered") : error);
        return ExitError;
    }
    recordExport(in.source, QStringLiteral("report"), out, pdf);
    writeOut(QStringLiteral("%1: report written (%2 profile)\n").arg(out, profileName(in.source.redactor.profile())).toUtf8());
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
    Inputs in;
    if (int code = ExitError; !parseInputs(parser, args, &in, &code))
        return code;
    const Investigation& inv = *in.loaded.investigation;
    const CaseSnapshot* snapshot = in.source.caseSnapshot();
    std::vector<BundleFile> files = bundleFiles(inv, in.analysis, snapshot, in.source.redactor,
                                                {parser.value(QStringLiteral("organisation")), in.now});
    if (parser.isSet(QStringLiteral("with-report"))) {
        ReportOptions options;
        options.now = in.now;
        const ReportContent content = buildReport(inv, in.analysis, snapshot, in.source.redactor, options);
        files.push_back({QStringLiteral("report.pdf"), renderReportPdf(content, {false, in.source.reviewer()})});
    }
    const QString dir = parser.value(QStringLiteral("output"));
    QString error;
    if (!writeBundle(dir, files, &error)) {
        printError(error);
        return ExitError;
    }
    recordExport(in.source, QStringLiteral("bundle"), dir, manifest(files));
    writeOut(QStringLiteral("%1: %2 files and MANIFEST.sha256 written (%3 profile)\n")
                 .arg(dir).arg(files.size()).arg(profileName(in.source.redactor.profile())).toUtf8());
    return ExitOk;
}

} // namespace hs
