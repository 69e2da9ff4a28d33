// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One JSON or CSV record (or a PostgreSQL row, read like a CSV row) through a field map into a
// normalised request. Shared by the file reader and the LiteLLM database reader.

#include "fieldmap.h"
#include "logrequest.h"
#include "logrow.h"

namespace hs::logimport {

// False with *kind naming why the record was skipped ("records without a time", ...).
bool requestFromRow(LogRow& row, const FieldMap& map, LogRequest* r, const char** kind);

} // namespace hs::logimport
