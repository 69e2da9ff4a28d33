// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Evidence times are Unix seconds, UTC. Everything shown or written is labelled in UTC.

#include <QString>

#include <cstdint>

namespace hs {

// The times an evidence file may hold: years 0001 to 9999 UTC, what ISO 8601 writes in four
// digits. Outside them a time is an error of the file (named with its table, column and row), so
// nothing downstream has to work near the ends of int64, where hour and week arithmetic overflows.
constexpr std::int64_t kMinTime = -62135596800; // 0001-01-01T00:00:00Z
constexpr std::int64_t kMaxTime = 253402300799; // 9999-12-31T23:59:59Z
inline bool timeInRange(std::int64_t t) { return t >= kMinTime && t <= kMaxTime; }

QString isoUtc(std::int64_t seconds);   // 2026-02-11T14:37:00Z
QString shortUtc(std::int64_t seconds); // 2026-02-11 14:37 UTC
// Parses ISO-8601 with Z or an offset, or a date; false when the text is not a time.
bool parseIsoUtc(const QString& text, std::int64_t* seconds);

} // namespace hs
