// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotationoverlay.h"

#include <QImage>
#include <QPaintEngine>

#include <array>

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


// Bands overlap a lot when zoomed in. Each stretch of the strip is drawn once: more opaque where
// more bands overlap, in the colour of the most severe of them. On screen the strip is one
// image row stretched to the strip's height (hundreds of narrow translucent rectangles cost the
// raster engine a blend per row each); in vector output (PDF, SVG) it is rectangles.
void AnnotationOverlay::drawBands(QCPPainter* painter, const QRect& area)
{
    const int width = area.width();
    if (width <= 0)
        return;
    // Per column: how many bands of each severity cover it (difference arrays, then running sums).
    std::vector<std::array<int, kSeverities>> diff(std::size_t(width) + 1, {0, 0, 0});
    const QCPAxis* x = parentPlot()->xAxis;
    for (const AnnotationMark& m : m_marks) {
        if (m.point)
            continue;
        const double from = x->coordToPixel(double(m.from)) - area.left();
        const double to = x->coordToPixel(double(m.to)) - area.left();
        const int c1 = std::clamp(int(std::floor(from)), 0, width);
        const int c2 = std::clamp(std::max(int(std::ceil(to)), c1 + 1), 0, width);
        if (c2 <= c1)
            continue;
        ++diff[std::size_t(c1)][std::size_t(m.severity)];
        --diff[std::size_t(c2)][std::size_t(m.severity)];
    }
    std::vector<QColor> column(static_cast<std::size_t>(width));
    std::array<int, kSeverities> open{0, 0, 0};
    for (int c = 0; c < width; ++c) {
        for (int k = 0; k < kSeverities; ++k)
            open[std::size_t(k)] += diff[std::size_t(c)][std::size_t(k)];
        const int depth = open[0] + open[1] + open[2];
        if (depth <= 0)
            continue;
        const int severity = open[2] > 0 ? 2 : (open[1] > 0 ? 1 : 0);
        QColor fill = annotationColor(static_cast<AnnotationSeverity>(severity));
        fill.setAlpha(std::min(70 + 25 * (depth - 1), 170));
        column[std::size_t(c)] = fill;
    }
    const int top = area.top() + int(area.height() * kBandTop);
    const int edge = 2; // a solid top edge gives the strip its shape
    // Images only where pixels are the output: PDF and SVG (reports, exports) get rectangles.
    const bool raster = painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster;
    if (!raster) {
        for (int c = 0; c < width;) {
            int end = c + 1;
            while (end < width && column[std::size_t(end)] == column[std::size_t(c)])
                ++end;
            if (column[std::size_t(c)].isValid()) {
                QColor solid = column[std::size_t(c)];
                solid.setAlpha(255);
                painter->fillRect(QRectF(area.left() + c, top, end - c, area.bottom() - top), column[std::size_t(c)]);
                painter->fillRect(QRectF(area.left() + c, top, end - c, edge), solid);
            }
            c = end;
        }
        return;
    }
    QImage fill(width, 1, QImage::Format_ARGB32_Premultiplied), rim(width, 1, QImage::Format_ARGB32_Premultiplied);
    fill.fill(Qt::transparent);
    rim.fill(Qt::transparent);
    for (int c = 0; c < width; ++c) {
        if (!column[std::size_t(c)].isValid())
            continue;
        fill.setPixelColor(c, 0, column[std::size_t(c)]);
        QColor solid = column[std::size_t(c)];
        solid.setAlpha(255);
        rim.setPixelColor(c, 0, solid);
    }
    painter->drawImage(QRect(area.left(), top + edge, width, area.bottom() - top - edge), fill);
    painter->drawImage(QRect(area.left(), top, width, edge), rim);
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
    for (const AnnotationMark& m : m_marks) { // in the annotation strip only: full-height lines would hide the traffic
        if (!m.point)
            continue;
        const double x1 = x->coordToPixel(double(m.from));
        painter->setPen(QPen(annotationColor(m.severity), 2));
        painter->drawLine(QPointF(x1, area.top() + area.height() * kBandTop), QPointF(x1, area.bottom()));
    }
    for (const AnnotationMark& m : m_marks) { // labels last: no line crosses them
        if (m.label.isEmpty())
            continue;
        // Plain text: titles are the reviewer's, but may quote attacker text.
        const double x1 = x->coordToPixel(double(m.from));
        const double bottom = area.bottom() - area.height() * kLaneHeight * m.lane - 2;
        const QRectF box(x1, bottom - metrics.height() - 2, metrics.horizontalAdvance(m.label) + 6, metrics.height() + 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(255, 255, 255, 225));
        painter->drawRect(box);
        painter->setPen(annotationColor(m.severity).darker(130));
        painter->drawText(box.adjusted(3, 1, -3, -1), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, m.label);
    }
}

} // namespace hs
