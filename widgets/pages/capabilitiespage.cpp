// SPDX-License-Identifier: GPL-3.0-or-later
#include "capabilitiespage.h"

#include "chartexport.h"
#include "displaytext.h"
#include "lazyupdate.h"
#include "palette.h"
#include "textformat.h"
#include "timeline.h"
#include "timeutil.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QFileDialog>
#include <QAbstractAxis>
#include <QBarLegendMarker>
#include <QLegend>
#include <QPercentBarSeries>
#include <QBarSet>
#include <QPushButton>
#include <QCursor>
#include <QLocale>
#include <QToolTip>
#include <QTextDocumentFragment>
#include <QValueAxis>
#include <QVBoxLayout>

namespace hs {
namespace {

// Qt Charts renders titles, axis labels and legend entries as HTML: evidence text is escaped.
QString chartText(const QString& text) { return shownEvidence(text, 60).toHtmlEscaped(); }

// The series with its category axis below and a 0-100% axis on the left, kept for the page's life.
QPercentBarSeries* createPercentChart(QChart* chart, bool legend, const QString& xTitle, qreal barWidth)
{
    auto* series = new QPercentBarSeries;
    series->setBarWidth(barWidth);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->setTitleText(xTitle);
    auto* y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d%%"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    // One legend serves both charts (same colours): at the bottom it fits twelve and more.
    chart->legend()->setVisible(legend);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont small = chart->legend()->font(); // a size smaller: thirteen names fit on one line at 1366 px
    small.setPointSizeF(small.pointSizeF() * 0.9);
    chart->legend()->setFont(small);
    return series;
}

QBarCategoryAxis* categoryAxis(QPercentBarSeries* series)
{
    return static_cast<QBarCategoryAxis*>(series->attachedAxes().front());
}

// New values into the kept bar sets and axis: values change in place (QBarSet::replace), and
// scene items are only created when the number of categories changes.
void setChartData(QPercentBarSeries* series, const QStringList& categories, const std::vector<QList<qreal>>& values)
{
    // The axis drops a category it already has: two campaigns of the same name would leave a bar
    // unlabelled and shift the labels after it. Repeats get a number.
    QStringList unique = categories;
    for (qsizetype i = 0; i < unique.size(); ++i)
        for (int n = 2; unique.mid(0, i).contains(unique[i]); ++n)
            unique[i] = categories[i] + QStringLiteral(" (%1)").arg(n);
    QBarCategoryAxis* axis = categoryAxis(series);
    if (axis->categories() != unique) {
        axis->clear();
        axis->append(unique);
    }
    const QList<QBarSet*> sets = series->barSets();
    for (qsizetype c = 0; c < sets.size(); ++c) {
        QBarSet* set = sets[c];
        const QList<qreal>& v = values[static_cast<std::size_t>(c)];
        if (set->count() != v.size()) {
            set->remove(0, set->count());
            set->append(v);
            continue;
        }
        for (qsizetype i = 0; i < v.size(); ++i)
            if (set->at(i) != v[i])
                set->replace(i, v[i]);
    }
    // Capabilities absent from what is shown leave the legend.
    for (QLegendMarker* marker : series->chart()->legend()->markers(series)) {
        const QBarSet* set = static_cast<QBarLegendMarker*>(marker)->barset();
        marker->setVisible(set->sum() > 0);
    }
}

} // namespace

CapabilitiesPage::CapabilitiesPage(SelectionState* selection, QWidget* parent) : QWidget(parent), m_selection(selection)
{
    m_mixView = new QChartView(new QChart, this);
    m_mixView->setObjectName(QStringLiteral("capabilityMix"));
    m_mixView->setAccessibleName(tr("Capability mix per campaign and baseline"));
    m_timeView = new QChartView(new QChart, this);
    m_timeView->setObjectName(QStringLiteral("capabilityOverTime"));
    m_timeView->setAccessibleName(tr("Capability mix over time"));
    // Axis-aligned bars and grid lines: no antialiasing (text is smoothed regardless), which
    // halves the time to paint the charts.
    m_mixSeries = createPercentChart(m_mixView->chart(), true, QString(), 0.7);
    m_legendFont = m_mixView->chart()->legend()->font();
    // Heights at which axis labels and titles keep their text (Qt Charts cuts them to "…" when
    // the chart is short): the dock below gives way instead.
    m_mixView->setMinimumHeight(165);
    m_timeView->setMinimumHeight(165);
    // No axis title: at 1366x768 the short chart would cut the week labels to "…" to fit one;
    // the chart's title says what the labels are.
    m_timeSeries = createPercentChart(m_timeView->chart(), false, QString(), 0.9);
    // 0%, 50%, 100%: at 1366x768 the charts are short, and five labels would be cut to "…".
    for (QPercentBarSeries* series : {m_mixSeries, m_timeSeries})
        static_cast<QValueAxis*>(series->attachedAxes().back())->setTickCount(3);
    m_campaign = new QComboBox(this);
    m_campaign->setAccessibleName(tr("Campaign shown over time"));
    m_filterLabel = new QLabel(this);
    m_filterLabel->setTextFormat(Qt::PlainText);
    auto* save = new QPushButton(tr("Save image..."), this);
    connect(save, &QPushButton::clicked, this, &CapabilitiesPage::exportImage);
    connect(m_campaign, qOverload<int>(&QComboBox::currentIndexChanged), this, &CapabilitiesPage::rebuildOverTime);
    connect(m_campaign, qOverload<int>(&QComboBox::activated), this, [this] { m_campaignChosen = true; });
    auto* update = new LazyUpdate(this, [this] { rebuild(); });
    connect(m_selection, &SelectionState::changed, update, &LazyUpdate::request);

    m_controls = new QWidget(this);
    auto* bar = new QHBoxLayout(m_controls);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_filterLabel, 1);
    bar->addWidget(new QLabel(tr("Over time:"), this));
    bar->addWidget(m_campaign);
    bar->addWidget(save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_controls);
    layout->addWidget(m_mixView, 3);
    layout->addWidget(m_timeView, 2);
}

// Nothing is cut to "…" at 1366 px or under the presentation's larger font: week labels stand
// upright when side by side they would not fit, and the legend moves to the right of the chart
// in a column when its names would not fit in one row below it.
void CapabilitiesPage::fitLabels()
{
    // The page's width, not the views': in a resize event the views are not laid out yet.
    const double chartWidth = std::max(200, width() - 2 * layout()->contentsMargins().left() - 40);
    for (QChartView* view : {m_mixView, m_timeView}) {
        QChart* chart = view->chart();
        auto* axis = categoryAxis(view == m_mixView ? m_mixSeries : m_timeSeries);
        const QFontMetrics labels(axis->labelsFont());
        const double plotWidth = chartWidth - 60; // less the value axis
        int widest = 0;
        for (const QString& c : axis->categories())
            widest = std::max(widest, labels.horizontalAdvance(QTextDocumentFragment::fromHtml(c).toPlainText()));
        const qsizetype n = std::max<qsizetype>(1, axis->count());
        axis->setLabelsAngle(widest + 12 > plotWidth / double(n) ? -90 : 0);
        if (!chart->legend()->isVisible())
            continue;
        // One row below when it fits; else a column on the right when that fits the height; else
        // the row below in a smaller font, down to 7 points.
        QFont font = m_ownFonts.empty() ? m_legendFont : QApplication::font();
        const auto rowWidth = [&](const QFont& f) {
            const QFontMetrics fm(f);
            int row = 0, count = 0;
            for (QLegendMarker* marker : chart->legend()->markers())
                if (marker->isVisible()) {
                    row += fm.horizontalAdvance(QTextDocumentFragment::fromHtml(marker->label()).toPlainText()) + fm.height() + 16;
                    ++count;
                }
            return std::pair<int, int>{row, count};
        };
        auto [row, count] = rowWidth(font);
        Qt::Alignment where = Qt::AlignBottom;
        if (row > chartWidth) {
            if (QFontMetrics(font).height() * 1.4 * count < view->height() - 40)
                where = Qt::AlignRight;
            else
                while (row > chartWidth && font.pointSizeF() > 7) {
                    font.setPointSizeF(font.pointSizeF() - 0.5);
                    row = rowWidth(font).first;
                }
        }
        chart->legend()->setFont(font);
        chart->legend()->setAlignment(where);
    }
    highlightCapability(); // the legend's fonts were just set: the chosen one bold again
}

void CapabilitiesPage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_inv)
        fitLabels();
}

QChart* CapabilitiesPage::mixChart() const { return m_mixView->chart(); }
QChart* CapabilitiesPage::overTimeChart() const { return m_timeView->chart(); }

void CapabilitiesPage::setResults(std::shared_ptr<const Investigation> inv, std::shared_ptr<const Analysis> analysis)
{
    m_inv = std::move(inv);
    m_analysis = std::move(analysis);
    const QSignalBlocker block(m_campaign);
    m_campaign->clear();
    for (const CampaignInfo& c : m_inv->campaigns)
        m_campaign->addItem(shownEvidence(c.name, 60));
    m_campaign->addItem(tr("Organic baseline"));
    m_campaignChosen = false;
    createSets();
    rebuild();
}

void CapabilitiesPage::rebuild()
{
    if (!m_inv)
        return;
    const auto& cap = m_selection->current().capability;
    m_filterLabel->setText(cap ? tr("Filtered to capability: %1 (click it again to clear)").arg(shownEvidence(m_inv->capabilities[*cap].name, 60))
                               : tr("Click a capability to filter every view by it"));
    const std::vector<GroupCapabilityMix> mix = capabilityMix(*m_inv, m_selection->current());
    rebuildMix(mix);
    chooseOverTimeGroup(mix);
    rebuildOverTime();
    highlightCapability();
}

// The capability that filters every view stands out in both charts and the legend: the others
// fade, so a reviewer sees at once which one the other views are showing.
void CapabilitiesPage::highlightCapability()
{
    const auto& cap = m_selection->current().capability;
    for (QPercentBarSeries* series : {m_mixSeries, m_timeSeries}) {
        const QList<QBarSet*> sets = series->barSets();
        for (qsizetype c = 0; c < sets.size(); ++c) {
            const auto index = static_cast<std::uint32_t>(c);
            QColor color = capabilityColor(index, index == m_inv->unclassified);
            const bool chosen = cap && *cap == index;
            if (cap && !chosen)
                color.setAlpha(60);
            sets[c]->setColor(color);
            sets[c]->setPen(chosen ? QPen(palette().color(QPalette::WindowText), 2.5) : QPen(Qt::white, 1));
        }
        for (QLegendMarker* marker : series->chart()->legend()->markers(series)) {
            QFont font = marker->font();
            font.setBold(cap && static_cast<QBarLegendMarker*>(marker)->barset() == sets.value(qsizetype(*cap)));
            marker->setFont(font);
        }
    }
}

// "Copperline, coding: 31.2% of 1,234,567 exchanges (385,121)" for the segment under the pointer.
QString CapabilitiesPage::segmentToolTip(bool overTime, int capability, int index) const
{
    QPercentBarSeries* series = overTime ? m_timeSeries : m_mixSeries;
    const QList<QBarSet*> sets = series->barSets();
    const QStringList categories = categoryAxis(series)->categories();
    if (capability < 0 || capability >= sets.size() || index < 0 || index >= sets[capability]->count() || index >= categories.size())
        return {};
    double total = 0;
    for (const QBarSet* set : sets)
        total += set->at(index);
    const double count = sets[capability]->at(index);
    const QLocale locale;
    const QString where = overTime ? tr("%1, week starting %2").arg(m_campaign->currentText() /* marked already */, categories[index])
                                   : m_mixNames.value(index);
    const QString text = tr("%1\n%2: %3 of %4 exchanges (%5)")
                             .arg(where, shownEvidence(m_inv->capabilities[std::size_t(capability)].name, 60),
                                  percent(total > 0 ? count / total : 0, 1), locale.toString(qulonglong(total)),
                                  locale.toString(qulonglong(count)));
    // Tooltips guess rich text from the content: escaped, so names stay literal.
    return QStringLiteral("<p style='white-space:pre'>%1</p>").arg(text.toHtmlEscaped());
}

// One bar set per capability in each chart for the whole investigation.
void CapabilitiesPage::createSets()
{
    for (QPercentBarSeries* series : {m_mixSeries, m_timeSeries}) {
        series->clear();
        for (std::uint32_t c = 0; c < m_inv->capabilities.size(); ++c) {
            auto* set = new QBarSet(chartText(m_inv->capabilities[c].name));
            set->setColor(capabilityColor(c, c == m_inv->unclassified));
            set->setBorderColor(Qt::white);
            connect(set, &QBarSet::clicked, this, [this, c](int) { onCapabilityClicked(static_cast<int>(c)); });
            const bool overTime = series == m_timeSeries;
            QChartView* view = overTime ? m_timeView : m_mixView;
            connect(set, &QBarSet::hovered, this, [this, overTime, view, c](bool on, int index) {
                if (on)
                    QToolTip::showText(QCursor::pos(), segmentToolTip(overTime, int(c), index), view);
                else
                    QToolTip::hideText();
            });
            series->append(set);
        }
    }
}

void CapabilitiesPage::rebuildMix(const std::vector<GroupCapabilityMix>& mix)
{
    const Selection& s = m_selection->current();
    std::vector<std::uint32_t> groups; // selected campaigns with traffic, then the baseline if selected
    QStringList categories;
    m_mixNames.clear();
    for (std::uint32_t g = 0; g + 1 < mix.size(); ++g)
        if (s.hasGroup(g) && mix[g].exchanges > 0) {
            groups.push_back(g);
            categories << chartText(m_inv->campaigns[g].name);
            m_mixNames << shownEvidence(m_inv->campaigns[g].name, 60);
        }
    if (s.hasGroup(m_inv->baselineGroup())) {
        groups.push_back(m_inv->baselineGroup());
        categories << tr("Organic baseline");
        m_mixNames << tr("Organic baseline");
    }
    std::vector<QList<qreal>> values(m_inv->capabilities.size());
    for (std::uint32_t c = 0; c < m_inv->capabilities.size(); ++c)
        for (std::uint32_t g : groups)
            values[c] << double(mix[g].perCapability[c]);
    setChartData(m_mixSeries, categories, values);
    fitLabels();
    m_mixView->chart()->setTitle(s.range ? tr("Capability mix, %1 to %2").arg(shortUtc(s.range->from), shortUtc(s.range->to))
                                         : tr("Capability mix: campaigns against the organic baseline"));
}

// The campaign "over time" shows: the reviewer's choice while it is among the selected groups,
// else the selected campaign with the most exchanges in the selection.
void CapabilitiesPage::chooseOverTimeGroup(const std::vector<GroupCapabilityMix>& mix)
{
    const Selection& s = m_selection->current();
    const int current = m_campaign->currentIndex();
    if (m_campaignChosen && current >= 0 && s.hasGroup(static_cast<std::uint32_t>(current)))
        return;
    m_campaignChosen = false;
    const QSignalBlocker block(m_campaign);
    m_campaign->setCurrentIndex(static_cast<int>(largestSelectedCampaign(*m_inv, s, mix)));
}

void CapabilitiesPage::rebuildOverTime()
{
    if (!m_inv || m_campaign->currentIndex() < 0)
        return;
    const auto group = static_cast<std::uint32_t>(m_campaign->currentIndex());
    // Weekly bins (Monday, UTC) within the selection's range and model: a few dozen categories.
    const Selection& s = m_selection->current();
    const std::vector<WeekCapabilityMix> weeks = capabilityMixByWeek(*m_inv, s, group);
    QStringList categories;
    for (const WeekCapabilityMix& week : weeks)
        categories << QDateTime::fromSecsSinceEpoch(week.week, Qt::UTC).toString(QStringLiteral("MMM d"));
    std::vector<QList<qreal>> values(m_inv->capabilities.size());
    for (std::uint32_t c = 0; c < m_inv->capabilities.size(); ++c)
        for (const WeekCapabilityMix& week : weeks)
            values[c] << double(week.perCapability[c]);
    setChartData(m_timeSeries, categories, values);
    fitLabels();
    const QString name = m_campaign->currentText().toHtmlEscaped(); // shown with markers already (shownEvidence)
    m_timeView->chart()->setTitle(s.range ? tr("Capability mix over time, by week starting Monday (UTC): %1, %2 to %3")
                                                .arg(name, shortUtc(s.range->from), shortUtc(s.range->to))
                                          : tr("Capability mix over time, by week starting Monday (UTC): %1").arg(name));
}

void CapabilitiesPage::onCapabilityClicked(int capability)
{
    const auto& current = m_selection->current().capability;
    const auto c = static_cast<std::uint32_t>(capability);
    m_selection->setCapability(current && *current == c ? std::nullopt : std::optional<std::uint32_t>(c));
}

bool CapabilitiesPage::saveImage(const QString& path, bool overTime)
{
    return saveWidgetImage(overTime ? m_timeView : m_mixView, path, tr("Hydrascope capability mix"));
}

void CapabilitiesPage::exportImage()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save capability mix"), QStringLiteral("capabilities.png"),
                                                      tr("PNG image (*.png);;SVG image (*.svg)"));
    if (!path.isEmpty())
        saveImage(path, false);
}

PageState CapabilitiesPage::viewState() const
{
    PageState state;
    state.values = {m_campaign->currentIndex()};
    return state;
}

void CapabilitiesPage::restoreViewState(const PageState& state)
{
    if (!state.values.isEmpty()) {
        m_campaign->setCurrentIndex(state.values.front().toInt());
        m_campaignChosen = true; // a saved view's choice stands while its campaign is selected
    }
}

// Charts copy their fonts when made: they follow the enlarged application font only when told,
// and get their own back afterwards.
void CapabilitiesPage::setPresenting(bool on)
{
    if (on == !m_ownFonts.empty())
        return;
    std::vector<QFont> fonts;
    std::size_t next = 0;
    auto swap = [&](const QFont& current, auto&& set) {
        fonts.push_back(current);
        set(on ? QApplication::font() : m_ownFonts[next++]);
    };
    for (QChartView* view : {m_mixView, m_timeView}) {
        QChart* chart = view->chart();
        swap(chart->titleFont(), [chart](const QFont& f) { chart->setTitleFont(f); });
        swap(chart->legend()->font(), [chart](const QFont& f) { chart->legend()->setFont(f); });
        const auto axes = chart->axes();
        for (QAbstractAxis* axis : axes) {
            swap(axis->labelsFont(), [axis](const QFont& f) { axis->setLabelsFont(f); });
            swap(axis->titleFont(), [axis](QFont f) { // the title bold, as Qt Charts draws it
                f.setBold(true);
                axis->setTitleFont(f);
            });
        }
    }
    m_ownFonts = on ? std::move(fonts) : std::vector<QFont>{};
    m_controls->setVisible(!on); // working controls, not for the audience
    if (m_inv)
        fitLabels();
    if (m_inv)
        highlightCapability(); // the legend's fonts were just replaced
}

} // namespace hs
