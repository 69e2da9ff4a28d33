// SPDX-License-Identifier: GPL-3.0-or-later
#include "detectcli.h"

#include "cliutil.h"
#include "importcli.h"

#include "detectrun.h"


namespace hs {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

} // namespace

int runDetectCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Read gateway logs as `import` does and flag distillation campaigns: accounts grouped by synchronised timing "
        "and shared infrastructure, flagged when several independent signals agree, with the reasons written to "
        "flag_reasons (docs/detection.md). Exit codes: 0 ok, 1 ok but records were skipped, 2 nothing written."));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("TOML overriding the detection thresholds."),
                                    QStringLiteral("DETECT.toml"));
    const QCommandLineOption explain(QStringLiteral("explain"), QStringLiteral("Print each campaign's signals and their values."));
    logimport::ImportOptions options;
    int code = ExitError;
    if (!readImportCommandLine(parser, args, {config, explain}, &options, &code))
        return code;
    detect::DetectConfig thresholds;
    if (parser.isSet(config)) {
        std::string error;
        if (!detect::loadDetectConfig(parser.value(config).toStdString(), &thresholds, &error)) {
            printError(q(error));
            return ExitError;
        }
    }
    installInterruptHandler();
    const detect::DetectRun run = detect::detectLogs(options, thresholds, progressPrinter(QStringLiteral("detect")), interruptFlag());
    const logimport::ImportResult& r = run.import;
    QString report;
    if (!beginRunReport(r, &report))
        return ExitError;
    report += QStringLiteral("%1: %2 exchanges, %3 accounts, %4 flagged in %5 campaigns, %6 flag reasons, %7 prompt families\n")
                  .arg(printable(q(options.output)))
                  .arg(r.requests)
                  .arg(r.accounts)
                  .arg(run.flaggedAccounts)
                  .arg(run.detect.campaigns.size())
                  .arg(run.reasons)
                  .arg(r.templates);
    for (const detect::DetectedCampaign& c : run.detect.campaigns)
        report += QStringLiteral("  %1: %2 accounts\n").arg(printable(q(c.name))).arg(c.accounts.size());
    report += importSummaryText(r);
    QString steps = QStringLiteral("detection: reading back %1 s").arg(run.readSeconds, 0, 'f', 1);
    for (const auto& [step, seconds] : run.detect.seconds)
        steps += QStringLiteral(", %1 %2 s").arg(q(step)).arg(seconds, 0, 'f', 2);
    report += steps + QStringLiteral(", writing the flags %1 s\n").arg(run.writeSeconds, 0, 'f', 2);
    printStderr(report);
    if (parser.isSet(explain))
        writeOut(printable(q(detect::explainText(run))).toUtf8());
    return r.issues.empty() ? ExitOk : ExitWarnings;
}

} // namespace hs
