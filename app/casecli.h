// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `hydrascope case new|annotate|show|verify ...`: case files from the command line.

#include <QStringList>

namespace hs {

// args start with "case"; returns the process exit code.
int runCaseCommand(const QStringList& args);

} // namespace hs
