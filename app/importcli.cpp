// SPDX-License-Identifier: GPL-3.0-or-later
#include "importcli.h"

#include "cliutil.h"

#include "importer.h"
#include "timeutil.h"

#include <QCommandLineParser>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace hs {
namespace {

std::atomic<bool> g_cancel{false};

extern "C" void onInterrupt(int)
{
    g_cancel.store(true);
}

// Unix seconds or ISO-8601, as everywhere in the import.
bool parseTimeOption(const QString& text, std::int64_t* seconds)
{
    bool isNumber = false;
    const qint64 n = text.toLongLong(&isNumber);
    if (isNumber)
        return *seconds = n, true;
    return parseIsoUtc(text, seconds);
}

} // namespace

void printStderr(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

// A bar on a terminal; on a pipe or file one line per phase, so that logs stay readable.
ProgressCallback progressPrinter(const QString& command)
{
    const bool terminal = ::isatty(2) == 1;
    auto lastPhase = std::make_shared<QString>();
    return [terminal, lastPhase, command](const QString& phase, double fraction) {
        if (terminal) {
            const int width = 30;
            const int filled = int(fraction * width + 0.5);
            printStderr(QStringLiteral("\r[%1%2] %3% %4\x1b[K")
                            .arg(QString(filled, QLatin1Char('#')), QString(width - filled, QLatin1Char(' ')))
                            .arg(int(fraction * 100), 3)
                            .arg(printable(phase)));
        } else if (phase != *lastPhase) {
            printStderr(QStringLiteral("hydrascope %1: %2\n").arg(command, printable(phase)));
        }
        *lastPhase = phase;
    };
}

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

} // namespace

bool readImportCommandLine(QCommandLineParser& parser, const QStringList& args, const QList<QCommandLineOption>& extra,
                           logimport::ImportOptions* optionsOut, int* exitCode)
{
    logimport::ImportOptions& options = *optionsOut;
    const QString command = args.isEmpty() ? QStringLiteral("import") : args.front();
    parser.addPositionalArgument(QStringLiteral("INPUT"), QStringLiteral("Log files (.gz and .zst too), folders of them, or a "
                                 "postgresql:// URI of LiteLLM's database."),
                                 QStringLiteral("INPUT..."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The investigation to write."), QStringLiteral("OUT.db"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("auto (default), litellm, otlp-json, jsonl or csv."),
                                    QStringLiteral("FORMAT"), QStringLiteral("auto"));
    const QCommandLineOption accounts(QStringLiteral("accounts"),
                                      QStringLiteral("CSV: account, created_at, country, access_path, payment_fingerprint, "
                                                     "email_domain, org_name, status, status_changed_at."),
                                      QStringLiteral("ACCOUNTS.csv"));
    const QCommandLineOption models(QStringLiteral("models"), QStringLiteral("CSV: name, released_at."), QStringLiteral("MODELS.csv"));
    const QCommandLineOption map(QStringLiteral("map"), QStringLiteral("TOML naming the fields (docs/log-import.md)."),
                                 QStringLiteral("MAPPING.toml"));
    const QCommandLineOption rules(QStringLiteral("rules"), QStringLiteral("Capability rules instead of the built-in ones."),
                                   QStringLiteral("RULES.txt"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("Keep requests at or after this time (ISO-8601 or Unix seconds)."),
                                  QStringLiteral("ISO"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Keep requests before this time."), QStringLiteral("ISO"));
    const QCommandLineOption title(QStringLiteral("title"), QStringLiteral("The investigation's title."), QStringLiteral("TEXT"));
    const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("Replace OUT.db if it exists."));
    parser.addOptions({output, format, accounts, models, map, rules, from, to, title, force});
    parser.addOptions(extra);
    *exitCode = ExitError;
    if (!parseCommand(parser, args, exitCode))
        return false;

    QStringList inputs = parser.positionalArguments();
    inputs.removeFirst(); // the command
    if (inputs.isEmpty() || !parser.isSet(output)) {
        printError(QStringLiteral("%1 needs INPUT... and -o OUT.db").arg(command));
        return false;
    }
    for (const QString& input : inputs) {
        options.inputs.push_back(input.toStdString());
    }
    if (!logimport::parseLogFormat(parser.value(format).toStdString(), &options.format)) {
        printError(QStringLiteral("--format must be auto, litellm, otlp-json, jsonl or csv, not '%1'").arg(parser.value(format)));
        return false;
    }
    for (const auto& [option, target] : {std::pair{&from, &options.from}, std::pair{&to, &options.to}}) {
        if (!parser.isSet(*option))
            continue;
        std::int64_t t = 0;
        if (!parseTimeOption(parser.value(*option), &t)) {
            printError(QStringLiteral("--%1 '%2' is not a time (ISO-8601 or Unix seconds)")
                           .arg(option->names().front(), parser.value(*option)));
            return false;
        }
        *target = t;
    }
    options.output = parser.value(output).toStdString();
    options.accountsCsv = parser.value(accounts).toStdString();
    options.modelsCsv = parser.value(models).toStdString();
    options.mapFile = parser.value(map).toStdString();
    options.rulesFile = parser.value(rules).toStdString();
    options.title = parser.value(title).toStdString();
    options.force = parser.isSet(force);
    return true;
}

QString importReportText(const logimport::ImportResult& r)
{
    QString report;
    for (const logimport::FileReport& f : r.files)
        report += QStringLiteral("%1: read as %2; %3 records, %4 requests%5\n")
                      .arg(printable(q(f.path)), q(f.decision.reason))
                      .arg(f.records)
                      .arg(f.requests)
                      .arg(f.otherSpans ? QStringLiteral(" (%1 spans that are not GenAI passed over)").arg(f.otherSpans) : QString());
    for (const auto& [kind, k] : r.issues.kinds())
        report += QStringLiteral("skipped %1 %2 (first: %3 line %4)\n")
                      .arg(k.count)
                      .arg(q(kind), printable(q(k.firstFile)))
                      .arg(k.firstLine);
    return report;
}

QString importSummaryText(const logimport::ImportResult& r)
{
    QString report;
    const auto rate = [&r](double seconds) { return seconds > 0 ? QString::number(qint64(double(r.requests) / seconds)) : QStringLiteral("-"); };
    report += QStringLiteral("time: %1 s in all; reading %2 s (%3 requests/s), families and capabilities %4 s (%5/s), "
                             "writing %6 s (%7/s)\n")
                  .arg(r.times.total, 0, 'f', 1)
                  .arg(r.times.parse, 0, 'f', 1).arg(rate(r.times.parse))
                  .arg(r.times.families, 0, 'f', 1).arg(rate(r.times.families))
                  .arg(r.times.write, 0, 'f', 1).arg(rate(r.times.write));
    // CPU time per stage: what a loaded machine does not change (requests per CPU-second).
    report += QStringLiteral("cpu: reading %1 s (%2 requests/s), families and capabilities %3 s (%4/s), writing %5 s (%6/s)\n")
                  .arg(r.times.parseCpu, 0, 'f', 1).arg(rate(r.times.parseCpu))
                  .arg(r.times.familiesCpu, 0, 'f', 1).arg(rate(r.times.familiesCpu))
                  .arg(r.times.writeCpu, 0, 'f', 1).arg(rate(r.times.writeCpu));
    return report;
}

void (*installInterruptHandler())(int)
{
    g_cancel.store(false);
    auto* previous = std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    return previous;
}

bool beginRunReport(const logimport::ImportResult& r, QString* report)
{
    if (::isatty(2) == 1)
        printStderr(QStringLiteral("\n"));
    *report = importReportText(r);
    if (!r.ok) {
        printStderr(*report);
        printError(r.cancelled ? QStringLiteral("cancelled; nothing written") : q(r.error));
        return false;
    }
    for (const std::string& note : r.notes)
        *report += q(note) + QLatin1Char('\n');
    return true;
}

const std::atomic<bool>* interruptFlag() { return &g_cancel; }

int runImportCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Read gateway logs (LiteLLM, OpenTelemetry GenAI spans as OTLP/JSON, or any JSONL/CSV with --map) into an "
        "investigation in which every account is unflagged. Exit codes: 0 ok, 1 ok but records were skipped, "
        "2 nothing written."));
    logimport::ImportOptions options;
    int code = ExitError;
    if (!readImportCommandLine(parser, args, {}, &options, &code))
        return code;
    auto* previous = installInterruptHandler();
    const logimport::ImportResult r = logimport::importLogs(options, progressPrinter(QStringLiteral("import")), &g_cancel);
    std::signal(SIGINT, previous);
    QString report;
    if (!beginRunReport(r, &report))
        return ExitError;
    report += QStringLiteral("%1: %2 exchanges, %3 accounts (all unflagged), %4 models, %5 prompt families, %6 indicators\n")
                  .arg(printable(q(options.output)))
                  .arg(r.requests)
                  .arg(r.accounts)
                  .arg(r.models)
                  .arg(r.templates)
                  .arg(r.indicators);
    report += importSummaryText(r);
    printStderr(report);
    return r.issues.empty() ? ExitOk : ExitWarnings;
}

} // namespace hs
