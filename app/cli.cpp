// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "casecli.h"
#include "detectcli.h"
#include "importcli.h"
#include "reportcli.h"
#include "cliutil.h"

#include "analysis.h"
#include "analysisjson.h"
#include "analysistext.h"
#include "generator.h"
#include "generatorlogs.h"
#include "loader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace hs {
namespace {

// Parses "COMMAND FILE [options]"; prints usage errors itself.
bool parse(QCommandLineParser& parser, const QStringList& args, const QString& fileName, int* code)
{
    if (!fileName.isEmpty())
        parser.addPositionalArgument(fileName, QStringLiteral("The flagged-campaign database."));
    return parseCommand(parser, args, code);
}

int validate(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Check a flagged-campaign database against the format."));
    int code = ExitError;
    if (!parse(parser, args, QStringLiteral("FILE"), &code))
        return code;
    if (parser.positionalArguments().size() != 2) {
        printError(QStringLiteral("validate takes one FILE"));
        return ExitError;
    }
    const QString file = parser.positionalArguments().at(1);
    const LoadResult r = loadInvestigation(file, {false, 0});
    QString out;
    for (const Finding& f : r.findings.items())
        out += findingLine(file, f) + QLatin1Char('\n');
    const int errors = int(r.findings.count(Severity::Error));
    const int warnings = int(r.findings.count(Severity::Warning));
    out += QStringLiteral("%1: %2 (%3 error(s), %4 warning(s))\n")
               .arg(file, errors ? QStringLiteral("invalid") : QStringLiteral("valid"))
               .arg(errors).arg(warnings);
    writeOut(out.toUtf8());
    // stdout holds the whole report; on exit 2 the reason also goes to stderr, as for every command.
    for (const Finding& f : r.findings.items())
        if (f.severity == Severity::Error)
            printError(findingLine(file, f));
    return errors ? ExitError : (warnings ? ExitWarnings : ExitOk);
}

int analyzeCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Compute every figure of an investigation."));
    const QCommandLineOption threshold(QStringLiteral("threshold"),
                                       QStringLiteral("Hourly share that makes a pivot (0 < X <= 1, default 0.25)."),
                                       QStringLiteral("X"), QStringLiteral("0.25"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Write the analysis as JSON."));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("Reader threads (default: one per core)."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({threshold, json, threads});
    int code = ExitError;
    if (!parse(parser, args, QStringLiteral("FILE"), &code))
        return code;
    if (parser.positionalArguments().size() != 2) {
        printError(QStringLiteral("analyze takes one FILE"));
        return ExitError;
    }
    bool ok = false;
    const double t = parser.value(threshold).toDouble(&ok);
    if (!ok || !(t > 0 && t <= 1)) {
        printError(QStringLiteral("--threshold must be a number above 0 and at most 1, not '%1'").arg(parser.value(threshold)));
        return ExitError;
    }
    const int n = parser.value(threads).toInt(&ok);
    if (!ok || n < 0 || n > 64) {
        printError(QStringLiteral("--threads must be a whole number from 0 to 64"));
        return ExitError;
    }
    const QString file = parser.positionalArguments().at(1);
    const LoadResult r = loadInvestigation(file, {true, n});
    if (!r.ok()) {
        for (const Finding& f : r.findings.items())
            if (f.severity == Severity::Error)
                printError(findingLine(file, f));
        return ExitError;
    }
    const Analysis analysis = analyze(*r.investigation, {t});
    writeOut(parser.isSet(json) ? analysisToJson(*r.investigation, analysis)
                                : (printable(analysisToText(*r.investigation, analysis)) + QLatin1Char('\n')).toUtf8());
    return ExitOk;
}

// `generate --as SHAPE -o DIR`: the same investigation as raw logs (generatorlogs.h).
int generateLogsCommand(const QString& dir, const QString& shapeName, const GenerateOptions& options, bool force)
{
    LogShape shape;
    if (!parseLogShape(shapeName, &shape)) {
        printError(QStringLiteral("--as must be litellm-csv, otlp-json or jsonl, not '%1'").arg(shapeName));
        return ExitError;
    }
    const QDir folder(dir);
    if (folder.exists() && !folder.isEmpty() && !force) {
        printError(QStringLiteral("%1 is not empty; generate --as never writes into a folder with files without --force").arg(dir));
        return ExitError;
    }
    if (!QDir().mkpath(dir)) {
        printError(QStringLiteral("%1: cannot create the folder").arg(dir));
        return ExitError;
    }
    if (force)
        for (const QString& name : {QStringLiteral("truth.db"), QStringLiteral("requests.csv"), QStringLiteral("requests.jsonl")})
            QFile::remove(folder.filePath(name));
    const GenerateLogsResult r = generateLogs(dir, shape, options);
    if (!r.ok) {
        printError(r.error);
        return ExitError;
    }
    writeOut(QStringLiteral("%1: %2 requests as %3 (synthetic); %4\n")
                 .arg(dir).arg(r.requests).arg(shapeName, r.files.join(QStringLiteral(", "))).toUtf8());
    return ExitOk;
}

int generateCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Write a synthetic investigation modelled on the public case."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The database to write."), QStringLiteral("FILE"));
    const QCommandLineOption scale(QStringLiteral("scale"), QStringLiteral("demo (about 165,000 exchanges), "
                                   "full (about 16.55 million) or tiny (a few thousand)."),
                                   QStringLiteral("SCALE"), QStringLiteral("demo"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("N"),
                                  QString::number(GenerateOptions{}.seed));
    const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("Replace FILE if it exists."));
    const QCommandLineOption as(QStringLiteral("as"), QStringLiteral("Write raw gateway logs instead: litellm-csv, otlp-json or "
                                "jsonl, into the folder -o names, with accounts.csv, models.csv and the ground truth."),
                                QStringLiteral("SHAPE"));
    const QCommandLineOption varied(QStringLiteral("varied"), QStringLiteral("Each campaign draws its own prompt language, "
                                    "template count, synchronisation, payment sharing and organic-looking accounts from the seed."));
    parser.addOptions({output, scale, seed, force, as, varied});
    int code = ExitError;
    if (!parse(parser, args, QString(), &code))
        return code;
    GenerateOptions options;
    if (!parseGenerateScale(parser.value(scale), &options.scale)) {
        printError(QStringLiteral("--scale must be demo, full or tiny, not '%1'").arg(parser.value(scale)));
        return ExitError;
    }
    bool ok = false;
    options.seed = parser.value(seed).toULongLong(&ok);
    options.varied = parser.isSet(varied);
    if (!ok || !parser.isSet(output) || parser.positionalArguments().size() != 1) {
        printError(ok ? QStringLiteral("generate needs -o FILE") : QStringLiteral("--seed must be a whole number"));
        return ExitError;
    }
    if (parser.isSet(as))
        return generateLogsCommand(parser.value(output), parser.value(as), options, parser.isSet(force));
    // A mistyped -o must never cost a reviewer an evidence file.
    if (QFileInfo::exists(parser.value(output)) && !parser.isSet(force)) {
        printError(QStringLiteral("%1 exists; generate never replaces a file without --force").arg(parser.value(output)));
        return ExitError;
    }
    const GenerateResult r = generateInvestigation(parser.value(output), options);
    if (!r.ok) {
        printError(r.error);
        return ExitError;
    }
    writeOut(QStringLiteral("%1: %2 exchanges, %3 accounts (synthetic)\n")
                 .arg(parser.value(output)).arg(r.exchanges).arg(r.accounts).toUtf8());
    return ExitOk;
}

} // namespace

bool isCliCommand(const QStringList& args)
{
    static const QStringList commands{QStringLiteral("validate"), QStringLiteral("analyze"), QStringLiteral("generate"),
                                      QStringLiteral("case"), QStringLiteral("report"), QStringLiteral("export"),
                                      QStringLiteral("import"), QStringLiteral("detect")};
    return !args.isEmpty() && commands.contains(args.front());
}

int runCli(const QStringList& args)
{
    const QString command = args.front();
    if (command == QLatin1String("validate"))
        return validate(args);
    if (command == QLatin1String("analyze"))
        return analyzeCommand(args);
    if (command == QLatin1String("case"))
        return runCaseCommand(args);
    if (command == QLatin1String("report"))
        return runReportCommand(args);
    if (command == QLatin1String("export"))
        return runExportCommand(args);
    if (command == QLatin1String("import"))
        return runImportCommand(args);
    if (command == QLatin1String("detect"))
        return runDetectCommand(args);
    return generateCommand(args);
}

} // namespace hs
