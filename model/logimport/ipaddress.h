// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Client addresses as gateways log them ("203.0.113.7", "203.0.113.7:51234", "2001:db8::1",
// "[2001:db8::1]:443", "::ffff:203.0.113.7") to a canonical address and its network prefix:
// /24 for IPv4, /48 for IPv6 (the usual allocation to one site). False when it is no address.

#include <string>
#include <string_view>

namespace hs::logimport {

bool canonicalAddress(std::string_view text, std::string* address, std::string* prefix);

} // namespace hs::logimport
