// SPDX-License-Identifier: GPL-3.0-or-later
#include "ipaddress.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace hs::logimport {

bool canonicalAddress(std::string_view text, std::string* address, std::string* prefix)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    if (text.size() > 64 || text.empty())
        return false;
    std::string host(text);
    if (host.front() == '[') { // [v6]:port
        const std::size_t close = host.find(']');
        if (close == std::string::npos)
            return false;
        host = host.substr(1, close - 1);
    } else if (std::count(host.begin(), host.end(), ':') == 1) { // v4:port
        host = host.substr(0, host.find(':'));
    }
    unsigned char bytes[16];
    char out[INET6_ADDRSTRLEN];
    if (inet_pton(AF_INET, host.c_str(), bytes) == 1) {
        inet_ntop(AF_INET, bytes, out, sizeof out);
        *address = out;
        bytes[3] = 0;
        inet_ntop(AF_INET, bytes, out, sizeof out);
        *prefix = std::string(out) + "/24";
        return true;
    }
    if (inet_pton(AF_INET6, host.c_str(), bytes) == 1) {
        static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        if (std::memcmp(bytes, mapped, 12) == 0) { // an IPv4 client seen by a dual-stack server
            inet_ntop(AF_INET, bytes + 12, out, sizeof out);
            return canonicalAddress(out, address, prefix);
        }
        inet_ntop(AF_INET6, bytes, out, sizeof out);
        *address = out;
        std::memset(bytes + 6, 0, 10);
        inet_ntop(AF_INET6, bytes, out, sizeof out);
        *prefix = std::string(out) + "/48";
        return true;
    }
    return false;
}

} // namespace hs::logimport
