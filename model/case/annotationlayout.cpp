// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotationlayout.h"

#include <algorithm>

namespace hs {
namespace {

void assignLabels(std::vector<AnnotationMark>& marks, const AnnotationView& view, double secondsPerPixel)
{
    std::vector<double> laneEnd(static_cast<std::size_t>(std::max(view.lanes, 0)), -1e300); // pixel where each lane is free
    for (AnnotationMark& m : marks) {
        const double x = double(m.from - view.from) / secondsPerPixel;
        const auto lane = std::find_if(laneEnd.begin(), laneEnd.end(), [x](double end) { return end <= x; });
        if (lane == laneEnd.end()) {
            m.label.clear(); // no room: the mark stays, unlabelled (and its text is never measured)
            continue;
        }
        m.lane = static_cast<int>(lane - laneEnd.begin());
        *lane = x + (view.textWidth ? view.textWidth(m.label) : double(m.label.size()) * view.charPixels) + 8;
    }
}

} // namespace

std::vector<AnnotationMark> layoutAnnotations(const std::vector<Annotation>& annotations, const AnnotationView& view)
{
    std::vector<const Annotation*> visible;
    for (const Annotation& a : annotations) {
        if (!isTimeKind(a.kind))
            continue;
        const std::int64_t end = a.kind == AnnotationKind::Point ? a.from : a.to;
        if (end >= view.from && a.from <= view.to)
            visible.push_back(&a);
    }
    std::sort(visible.begin(), visible.end(), [](const Annotation* x, const Annotation* y) {
        return x->from != y->from ? x->from < y->from : x->id < y->id;
    });
    const double secondsPerPixel = std::max(1e-9, double(view.to - view.from) / std::max(1.0, view.pixels));
    const auto gap = static_cast<std::int64_t>(view.mergePixels * secondsPerPixel);
    std::vector<AnnotationMark> marks;
    std::vector<QString> lead; // per mark: the title of its most severe annotation, first among equals
    for (const Annotation* a : visible) {
        const bool point = a->kind == AnnotationKind::Point;
        const std::int64_t end = point ? a->from : a->to;
        // Anchored at the mark's first start, not chained: evenly dense annotations give one
        // mark every few pixels (a density strip), never one mark across the whole view.
        const bool near = !marks.empty() && (a->from - marks.back().from <= gap || end <= marks.back().to);
        if (near) {
            AnnotationMark& m = marks.back();
            m.to = std::max(m.to, end);
            m.point = m.point && point;
            if (a->severity > m.severity) { // the most important title names the mark
                m.severity = a->severity;
                lead[marks.size() - 1] = a->title;
            }
            ++m.count;
            m.ids.push_back(a->id);
            continue;
        }
        marks.push_back({a->from, end, point, 1, a->severity, QString(), -1, {a->id}});
        lead.push_back(a->title);
    }
    for (std::size_t i = 0; i < marks.size(); ++i) {
        QString title = lead[i].simplified(); // one line, whatever the title holds
        if (title.size() > view.maxLabelChars)
            title = title.left(view.maxLabelChars - 1) + QChar(0x2026);
        marks[i].label = marks[i].count == 1 ? title : QStringLiteral("%1 (+%2 more)").arg(title).arg(marks[i].count - 1);
    }
    assignLabels(marks, view, secondsPerPixel);
    return marks;
}

} // namespace hs
