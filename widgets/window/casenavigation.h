// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the case leads in the window: a double-clicked annotation shows its subject (the range or
// moment on the timeline, the campaign selected, the cluster, account or family narrowed to by its
// evidence id), a saved view puts back its selection and page. Through the window's own API.

#include <cstdint>

namespace hs {

class MainWindow;
struct Annotation;
struct SavedView;
struct FindHit;

void jumpTo(MainWindow& window, const Annotation& a);
void applySavedView(MainWindow& window, const SavedView& view);
// The account's campaign selected and the timeline zoomed to the account's activity.
void showAccountOnTimeline(MainWindow& window, std::uint32_t account);
// Find's hit on its page: the campaign selected, the account or the accounts sharing an indicator
// in the Accounts table (their group selected if it was not), the prompt family in its table.
void showFindHit(MainWindow& window, const FindHit& hit);

} // namespace hs
