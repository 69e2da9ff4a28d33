// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The dashboard's pages by id. Saved views and presentation slides name the page to show with
// one of these; the case file stores its key ("overview", "timeline", ...), the same strings
// case files have held from the start (docs/case-file.md), so old cases read unchanged.

#include <QString>

#include <optional>

namespace hs {

enum class PageId { Overview, Timeline, Capabilities, Accounts, Families, Exchanges, Network };
constexpr int kPageIds = 7;

QString pageKey(PageId page); // the stored form
std::optional<PageId> pageFromKey(const QString& key);

} // namespace hs
