// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `hydrascope detect INPUT... -o OUT.db [import options] [--config DETECT.toml] [--explain]`:
// the import plus campaign detection (model/detect, docs/detection.md).

#include <QStringList>

namespace hs {

// args start with "detect"; exit codes as for import (0 ok, 1 ok with skipped records, 2 nothing written).
int runDetectCommand(const QStringList& args);

} // namespace hs
