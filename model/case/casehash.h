// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The bytes that content and chain hashes are taken over, frozen per case format version and
// written out byte by byte in docs/case-file.md ("Hashes"). Nothing here may change for an
// existing version: every case file of that version would stop verifying. A new encoding is a
// new format version.
//
// Version 1 is the pretty-printed JSON that Hydrascope's JSON writer produced when version 1 was
// made, reproduced here on its own so that the writer may change. Version 2 is a length-prefixed
// binary encoding with no formatting choices left in it.

#include "casedata.h"

#include <QByteArray>

namespace hs {

constexpr int kCaseFormatLegacyJson = 1; // the last format version hashed as pretty JSON

QByteArray hashedBytes(const Annotation& a, int formatVersion);
QByteArray hashedBytes(const SavedView& v, int formatVersion);
QByteArray hashedBytes(const CaseInfo& info, int formatVersion);
QByteArray hashedBytes(const AuditEntry& e, int formatVersion); // every field but e.hash

} // namespace hs
