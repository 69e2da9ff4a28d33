// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the case leads in the window: a double-clicked annotation shows its subject (the range or
// moment on the timeline, the campaign selected, the cluster, account or family narrowed to by its
// evidence id), a saved view puts back its selection and page. Through the window's own API.

namespace hs {

class MainWindow;
struct Annotation;
struct SavedView;

void jumpTo(MainWindow& window, const Annotation& a);
void applySavedView(MainWindow& window, const SavedView& view);

} // namespace hs
