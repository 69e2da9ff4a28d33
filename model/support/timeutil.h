// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Evidence times are Unix seconds, UTC. Everything shown or written is labelled in UTC.

#include <QString>

#include <cstdint>

namespace hs {

QString isoUtc(std::int64_t seconds);   // 2026-02-11T14:37:00Z
QString shortUtc(std::int64_t seconds); // 2026-02-11 14:37 UTC
// Parses ISO-8601 with Z or an offset, or a date; false when the text is not a time.
bool parseIsoUtc(const QString& text, std::int64_t* seconds);

} // namespace hs
