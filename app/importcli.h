// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `hydrascope import INPUT... -o OUT.db ...`: gateway logs into an investigation (model/logimport).

#include "progress.h"

#include <QCommandLineParser>
#include <QStringList>

#include <atomic>

namespace hs::logimport {
struct ImportOptions;
struct ImportResult;
}

namespace hs {

// args start with "import"; returns the process exit code (0 ok, 1 ok with skipped records,
// 2 nothing written).
int runImportCommand(const QStringList& args);

// Shared with `detect` (detectcli), which is import plus flagging:
// the import's options (plus `extra`) parsed into *options; false when the command must end
// with *exitCode (an error was printed, or --help).
bool readImportCommandLine(QCommandLineParser& parser, const QStringList& args, const QList<QCommandLineOption>& extra,
                           logimport::ImportOptions* options, int* exitCode);
QString importReportText(const logimport::ImportResult& r);  // files read, records skipped
QString importSummaryText(const logimport::ImportResult& r); // time per stage
ProgressCallback progressPrinter(const QString& command);    // a bar on a terminal, phases otherwise
void printStderr(const QString& text);
// Ctrl+C and SIGTERM set interruptFlag(); returns the SIGINT handler it replaced.
void (*installInterruptHandler())(int);
// After the run: ends the progress line, then either the report so far (files read, records
// skipped, the run's notes) in *report and true, or the failure on stderr and false.
bool beginRunReport(const logimport::ImportResult& r, QString* report);
const std::atomic<bool>* interruptFlag();

} // namespace hs
