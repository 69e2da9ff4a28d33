// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `hydrascope import INPUT... -o OUT.db ...`: gateway logs into an investigation (model/logimport).

#include <QStringList>

namespace hs {

// args start with "import"; returns the process exit code (0 ok, 1 ok with skipped records,
// 2 nothing written).
int runImportCommand(const QStringList& args);

} // namespace hs
