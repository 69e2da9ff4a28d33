// SPDX-License-Identifier: GPL-3.0-or-later
#include "capabilitiespage.h"

#include "chartexport.h"
#include "lazyupdate.h"
#include "palette.h"
#include "timeline.h"
#include "timeutil.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QFileDialog>
#include <QLegendMarker>
#include <QPercentBarSeries>
#include <QBarSet>
#include <QPushButton>
#include <QValueAxis>
#include <QVBoxLayout>

namespace hs {

CapabilitiesPage::CapabilitiesPage(SelectionState* selection, QWidget* parent) : QWidget(parent), m_selection(selection)
{
    m_mixView = new QChartView(new QChart, this);
    m_mixView->setObjectName(QStringLiteral("capabilityMix"));
    m_mixView->setRenderHint(QPainter::Antialiasing);
    m_mixView->setAccessibleName(tr("Capability mix per campaign and baseline"));
    m_timeView = new QChartView(new QChart, this);
    m_timeView->setObjectName(QStringLiteral("capabilityOverTime"));
    m_timeView->setRenderHint(QPainter::Antialiasing);
    m_timeView->setAccessibleName(tr("Capability mix over time"));
    m_campaign = new QComboBox(this);
    m_campaign->setAccessibleName(tr("Campaign shown over time"));
    m_filterLabel = new QLabel(this);
    m_filterLabel->setTextFormat(Qt::PlainText);
    auto* save = new QPushButton(tr("Save image..."), this);
    connect(save, &QPushButton::clicked, this, &CapabilitiesPage::exportImage);
    connect(m_campaign, qOverload<int>(&QComboBox::currentIndexChanged), this, &CapabilitiesPage::rebuildOverTime);
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
        m_campaign->addItem(c.name);
    m_campaign->addItem(tr("Organic baseline"));
    rebuild();
}

void CapabilitiesPage::rebuild()
{
    if (!m_inv)
        return;
    const auto& cap = m_selection->current().capability;
    m_filterLabel->setText(cap ? tr("Filtered to capability: %1 (click it again to clear)").arg(m_inv->capabilities[*cap].name)
                               : tr("Click a capability to filter every view by it"));
    rebuildMix();
    rebuildOverTime();
}

namespace {

// Qt Charts renders titles, axis labels and legend entries as HTML: evidence text is escaped.
QString chartText(const QString& text) { return text.left(60).toHtmlEscaped(); }

QBarSet* capabilitySet(const Investigation& inv, std::uint32_t c)
{
    auto* set = new QBarSet(chartText(inv.capabilities[c].name));
    set->setColor(capabilityColor(c, c == inv.unclassified));
    set->setBorderColor(Qt::white);
    return set;
}

void resetChart(QChart* chart, bool legend)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis); // hands ownership back: delete it, or every rebuild leaks two axes
        delete axis;
    }
    // One legend serves both charts (same colours): at the bottom it fits twelve and more.
    chart->legend()->setVisible(legend);
    chart->legend()->setAlignment(Qt::AlignBottom);
}

// The series with its category axis below and a 0-100% axis on the left.
void addPercentSeries(QChart* chart, QPercentBarSeries* series, const QStringList& categories, const QString& xTitle)
{
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(xTitle);
    auto* y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d%%"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

} // namespace

void CapabilitiesPage::rebuildMix()
{
    QChart* chart = m_mixView->chart();
    resetChart(chart, true);
    const Selection& s = m_selection->current();
    const std::vector<GroupCapabilityMix> mix = capabilityMix(*m_inv, s);
    std::vector<std::uint32_t> groups; // selected campaigns with traffic, then the baseline
    QStringList categories;
    for (std::uint32_t g = 0; g + 1 < mix.size(); ++g)
        if (s.hasGroup(g) && mix[g].exchanges > 0) {
            groups.push_back(g);
            categories << chartText(m_inv->campaigns[g].name);
        }
    groups.push_back(m_inv->baselineGroup());
    categories << tr("Organic baseline");
    auto* series = new QPercentBarSeries;
    for (std::uint32_t c = 0; c < m_inv->capabilities.size(); ++c) {
        std::uint64_t total = 0;
        for (std::uint32_t g : groups)
            total += mix[g].perCapability[c];
        if (total == 0)
            continue;
        QBarSet* set = capabilitySet(*m_inv, c);
        for (std::uint32_t g : groups)
            set->append(double(mix[g].perCapability[c]));
        connect(set, &QBarSet::clicked, this, [this, c](int) { onCapabilityClicked(static_cast<int>(c)); });
        series->append(set);
    }
    series->setBarWidth(0.7);
    addPercentSeries(chart, series, categories, QString());
    chart->setTitle(s.range ? tr("Capability mix, %1 to %2").arg(shortUtc(s.range->from), shortUtc(s.range->to))
                            : tr("Capability mix: campaigns against the organic baseline"));
}

void CapabilitiesPage::rebuildOverTime()
{
    QChart* chart = m_timeView->chart();
    resetChart(chart, false);
    if (!m_inv || m_campaign->currentIndex() < 0)
        return;
    const auto group = static_cast<std::uint32_t>(m_campaign->currentIndex());
    // Weekly bins: a few dozen categories at most, each labelled with its Monday.
    std::map<std::int64_t, std::vector<std::uint64_t>> weeks;
    const auto& model = m_selection->current().model;
    for (const HourCell& cell : m_inv->aggregates.hours) {
        if (cell.group != group || (model && cell.model != *model))
            continue;
        auto& counts = weeks[binStart(cell.hour * 3600, Bin::Week)];
        counts.resize(m_inv->capabilities.size());
        counts[cell.capability] += cell.exchanges;
    }
    auto* series = new QPercentBarSeries;
    QStringList categories;
    for (const auto& week : weeks)
        categories << QDateTime::fromSecsSinceEpoch(week.first, Qt::UTC).toString(QStringLiteral("MMM d"));
    for (std::uint32_t c = 0; c < m_inv->capabilities.size(); ++c) {
        QBarSet* set = capabilitySet(*m_inv, c);
        std::uint64_t total = 0;
        for (const auto& week : weeks) {
            set->append(double(week.second[c]));
            total += week.second[c];
        }
        if (total == 0) {
            delete set;
            continue;
        }
        connect(set, &QBarSet::clicked, this, [this, c](int) { onCapabilityClicked(static_cast<int>(c)); });
        series->append(set);
    }
    series->setBarWidth(0.9);
    addPercentSeries(chart, series, categories, tr("Week starting (UTC)"));
    chart->setTitle(tr("Capability mix over time: %1").arg(chartText(m_campaign->currentText())));
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

} // namespace hs
