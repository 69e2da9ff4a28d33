// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The schema of cases on a PostgreSQL server (docs/case-file.md, "On a PostgreSQL server"):
// created and migrated by Hydrascope, with its version in hydrascope.schema_version.

#include <QString>

namespace hs {

class PgConnection;

constexpr int kPgSchemaVersion = 1;

// Makes sure the schema is there and current: creates it (and the group roles
// hydrascope_reviewer and hydrascope_reader when missing) when the database has none, migrates an
// older one, refuses a newer one. Creating and migrating need a role that may create schemas
// and roles; using an existing current schema needs nothing but the grants.
bool ensurePgSchema(const PgConnection& c, QString* error);

} // namespace hs
