// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotationoverlay.h"

namespace hs {

namespace {
constexpr double kBandTop = 0.82;   // bands fill the bottom of the plot: release and pivot labels use the top
constexpr double kLaneHeight = 0.055;
} // namespace

QColor annotationColor(AnnotationSeverity severity)
{
    switch (severity) {
    case AnnotationSeverity::KeyEvidence: return QColor(0xC0, 0x00, 0x40);
    case AnnotationSeverity::Notable: return QColor(0xB0, 0x70, 0x00);
    case AnnotationSeverity::Info: break;
    }
    return QColor(0x30, 0x70, 0x90);
}

AnnotationOverlay::AnnotationOverlay(QCustomPlot* plot) : QCPAbstractItem(plot) { setSelectable(false); }

double AnnotationOverlay::selectTest(const QPointF&, bool, QVariant*) const { return -1; }

namespace {

struct Edge
{
    double x = 0;
    int delta = 0; // +1 where a band starts, -1 where it ends
    int severity = 0;
    bool operator<(const Edge& o) const { return x < o.x; }
};

} // namespace

// Bands overlap a lot when zoomed in; blending each one separately costs more than the whole
// replot may take. One sweep fills each stretch once: more opaque where more bands overlap,
// in the colour of the most severe of them.
void AnnotationOverlay::drawBands(QCPPainter* painter, const QRect& area)
{
    const QCPAxis* x = parentPlot()->xAxis;
    std::vector<Edge> edges;
    for (const AnnotationMark& m : m_marks) {
        if (m.point)
            continue;
        const double x1 = std::max(x->coordToPixel(double(m.from)), double(area.left()));
        const double x2 = std::min(std::max(x->coordToPixel(double(m.to)), x1 + 1), double(area.right()));
        if (x2 <= x1)
            continue;
        edges.push_back({x1, 1, static_cast<int>(m.severity)});
        edges.push_back({x2, -1, static_cast<int>(m.severity)});
    }
    std::sort(edges.begin(), edges.end());
    const double top = area.top() + area.height() * kBandTop;
    int open[kSeverities] = {0, 0, 0};
    int depth = 0;
    painter->setPen(Qt::NoPen);
    for (std::size_t i = 0; i < edges.size(); ++i) {
        open[edges[i].severity] += edges[i].delta;
        depth += edges[i].delta;
        const double next = i + 1 < edges.size() ? edges[i + 1].x : edges[i].x;
        if (depth <= 0 || next <= edges[i].x)
            continue;
        const int severity = open[2] > 0 ? 2 : (open[1] > 0 ? 1 : 0);
        QColor fill = annotationColor(static_cast<AnnotationSeverity>(severity));
        fill.setAlpha(std::min(70 + 25 * (depth - 1), 170));
        painter->setBrush(fill);
        painter->drawRect(QRectF(QPointF(edges[i].x, top), QPointF(next, area.bottom())));
        painter->fillRect(QRectF(QPointF(edges[i].x, top), QPointF(next, top + 2)), annotationColor(static_cast<AnnotationSeverity>(severity)));
    }
}

void AnnotationOverlay::draw(QCPPainter* painter)
{
    const QCPAxis* x = parentPlot()->xAxis;
    const QRect area = clipRect();
    // Whole-pixel bands and hairlines: antialiasing hundreds of full-height shapes costs more
    // than the rest of the replot and adds nothing at this size.
    painter->setAntialiasing(false);
    drawBands(painter, area);
    if (m_font)
        painter->setFont(*m_font);
    const QFontMetricsF metrics(painter->font(), painter->device());
    for (const AnnotationMark& m : m_marks) {
        const QColor color = annotationColor(m.severity);
        const double x1 = x->coordToPixel(double(m.from));
        if (m.point) { // in the annotation strip only: full-height lines would hide the traffic
            painter->setPen(QPen(color, 2));
            painter->drawLine(QPointF(x1, area.top() + area.height() * kBandTop), QPointF(x1, area.bottom()));
        }
        if (m.label.isEmpty())
            continue;
        // Plain text: titles are the reviewer's, but may quote attacker text.
        const double bottom = area.bottom() - area.height() * kLaneHeight * m.lane - 2;
        const QRectF box(x1, bottom - metrics.height() - 2, metrics.horizontalAdvance(m.label) + 6, metrics.height() + 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(255, 255, 255, 210));
        painter->drawRect(box);
        painter->setPen(color.darker(130));
        painter->drawText(box.adjusted(3, 1, -3, -1), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, m.label);
    }
}

} // namespace hs
