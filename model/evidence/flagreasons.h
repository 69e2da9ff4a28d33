// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads the optional flag_reasons table (format 1.1) into Investigation::flagReasons.
// A file without the table loads exactly as before: no reasons, no finding. A row that cannot be
// used (wrong type, NULL or empty signal, a campaign or account that does not exist, an account of
// another campaign) is left out with a warning naming table, column and first row; a score
// outside 0..1 is dropped (the reason stays, without a score) with a warning.

#include "evidencedb.h"
#include "findings.h"
#include "investigation.h"

namespace hs {

// Needs campaigns and accounts loaded first.
void loadFlagReasons(const EvidenceDb& db, Investigation& inv, Findings& findings);

} // namespace hs
