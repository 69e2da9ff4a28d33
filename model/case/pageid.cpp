// SPDX-License-Identifier: GPL-3.0-or-later
#include "pageid.h"

namespace hs {
namespace {
// Never rename one: they are stored in case files and hashed into their audit chains.
const char* const kPageKeys[kPageIds] = {"overview", "timeline", "capabilities", "accounts", "families", "exchanges",
                                            "network"};
} // namespace

QString pageKey(PageId page) { return QString::fromLatin1(kPageKeys[static_cast<int>(page)]); }

std::optional<PageId> pageFromKey(const QString& key)
{
    for (int i = 0; i < kPageIds; ++i)
        if (key == QLatin1String(kPageKeys[i]))
            return static_cast<PageId>(i);
    return std::nullopt;
}

} // namespace hs
