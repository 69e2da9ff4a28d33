// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where range and point annotations go on the timeline at the current zoom, as plain geometry
// tested apart from painting. Annotations closer than a few pixels merge into one mark
// ("Pivot to atlas-3 (+11 more)"), so thousands stay readable and cheap at full zoom-out; labels go into a
// few lanes and are left out (the mark stays) where no lane has room. An annotation joins a mark
// when it starts within `mergePixels` of the mark's start or lies within it, so there are never
// more marks than the width can separate.

#include "casedata.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace hs {

struct AnnotationMark
{
    std::int64_t from = 0;
    std::int64_t to = 0;       // == from for a lone point
    bool point = false;        // every merged annotation is a point
    int count = 0;             // annotations merged into this mark
    AnnotationSeverity severity = AnnotationSeverity::Info; // the highest among them
    QString label;             // the lead title, "+N more" when merged; empty when no lane had room
    int lane = -1;             // label row from the top, -1 without a label
    std::vector<std::int64_t> ids;
};

struct AnnotationView
{
    std::int64_t from = 0; // visible time span
    std::int64_t to = 0;
    double pixels = 1000;  // its width on screen
    double mergePixels = 6;
    double charPixels = 7; // an estimate of one label character's width, when textWidth is not given
    std::function<double(const QString&)> textWidth; // a label's drawn width in pixels (the painter's font)
    int lanes = 3;
    int maxLabelChars = 32;
};

std::vector<AnnotationMark> layoutAnnotations(const std::vector<Annotation>& annotations, const AnnotationView& view);

} // namespace hs
