// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Splits one CSV record (RFC 4180: quoted fields, "" for a quote, newlines inside quotes) into
// its fields. A small hand-written splitter rather than a library: the reader needs the record's
// line number and byte offset for its messages, and the record already comes whole from
// RecordReader. False for an unterminated quote.

#include <string>
#include <string_view>
#include <vector>

namespace hs::logimport {

bool splitCsvRecord(std::string_view record, std::vector<std::string>* fields);

} // namespace hs::logimport
