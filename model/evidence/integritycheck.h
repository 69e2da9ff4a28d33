// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// SQLite's own whole-file structural check (`PRAGMA quick_check`), run before exchanges are read
// through SQLite: a damaged B-tree can make SQLite's range reads return a subset of the rows
// without an error, so no figure is computed from a file that SQLite itself calls corrupt.
// The direct page reader (btreereader.h) checks the same structure as it reads instead.

#include "progress.h"

#include <QString>

namespace hs {

enum class CheckResult { Ok, Corrupt, Cancelled };

// Corrupt: *problem holds SQLite's first message(s) (or its error, when the check cannot run).
CheckResult quickCheckFile(const QString& path, const ProgressSink& progress, QString* problem);

} // namespace hs
