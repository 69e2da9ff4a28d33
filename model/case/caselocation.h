// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Case locations: a `.hcase` path, or a libpq URI with the case's name as its fragment
// (`postgresql://alice@db.example:5432/hydrascope#case-17`). Passwords come from libpq's usual
// places (~/.pgpass, PGPASSWORD, a service file); one written into the URI still works but is
// never shown: every message, log line and remembered location uses displayLocation().

#include <QString>

namespace hs {

// postgresql:// or postgres:// (what libpq accepts as a URI).
bool isServerLocation(const QString& location);

struct ServerLocation
{
    QString conninfo; // the URI without its fragment, for PQconnectdb
    QString caseName; // the fragment, percent-decoded
};
// Splits a server location; false with *error when it names no case.
bool parseServerLocation(const QString& location, ServerLocation* out, QString* error);

// The location without a password (user:secret@ -> user:***@, password=... in the query too).
QString displayLocation(const QString& location);

// The location with its password left out (user@host, no password= in the query): what is
// remembered (the recent list), so that libpq looks the password up again where it keeps it.
QString locationWithoutPassword(const QString& location);

// A short name for titles and the status bar: the file's name, or "case-17 on db.example".
QString shortCaseName(const QString& location);

} // namespace hs
