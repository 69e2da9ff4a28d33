// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportcharts.h"

#include "annotationoverlay.h"
#include "countticker.h"
#include "displaytext.h"

#include "textformat.h"
#include "palette.h"
#include "qcustomplotshim.h"
#include "reportpages.h"

#include <algorithm>

namespace hs {
namespace {

double pt(double points) { return ReportPages::pt(points); }

QFont chartFont(double size)
{
    // Pixel sizes: QCustomPlot lays out with the screen's metrics and draws on the 300 dpi PDF;
    // a point size would differ between the two and clip the labels.
    QFont f;
    f.setFamilies(QStringList{QStringLiteral("DejaVu Sans")} + ReportPages::fallbackFamilies());
    f.setPixelSize(int(pt(size)));
    f.setStyleStrategy(QFont::PreferNoShaping); // no ligatures: chart text copies as written
    return f;
}

void addSeries(QCustomPlot& plot, const ReportTimeline& t, QCPAxisRect* baselineRect)
{
    QVector<double> keys;
    for (std::size_t i = 0; i < t.data.bins; ++i)
        keys << double(t.data.start(i));
    for (const TimelineSeries& s : t.data.series) {
        if (s.total <= 0)
            continue;
        QCPGraph* g = plot.addGraph();
        g->setName(plainMarkers(s.name));
        g->setLineStyle(QCPGraph::lsStepLeft);
        g->setPen(QPen(seriesColor(s.key), pt(1.2)));
        g->setData(keys, QVector<double>(s.values.begin(), s.values.end()), true);
    }
    // The baseline on a panel of its own below, with its own count axis: on a second axis of the
    // same height it would look as large as a campaign fifty times its size.
    QCPGraph* b = plot.addGraph(baselineRect->axis(QCPAxis::atBottom), baselineRect->axis(QCPAxis::atLeft));
    b->setName(QStringLiteral("organic baseline (lower panel)"));
    b->setLineStyle(QCPGraph::lsStepLeft);
    b->setPen(QPen(baselineColor(), pt(0.8), Qt::DashLine));
    b->setData(keys, QVector<double>(t.data.baseline.begin(), t.data.baseline.end()), true);
}

void addMarks(QCustomPlot& plot, const ReportTimeline& t)
{
    for (const ReportMark& m : t.pivots) {
        auto* rect = new QCPItemRect(&plot);
        rect->topLeft->setCoords(double(m.from), plot.yAxis->range().upper);
        rect->bottomRight->setCoords(double(m.to), plot.yAxis->range().lower);
        rect->setPen(Qt::NoPen);
        rect->setBrush(QColor(0xD5, 0x5E, 0x00, 60));
        rect->setObjectName(QStringLiteral("pivotBand"));
    }
    int row = 0;
    for (const ReportMark& m : t.releases) {
        auto* line = new QCPItemStraightLine(&plot);
        line->point1->setCoords(double(m.from), 0);
        line->point2->setCoords(double(m.from), 1);
        line->setPen(QPen(QColor(0x88, 0x88, 0x88), pt(0.6), Qt::DotLine));
        auto* label = new QCPItemText(&plot);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        // Staggered so that releases close together do not overwrite each other.
        label->position->setCoords(double(m.from), 0.02 + 0.07 * (row++ % 3));
        label->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
        label->setFont(chartFont(6.5));
        QString text = QStringLiteral("release: ") + m.label;
        for (const ReportMark& p : t.pivots)
            if (p.from == m.from)
                text = p.label;
        label->setText(plainMarkers(text) + QLatin1Char(' '));
    }
}

} // namespace

void buildTimelinePlot(QCustomPlot& plot, const QRectF& rect, const ReportTimeline& t)
{
    plot.setGeometry(0, 0, int(rect.width()), int(rect.height()));
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::UTC); // evidence times are UTC, whatever the machine's zone
    ticker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd\nHH:mm"));
    ticker->setTickCount(6);
    auto* lower = new QCPAxisRect(&plot);
    plot.plotLayout()->addElement(1, 0, lower);
    plot.plotLayout()->setRowStretchFactor(0, 2); // the lower row holds the dates too
    plot.plotLayout()->setRowStretchFactor(1, 1);
    plot.plotLayout()->setRowSpacing(int(pt(4)));
    auto* margins = new QCPMarginGroup(&plot); // the two panels' time axes line up
    plot.axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    lower->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    QCPAxis* lowerX = lower->axis(QCPAxis::atBottom);
    QCPAxis* lowerY = lower->axis(QCPAxis::atLeft);
    plot.xAxis->setTicker(ticker);
    plot.xAxis->setTickLabels(false); // the dates once, under the lower panel
    lowerX->setTicker(ticker);
    lowerX->setLabel(QStringLiteral("Time (UTC), bins of one ") + binName(t.data.bin));
    // Room between the dates and the count axis's "0" at the corner.
    lowerX->setTickLabelPadding(int(pt(6)));
    lowerY->setPadding(int(pt(3)));
    plot.yAxis->setLabel(QStringLiteral("Campaign exchanges per bin"));
    lowerY->setLabel(QStringLiteral("Baseline"));
    plot.yAxis->setTicker(QSharedPointer<CountTicker>::create());
    auto lowerTicker = QSharedPointer<CountTicker>::create();
    lowerTicker->setTickCount(2);
    lowerY->setTicker(lowerTicker);
    for (QCPAxis* axis : {plot.xAxis, plot.yAxis, lowerX, lowerY}) {
        axis->setLabelFont(chartFont(7.5));
        axis->setTickLabelFont(chartFont(6.5));
        axis->setBasePen(QPen(Qt::black, pt(0.5)));
        axis->setTickPen(QPen(Qt::black, pt(0.5)));
        axis->setSubTickPen(QPen(Qt::black, pt(0.3)));
        axis->grid()->setPen(QPen(QColor(0xDD, 0xDD, 0xDD), pt(0.3)));
    }
    addSeries(plot, t, lower);
    plot.xAxis->setRange(double(t.from), double(t.to));
    lowerX->setRange(double(t.from), double(t.to));
    plot.yAxis->rescale(false);
    plot.yAxis->setRangeLower(0);
    plot.yAxis->setRangeUpper(std::max(5.0, plot.yAxis->range().upper * 1.25)); // room for the labels
    lowerY->setRange(0, 1);
    if (auto* baseline = plot.graph(plot.graphCount() - 1))
        baseline->rescaleValueAxis(false, true);
    lowerY->setRange(0, std::max(5.0, lowerY->range().upper * 1.1));
    addMarks(plot, t);
    // Annotations as on the dashboard's timeline: merged where they would crowd, labelled in lanes.
    auto* notes = new AnnotationOverlay(&plot);
    notes->setFont(chartFont(6.5));
    AnnotationView view;
    view.from = t.from;
    view.to = t.to;
    view.pixels = rect.width() * 0.85; // the axis rect, less the axes' labels
    const QFontMetricsF metrics(chartFont(6.5));
    view.textWidth = [metrics](const QString& text) { return metrics.horizontalAdvance(text) + 6; };
    view.mergePixels = pt(5); // on paper, not in device pixels
    notes->setMarks(layoutAnnotations(t.notes, view));
    plot.legend->setVisible(true);
    plot.legend->setFont(chartFont(7));
    plot.legend->setIconSize(int(pt(16)), int(pt(8)));
    plot.legend->setBorderPen(Qt::NoPen);
    // The legend in a row below the chart: inside, it would hide the traffic.
    auto* below = new QCPLayoutGrid;
    plot.plotLayout()->addElement(2, 0, below);
    below->addElement(0, 0, plot.legend);
    plot.legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot.plotLayout()->setRowStretchFactor(2, 0.001);
}

void drawTimeline(QCPPainter* painter, const QRectF& rect, const ReportTimeline& t)
{
    QCustomPlot plot;
    buildTimelinePlot(plot, rect, t);
    painter->save();
    painter->translate(rect.topLeft());
    plot.toPainter(painter, int(rect.width()), int(rect.height()));
    painter->restore();
}

void drawCapabilityBars(QPainter* p, const QRectF& rect, const std::vector<CapabilityBar>& bars, const QFont& font)
{
    p->save();
    p->setFont(font);
    p->setPen(Qt::black);
    const QFontMetricsF fm(font, p->device());
    const double labelWidth = rect.width() * 0.28, valueWidth = pt(40);
    const double barArea = rect.width() - labelWidth - valueWidth;
    const double rowH = std::max(fm.height() * 2.2, pt(18));
    double max = 0.01;
    for (const CapabilityBar& b : bars)
        max = std::max({max, b.campaign, b.baseline});
    double y = rect.top();
    // Legend first: which bar is which.
    p->fillRect(QRectF(rect.left() + labelWidth, y, pt(8), pt(6)), seriesColor(0));
    p->drawText(QPointF(rect.left() + labelWidth + pt(11), y + pt(6)), QStringLiteral("campaign"));
    p->fillRect(QRectF(rect.left() + labelWidth + pt(70), y, pt(8), pt(6)), QColor(0xAA, 0xAA, 0xAA));
    p->drawText(QPointF(rect.left() + labelWidth + pt(81), y + pt(6)), QStringLiteral("organic baseline"));
    y += pt(12);
    for (const CapabilityBar& b : bars) {
        p->setPen(Qt::black);
        p->drawText(QRectF(rect.left(), y, labelWidth - pt(6), rowH), Qt::AlignRight | Qt::AlignVCenter,
                    fm.elidedText(plainMarkers(b.name), Qt::ElideRight, labelWidth - pt(6)));
        const double half = rowH / 2 - pt(1);
        const QRectF campaignBar(rect.left() + labelWidth, y + pt(1), barArea * b.campaign / max, half);
        const QRectF baselineBar(rect.left() + labelWidth, y + half + pt(1), barArea * b.baseline / max, half);
        p->fillRect(campaignBar, seriesColor(0));
        p->fillRect(baselineBar, QColor(0xAA, 0xAA, 0xAA));
        p->drawText(QRectF(campaignBar.right() + pt(3), campaignBar.top(), valueWidth, half), Qt::AlignLeft | Qt::AlignVCenter,
                    percent(b.campaign, 1));
        p->drawText(QRectF(baselineBar.right() + pt(3), baselineBar.top(), valueWidth, half), Qt::AlignLeft | Qt::AlignVCenter,
                    percent(b.baseline, 1));
        y += rowH + pt(2);
    }
    p->restore();
}

} // namespace hs
