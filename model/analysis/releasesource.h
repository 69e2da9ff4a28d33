// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the models' release times come from. `hydrascope import` without --models takes a
// model's first appearance in the logs as its release time and says so in meta.model_releases;
// a reviewer reads release markers as releases, so the views that show them say it too.

#include "investigation.h"

#include <QString>

namespace hs {

// "Release times inferred from first appearance in the logs (no --models file)", or for N of the
// models when --models did not list them; empty when the times are real releases (every file
// not written by `import`, and imports with every model in --models).
QString releaseTimesNote(const Investigation& inv);

} // namespace hs
