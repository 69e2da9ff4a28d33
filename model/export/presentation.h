// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Presentation mode's content, apart from any widget: the redacted investigation the views show,
// and the slides. The slides are the case's saved views in order; with none, a guided story:
// the overview, the timeline on the biggest pivot, the capability mix against the baseline, and
// the largest (hydra) cluster, then its network through time.

#include "analysis.h"
#include "casedata.h"
#include "investigation.h"

#include <memory>
#include <optional>
#include <vector>

namespace hs {

class Redactor;

// A copy of `inv` whose hidden values (account refs, payment fingerprints, indicator values,
// prompt samples, and the same inside flag reasons' details) are the redactor's pseudonyms;
// figures and ids are unchanged.
std::shared_ptr<const Investigation> redactedCopy(const Investigation& inv, const Redactor& redactor);

struct Slide
{
    QString title;                  // one line for the audience
    SavedView view;                 // page and selection
    std::optional<std::int64_t> zoomFrom, zoomTo; // the timeline's visible span
    std::optional<std::int64_t> cluster; // the accounts page shows this cluster (evidence id) and its accounts
    // The network page opens this cluster (evidence id) and the arrow keys step it through time
    // before they move to the next slide.
    std::optional<std::int64_t> networkCluster;
    QString scope;                  // a saved view's: which groups and range it shows (slideScope)
};

// "Hydra Tide, Organic baseline; 2026-01-28 00:00 UTC to 2026-01-29 01:00 UTC": what a saved
// view shows, for the audience that cannot see the selection bar.
QString slideScope(const Investigation& inv, const SavedView& view);

std::vector<Slide> presentationSlides(const Investigation& inv, const Analysis& analysis,
                                      const std::vector<SavedView>& views);

} // namespace hs
