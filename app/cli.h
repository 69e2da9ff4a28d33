// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The command line: `hydrascope validate|analyze|generate ...`. Output goes to stdout, errors to
// stderr with exit code 2 (nothing on stdout then).

#include <QStringList>

namespace hs {

// True when args (without the program name) name a command-line subcommand.
bool isCliCommand(const QStringList& args);
// Runs the subcommand and returns the process exit code.
int runCli(const QStringList& args);

} // namespace hs
