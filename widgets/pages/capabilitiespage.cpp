// SPDX-License-Identifier: GPL-3.0-or-later
#include "capabilitiespage.h"

#include "chartexport.h"
#include "displaytext.h"
#include "lazyupdate.h"
#include "palette.h"
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
    m_timeSeries = createPercentChart(m_timeView->chart(), false, tr("Week starting (UTC)"), 0.9);
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

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filterLabel, 1);
    bar->addWidget(new QLabel(tr("Over time:"), this));
    bar->addWidget(m_campaign);
    bar->addWidget(save);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_mixView, 3);
    layout->addWidget(m_timeView, 2);
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
            series->append(set);
        }
    }
}

void CapabilitiesPage::rebuildMix(const std::vector<GroupCapabilityMix>& mix)
{
    const Selection& s = m_selection->current();
    std::vector<std::uint32_t> groups; // selected campaigns with traffic, then the baseline
    QStringList categories;
    for (std::uint32_t g = 0; g + 1 < mix.size(); ++g)
        if (s.hasGroup(g) && mix[g].exchanges > 0) {
            groups.push_back(g);
            categories << chartText(m_inv->campaigns[g].name);
        }
    groups.push_back(m_inv->baselineGroup());
    categories << tr("Organic baseline");
    std::vector<QList<qreal>> values(m_inv->capabilities.size());
    for (std::uint32_t c = 0; c < m_inv->capabilities.size(); ++c)
        for (std::uint32_t g : groups)
            values[c] << double(mix[g].perCapability[c]);
    setChartData(m_mixSeries, categories, values);
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
    const QString name = m_campaign->currentText().toHtmlEscaped(); // shown with markers already (shownEvidence)
    m_timeView->chart()->setTitle(s.range ? tr("Capability mix over time: %1, %2 to %3").arg(name, shortUtc(s.range->from), shortUtc(s.range->to))
                                          : tr("Capability mix over time: %1").arg(name));
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
        for (QAbstractAxis* axis : axes)
            swap(axis->labelsFont(), [axis](const QFont& f) { axis->setLabelsFont(f); });
    }
    m_ownFonts = on ? std::move(fonts) : std::vector<QFont>{};
}

} // namespace hs
