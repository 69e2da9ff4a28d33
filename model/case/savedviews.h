// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Saved views (casedata.h) to and from the shared selection. A saved view names campaigns,
// models and capabilities by their evidence ids, so it survives a reload of the evidence.

#include "casedata.h"
#include "investigation.h"
#include "selection.h"

#include <QStringList>

namespace hs {

SavedView savedViewFromSelection(const Investigation& inv, const Selection& selection, const QString& name,
                                 PageId page);
// Ids the evidence no longer has are left out and named in *warnings.
Selection selectionFromSavedView(const Investigation& inv, const SavedView& view, QStringList* warnings = nullptr);

} // namespace hs
