// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `hydrascope report` (the case report as PDF) and `hydrascope export` (the case bundle).

#include <QStringList>

namespace hs {

int runReportCommand(const QStringList& args);
int runExportCommand(const QStringList& args);
// True for commands that paint (and so need a QApplication, offscreen without a display).
bool cliNeedsPainting(const QStringList& args);

} // namespace hs
