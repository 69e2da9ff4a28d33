// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Schema checks and loading of the small tables (everything but exchanges).

#include "evidencedb.h"
#include "findings.h"
#include "investigation.h"

namespace hs {

// Checks meta, format version, tables, columns and declared types. Returns false when the
// file cannot be read as this format at all (errors are in findings).
bool checkSchema(const EvidenceDb& db, Findings& findings);

// Loads models, capabilities, campaigns, clusters, accounts, templates and indicators, resolving
// references to indexes and reporting bad values and dangling references.
void loadSmallTables(const EvidenceDb& db, Investigation& inv, Findings& findings);

// The optional columns of a table that the file actually has.
bool hasColumn(const EvidenceDb& db, const QString& table, const QString& column);

} // namespace hs
