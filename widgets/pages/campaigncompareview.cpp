// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaigncompareview.h"

#include "chartexport.h"
#include "countticker.h"
#include "displaytext.h"
#include "palette.h"
#include "qcustomplotshim.h"
#include "theme.h"
#include "timeutil.h"
#include "viewtables.h"

#include <algorithm>
#include <cmath>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QPushButton>
#include <QValueAxis>
#include <QVBoxLayout>

namespace hs {

CampaignCompareView::CampaignCompareView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("campaignCompare"));
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    auto* save = new QPushButton(tr("Save image..."), this);
    m_save = save;
    connect(save, &QPushButton::clicked, this, &CampaignCompareView::exportImage);
    m_charts = new QWidget(this);
    m_mixView = new QChartView(new QChart, m_charts);
    m_mixView->setObjectName(QStringLiteral("compareMix"));
    m_mixView->setAccessibleName(tr("Capability mix of the compared campaigns"));
    m_mixView->chart()->legend()->setAlignment(Qt::AlignBottom);
    m_mixView->chart()->setMargins(QMargins(2, 2, 2, 2));
    m_mixView->setMinimumSize(260, 150);
    m_plot = new QCustomPlot(m_charts);
    m_plot->setObjectName(QStringLiteral("compareTimeline"));
    m_plot->setAccessibleName(tr("Exchanges over time of the compared campaigns"));
    m_plot->setMinimumSize(260, 150);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::UTC); // evidence times are UTC, whatever the workstation's zone
    ticker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd"));
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setTicker(QSharedPointer<CountTicker>::create());
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    auto* charts = new QHBoxLayout(m_charts);
    charts->setContentsMargins(0, 0, 0, 0);
    charts->addWidget(m_mixView, 1);
    charts->addWidget(m_plot, 1);
    auto* top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_charts, 1);
    styleChart(m_mixView->chart());
    stylePlot(m_plot);
}

QChart* CampaignCompareView::mixChart() const { return m_mixView->chart(); }

void CampaignCompareView::clear()
{
    m_comparison = {};
    m_names.clear();
    m_mixView->chart()->removeAllSeries();
    for (QAbstractAxis* axis : m_mixView->chart()->axes()) {
        m_mixView->chart()->removeAxis(axis); // gives up its ownership: ours to delete
        delete axis;
    }
    m_plot->clearGraphs();
    m_plot->replot();
}

void CampaignCompareView::compare(const Investigation& inv, const Analysis& analysis, const Selection& selection,
                               const std::vector<std::uint32_t>& groups)
{
    clear();
    m_comparison = compareCampaigns(inv, analysis, selection, groups);
    for (std::uint32_t g : groups)
        m_names << shownEvidence(groupName(inv, g), 40);
    const QString period = selection.range ? tr("%1 to %2").arg(shortUtc(selection.range->from), shortUtc(selection.range->to))
                                           : tr("the whole period");
    m_title->setText(tr("%1 compared, %2: share of each capability (left), exchanges per %3 (right)")
                         .arg(m_names.join(QStringLiteral(" · ")), period, binName(m_comparison.timeline.bin)));
    showMix(inv);
    showTimeline(inv);
}

// One bar set per campaign, one category per capability: the pairs sit side by side.
void CampaignCompareView::showMix(const Investigation& inv)
{
    QChart* chart = m_mixView->chart();
    auto* series = new QHorizontalBarSeries;
    // Qt draws the first category at the bottom: appended last to first, the chart reads top-down
    // in the table's order.
    for (std::size_t p = 0; p < m_comparison.groups.size(); ++p) {
        auto* set = new QBarSet(m_names.value(qsizetype(p)));
        const std::uint32_t g = m_comparison.groups[p];
        set->setColor(g == inv.baselineGroup() ? baselineColor(isDarkTheme()) : seriesColor(g));
        set->setBorderColor(set->color());
        for (auto it = m_comparison.share[p].rbegin(); it != m_comparison.share[p].rend(); ++it)
            set->append(*it * 100.0);
        series->append(set);
    }
    QStringList categories;
    for (auto it = m_comparison.capabilities.rbegin(); it != m_comparison.capabilities.rend(); ++it)
        categories << shownEvidence(inv.capabilities[*it].name, 28);
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    // From 0 to the next round share above the largest (ticks every 10% up to 50%, every 20%
    // beyond): the differences get the width, and the labels stay whole numbers.
    double largest = 0;
    for (const std::vector<double>& shares : m_comparison.share)
        for (double share : shares)
            largest = std::max(largest, share);
    int step = 10;
    int top = std::max(1, int(std::ceil(largest * 10.0 - 1e-9))) * 10;
    if (top > 50) {
        step = 20;
        top = std::min(100, int(std::ceil(largest * 5.0 - 1e-9)) * 20);
    }
    auto* x = new QValueAxis;
    x->setRange(0, top);
    x->setLabelFormat(QStringLiteral("%.0f%%"));
    x->setTickCount(top / step + 1);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
    styleChart(chart);
}

// The groups' exchanges per bin overlaid as steps: the same bins for both, over the same period.
void CampaignCompareView::showTimeline(const Investigation& inv)
{
    const TimelineData& t = m_comparison.timeline;
    const double width = double(binSeconds(t.bin));
    QVector<double> keys(static_cast<qsizetype>(t.bins));
    for (std::size_t i = 0; i < t.bins; ++i)
        keys[static_cast<qsizetype>(i)] = double(t.start(i)) + width / 2;
    double top = 5;
    for (std::size_t p = 0; p < m_comparison.groups.size(); ++p) {
        const std::vector<double> values = m_comparison.overTime(p, inv.baselineGroup());
        QCPGraph* graph = m_plot->addGraph();
        const std::uint32_t g = m_comparison.groups[p];
        graph->setName(m_names.value(qsizetype(p)));
        graph->setPen(QPen(g == inv.baselineGroup() ? baselineColor(isDarkTheme()) : seriesColor(g), 2,
                           g == inv.baselineGroup() ? Qt::DashLine : Qt::SolidLine));
        graph->setLineStyle(QCPGraph::lsStepCenter);
        graph->setData(keys, QVector<double>(values.begin(), values.end()), true);
        for (double v : values)
            top = std::max(top, v);
    }
    m_plot->yAxis->setLabel(tr("Exchanges per %1").arg(binName(t.bin)));
    if (t.bins > 0)
        m_plot->xAxis->setRange(double(t.first), double(t.start(t.bins)));
    m_plot->yAxis->setRange(0, top * 1.12);
    m_plot->replot();
}

bool CampaignCompareView::saveImage(const QString& path)
{
    return saveWidgetImage(this, path, tr("Hydrascope campaign comparison"));
}

void CampaignCompareView::exportImage()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save comparison"), QStringLiteral("comparison.png"),
                                                      tr("PNG image (*.png);;SVG image (*.svg)"));
    if (!path.isEmpty())
        saveImage(path);
}

void CampaignCompareView::setPresenting(bool on) { m_save->setVisible(!on); }

} // namespace hs
