// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinepage.h"

#include "textformat.h"
#include "annotationoverlay.h"
#include "countticker.h"
#include "displaytext.h"
#include "lazyupdate.h"
#include "palette.h"
#include "theme.h"
#include "qcustomplotshim.h"
#include "timelinemarkers.h"
#include "releasesource.h"
#include "timelinerangeselect.h"
#include "timeutil.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSvgGenerator>
#include <QToolTip>
#include <QVBoxLayout>

namespace hs {
namespace {
} // namespace

TimelinePage::TimelinePage(SelectionState* selection, QWidget* parent) : QWidget(parent), m_selection(selection)
{
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("timelinePlot"));
    m_plot->setAccessibleName(tr("Traffic timeline"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::UTC); // evidence times are UTC, whatever the workstation's zone
    ticker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd\nHH:mm"));
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setLabel(tr("Time (UTC)"));
    m_plot->yAxis->setLabel(tr("Exchanges per bin"));
    m_plot->legend->setVisible(true);
    // Top left: traffic ramps up from the start, while release and pivot labels crowd the right.
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_plot->setMouseTracking(true);
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &TimelinePage::onRangeChanged);
    m_markers = std::make_unique<TimelineMarkers>(m_plot);
    m_rangeSelect = std::make_unique<TimelineRangeSelect>(m_plot, m_selection);
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] { m_markers->place(); });
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        if (m_inv)
            m_rangeSelect->press(event);
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        if (!m_rangeSelect->move(event) && event->buttons() == Qt::NoButton)
            showTooltip(event);
    });
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* event) { m_rangeSelect->release(event); });

    m_split = new QComboBox(this);
    m_split->addItem(tr("Split by model"));
    m_split->addItem(tr("Split by campaign"));
    m_split->setAccessibleName(tr("Split traffic by"));
    m_stacked = new QCheckBox(tr("Stacked"), this);
    m_stacked->setChecked(true);
    m_log = new QCheckBox(tr("Log scale"), this);
    m_log->setToolTip(tr("Logarithmic counts; traffic is drawn as lines, since stacked areas on a log scale "
                         "shrink every series but the bottom one"));
    m_binLabel = new QLabel(this);
    m_binLabel->setObjectName(QStringLiteral("binLabel"));
    auto* reset = new QPushButton(tr("Reset zoom"), this);
    auto* save = new QPushButton(tr("Save image..."), this);
    m_annotate = new QPushButton(tr("Annotate range..."), this);
    m_annotate->setObjectName(QStringLiteral("annotateRange"));
    m_annotate->setToolTip(tr("Add an annotation for the selected time range (Shift+drag to select one)"));
    connect(m_annotate, &QPushButton::clicked, this, &TimelinePage::annotateRequested);
    connect(m_split, qOverload<int>(&QComboBox::currentIndexChanged), this, &TimelinePage::rebuild);
    connect(m_stacked, &QCheckBox::toggled, this, &TimelinePage::draw);
    connect(m_log, &QCheckBox::toggled, this, &TimelinePage::draw);
    connect(reset, &QPushButton::clicked, this, &TimelinePage::resetZoom);
    connect(save, &QPushButton::clicked, this, &TimelinePage::exportImage);
    auto* update = new LazyUpdate(this, [this] { rebuild(); });
    connect(m_selection, &SelectionState::changed, update, &LazyUpdate::request);
    connect(m_selection, &SelectionState::changed, this, &TimelinePage::updateAnnotateButton); // cheap: at once

    m_controls = new QWidget(this); // hidden in presentation mode, with the hint
    auto* bar = new QHBoxLayout(m_controls);
    bar->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : std::initializer_list<QWidget*>{m_split, m_stacked, m_log, reset, save, m_annotate})
        bar->addWidget(w);
    bar->addStretch(1);
    bar->addWidget(m_binLabel);
    m_hint = new QLabel(tr("Wheel: zoom · drag: pan · Shift+drag: select a time range for every view"), this);
    m_hint->setEnabled(false);
    // Above the plot and outside the controls, so that it stays in presentation mode: a release
    // marker that is only a first appearance must not be read as a release.
    m_releaseNote = new QLabel(this);
    m_releaseNote->setObjectName(QStringLiteral("releaseNote"));
    m_releaseNote->setWordWrap(true);
    m_releaseNote->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_controls);
    layout->addWidget(m_releaseNote);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_hint);
    updateAnnotateButton();
}

void TimelinePage::setResults(std::shared_ptr<const Investigation> inv, std::shared_ptr<const Analysis> analysis)
{
    m_inv = std::move(inv);
    m_analysis = std::move(analysis);
    const QString note = m_inv ? releaseTimesNote(*m_inv) : QString();
    m_releaseNote->setText(note.isEmpty() ? QString() : tr("Note: %1.").arg(note));
    m_releaseNote->setVisible(!note.isEmpty());
    m_bin = Bin::Day;
    m_homeBin.reset();
    rebuild();
    resetZoom();
    m_homeBin = m_bin; // what Reset zoom comes back to, whatever the width of the moment says
}

// The whole investigation in the bin it opened with: a reviewer who zooms in and back out sees
// the chart they started from, not a differently binned one.
void TimelinePage::resetZoom()
{
    if (!m_inv || m_data.empty())
        return;
    const std::int64_t from = m_data.first, to = m_data.start(m_data.bins);
    const double pad = double(to - from) * 0.01;
    if (m_homeBin) {
        m_resetting = true;
        m_plot->xAxis->setRange(double(from) - pad, double(to) + pad);
        m_resetting = false;
        if (m_bin != *m_homeBin) {
            m_bin = *m_homeBin;
            rebuild();
        } else {
            drawAnnotations();
        }
        return replotIfVisible();
    }
    m_plot->xAxis->setRange(double(from) - pad, double(to) + pad);
    onRangeChanged();
}

void TimelinePage::zoomTo(std::int64_t from, std::int64_t to)
{
    m_plot->xAxis->setRange(double(from), double(to));
    onRangeChanged();
}

void TimelinePage::onRangeChanged()
{
    if (!m_inv || m_resetting)
        return;
    const QCPRange r = m_plot->xAxis->range();
    const Bin bin = binForSpan(static_cast<std::int64_t>(r.size()), std::max(100, m_plot->axisRect()->width()));
    if (bin != m_bin) {
        m_bin = bin;
        rebuild(); // draws the annotations too
    } else if (!m_annotations.empty()) {
        drawAnnotations(); // merged and labelled for the new zoom
    }
}

void TimelinePage::rebuild()
{
    if (!m_inv)
        return;
    const SplitBy split = m_split->currentIndex() == 1 ? SplitBy::Campaign : SplitBy::Model;
    m_data = computeTimeline(*m_inv, m_selection->current(), m_bin, split);
    // The bin drawn: coarser than asked when the asked one would need too many (timeline.h).
    m_binLabel->setText(tr("One bar = one %1 (UTC)").arg(binName(m_data.bin)));
    draw();
}

void TimelinePage::draw()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_markers->clear();
    m_rangeSelect->clear();
    m_overlay = nullptr;
    if (!m_inv)
        return replotIfVisible();
    const double width = double(binSeconds(m_data.bin));
    QVector<double> keys(static_cast<qsizetype>(m_data.bins));
    for (std::size_t i = 0; i < m_data.bins; ++i)
        keys[static_cast<qsizetype>(i)] = double(m_data.start(i)) + width / 2;
    // Stacked areas on a log scale shrink every series but the bottom one: lines instead.
    const bool log = m_log->isChecked();
    const bool stacked = m_stacked->isChecked() && !log;
    m_stacked->setEnabled(!log);
    std::vector<double> sums(m_data.bins, 0);
    QCPBars* below = nullptr;
    for (const TimelineSeries& s : m_data.series) {
        const QColor color = seriesColor(s.key);
        const QVector<double> values(s.values.begin(), s.values.end());
        for (std::size_t i = 0; i < m_data.bins; ++i)
            sums[i] = stacked ? sums[i] + s.values[i] : std::max(sums[i], s.values[i]);
        if (stacked) {
            auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
            bars->setName(shownEvidence(s.name, 60));
            bars->setWidth(width);
            bars->setStackingGap(0);
            bars->setPen(Qt::NoPen);
            bars->setAntialiased(false); // axis-aligned rectangles: smoothing only blurs the seams, and costs
            bars->setBrush(color);
            bars->setData(keys, values, true);
            if (below)
                bars->moveAbove(below);
            below = bars;
        } else {
            QCPGraph* g = m_plot->addGraph();
            g->setName(shownEvidence(s.name, 60));
            g->setPen(QPen(color, 2 * m_lineScale));
            g->setLineStyle(QCPGraph::lsStepCenter);
            g->setData(keys, values, true);
        }
    }
    // The baseline is a group like the campaigns: drawn only while it is in the selection.
    const bool baseline = m_selection->current().hasGroup(m_inv->baselineGroup());
    if (baseline) {
        QCPGraph* base = m_plot->addGraph();
        base->setName(tr("Organic baseline"));
        base->setPen(QPen(baselineColor(isDarkTheme()), 1.5 * m_lineScale, Qt::DashLine));
        base->setLineStyle(QCPGraph::lsStepCenter);
        base->setData(keys, QVector<double>(m_data.baseline.begin(), m_data.baseline.end()), true);
    }
    double top = 5; // counts are whole: a nearly empty selection still gets whole-number ticks
    for (std::size_t i = 0; i < m_data.bins; ++i)
        top = std::max({top, sums[i], baseline ? m_data.baseline[i] : 0.0});
    m_plot->yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log)
        m_plot->yAxis->setTicker(QSharedPointer<LogCountTicker>::create());
    else
        m_plot->yAxis->setTicker(QSharedPointer<CountTicker>::create());
    m_plot->yAxis->setRange(log ? 0.8 : 0, log ? top * 2 : top * 1.12);
    m_markers->draw(*m_inv, *m_analysis, m_selection->current(), m_lineScale, palette().color(QPalette::WindowText));
    m_markers->markPartialBins(*m_inv, m_data, palette().color(QPalette::WindowText));
    m_rangeSelect->drawBand();
    drawAnnotations();
    replotIfVisible();
}

// A hidden page has no size to paint into; it replots when shown. Queued: a zoom that changes
// the bin rebuilds from inside QCustomPlot's own (queued) replot request, and the two become one.
void TimelinePage::replotIfVisible()
{
    if (isVisible())
        m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TimelinePage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_inv)
        draw(); // labels take the theme's colours
}

void TimelinePage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TimelinePage::showTooltip(QMouseEvent* event)
{
    if (!m_inv || m_data.empty())
        return;
    const double x = m_plot->xAxis->pixelToCoord(event->position().x());
    const double size = double(binSeconds(m_data.bin));
    const auto i = static_cast<std::int64_t>(std::floor((x - double(m_data.first)) / size));
    if (i < 0 || i >= static_cast<std::int64_t>(m_data.bins) || !m_plot->axisRect()->rect().contains(event->pos())) {
        QToolTip::hideText();
        return;
    }
    const auto bin = static_cast<std::size_t>(i);
    const QLocale locale;
    QString text = tr("%1, one %2").arg(shortUtc(m_data.start(bin)), binName(m_data.bin));
    if (const QString partial = m_markers->partialNote(bin); !partial.isEmpty())
        text += QLatin1Char('\n') + partial;
    for (const TimelineSeries& s : m_data.series)
        text += QStringLiteral("\n%1: %2").arg(shownEvidence(s.name, 60), locale.toString(s.values[bin], 'f', 0));
    if (m_selection->current().hasGroup(m_inv->baselineGroup()))
        text += tr("\nOrganic baseline: %1").arg(locale.toString(m_data.baseline[bin], 'f', 0));
    // Tooltips guess rich text from the content: escape, so campaign and model names stay literal.
    QToolTip::showText(event->globalPosition().toPoint(),
                       QStringLiteral("<p style='white-space:pre'>%1</p>").arg(text.toHtmlEscaped()), m_plot);
}

bool TimelinePage::saveImage(const QString& path)
{
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(m_plot->size());
        svg.setViewBox(m_plot->rect());
        svg.setTitle(tr("Hydrascope timeline"));
        QCPPainter painter;
        if (!painter.begin(&svg))
            return false;
        m_plot->toPainter(&painter, m_plot->width(), m_plot->height());
        return painter.end();
    }
    return m_plot->savePng(path);
}

void TimelinePage::exportImage()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save timeline"), QStringLiteral("timeline.png"),
                                                      tr("PNG image (*.png);;SVG image (*.svg)"));
    if (!path.isEmpty())
        saveImage(path);
}

void TimelinePage::setAnnotations(std::vector<Annotation> annotations)
{
    m_annotations = std::move(annotations);
    drawAnnotations();
    replotIfVisible();
}

void TimelinePage::setAnnotatable(bool annotatable, const QString& why)
{
    m_annotatable = annotatable;
    m_notAnnotatable = why;
    updateAnnotateButton();
}

void TimelinePage::updateAnnotateButton()
{
    m_annotate->setVisible(m_annotatable);
    m_annotate->setEnabled(m_annotatable && m_notAnnotatable.isEmpty() && m_selection->current().range.has_value());
    m_annotate->setToolTip(m_notAnnotatable.isEmpty()
                               ? tr("Add an annotation for the selected time range (Shift+drag to select one)")
                               : tr("Not possible now: %1").arg(m_notAnnotatable));
}

// Marks come from layoutAnnotations() for the visible span: merged where they would crowd,
// labelled in lanes along the bottom of the plot (release and pivot labels use the top).
void TimelinePage::drawAnnotations()
{
    if (!m_overlay) // draw() clears every item: the overlay comes back here
        m_overlay = new AnnotationOverlay(m_plot);
    m_marks = 0;
    if (!m_inv || m_annotations.empty()) {
        m_overlay->setMarks({});
        return;
    }
    const QCPRange r = m_plot->xAxis->range();
    AnnotationView view;
    view.from = static_cast<std::int64_t>(r.lower);
    view.to = static_cast<std::int64_t>(r.upper);
    view.pixels = std::max(100, m_plot->axisRect()->width());
    const QFontMetricsF metrics(m_plot->font());
    view.textWidth = [metrics](const QString& text) { return metrics.horizontalAdvance(text) + 6; };
    m_overlay->setMarks(layoutAnnotations(m_annotations, view));
    m_marks = m_overlay->marks().size();
}

TimelinePage::~TimelinePage() = default;

std::size_t TimelinePage::partialBins() const { return m_markers->partialBins(); }

PageState TimelinePage::viewState() const
{
    const QCPRange r = m_plot->xAxis->range();
    PageState state;
    state.values = {r.lower, r.upper, m_split->currentIndex(), m_stacked->isChecked(), m_log->isChecked()};
    return state;
}

void TimelinePage::restoreViewState(const PageState& state)
{
    if (state.values.size() != 5)
        return;
    m_split->setCurrentIndex(state.values[2].toInt());
    m_stacked->setChecked(state.values[3].toBool());
    m_log->setChecked(state.values[4].toBool());
    m_plot->xAxis->setRange(state.values[0].toDouble(), state.values[1].toDouble());
    onRangeChanged();
}

// Thick lines and the application's (enlarged) font for a projector; the plot copied its fonts
// when made, so it gets its own back afterwards.
void TimelinePage::setPresenting(bool on)
{
    if (on == !m_ownFonts.empty())
        return;
    QList<QFont> fonts{m_plot->xAxis->labelFont(), m_plot->xAxis->tickLabelFont(), m_plot->yAxis->labelFont(),
                       m_plot->yAxis->tickLabelFont(), m_plot->legend->font()};
    const QList<QFont> next = on ? QList<QFont>(5, QApplication::font()) : m_ownFonts;
    m_ownFonts = on ? fonts : QList<QFont>{};
    m_plot->xAxis->setLabelFont(next[0]);
    m_plot->xAxis->setTickLabelFont(next[1]);
    m_plot->yAxis->setLabelFont(next[2]);
    m_plot->yAxis->setTickLabelFont(next[3]);
    m_plot->legend->setFont(next[4]);
    m_lineScale = on ? 2.5 : 1.0;
    m_controls->setVisible(!on);
    m_hint->setVisible(!on);
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis})
        axis->setBasePen(QPen(palette().color(QPalette::WindowText), m_lineScale));
    draw();
}

} // namespace hs
