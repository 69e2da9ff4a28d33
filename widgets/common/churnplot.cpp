// SPDX-License-Identifier: GPL-3.0-or-later
#include "churnplot.h"

#include "palette.h"
#include "qcustomplotshim.h"

#include <algorithm>

namespace hs {
namespace {

constexpr double kDay = 86400;

QCPBars* addBars(QCustomPlot& plot, const QString& name, const QVector<double>& keys, const std::vector<std::uint32_t>& values,
                 QColor color)
{
    auto* bars = new QCPBars(plot.xAxis, plot.yAxis);
    bars->setName(name);
    bars->setPen(Qt::NoPen);
    bars->setBrush(color);
    bars->setWidth(kDay * 0.8 / 3);
    bars->setData(keys, QVector<double>(values.begin(), values.end()), true);
    return bars;
}

// Over the plot's top right corner, or (compact) in a row of its own under the plot, two entries
// a line. The plot is filled again for every campaign: the legend moves only when it must.
void placeLegend(QCustomPlot& plot, bool below)
{
    QCPLayoutInset* inset = plot.axisRect()->insetLayout();
    const bool isBelow = plot.plotLayout()->rowCount() > 1 && plot.plotLayout()->element(1, 0) == plot.legend;
    if (below && !isBelow) {
        inset->take(plot.legend);
        plot.plotLayout()->simplify();
        plot.plotLayout()->addElement(1, 0, plot.legend);
        plot.plotLayout()->setRowStretchFactor(1, 0.001);
        plot.legend->setMargins(QMargins(4, 0, 4, 2));
    }
    if (below) { // the items are in: two to a row
        plot.legend->setWrap(2);
        plot.legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    } else if (!below && !isBelow) {
        inset->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    }
}

} // namespace

void fillChurnPlot(QCustomPlot& plot, const ChurnSeries& c, const ChurnStyle& style)
{
    plot.clearPlottables();
    plot.clearItems();
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setDateTimeFormat(style.compact ? QStringLiteral("MMM d") : QStringLiteral("yyyy-MM-dd"));
    ticker->setTickCount(style.compact ? 3 : 6);
    plot.xAxis->setTicker(ticker);
    plot.xAxis->setLabel(style.compact ? QString() : QStringLiteral("Day (UTC)"));
    plot.yAxis->setLabel(style.compact ? QStringLiteral("Per day") : QStringLiteral("Accounts per day"));
    plot.yAxis2->setVisible(true);
    plot.yAxis2->setLabel(style.compact ? QStringLiteral("Active") : QStringLiteral("Active accounts"));
    for (QCPAxis* axis : {plot.xAxis, plot.yAxis, plot.yAxis2}) {
        axis->setLabelFont(style.labelFont);
        axis->setTickLabelFont(style.tickFont);
        axis->setLabelColor(style.text);
        axis->setTickLabelColor(style.text);
        axis->setBasePen(QPen(style.text, 0.5 * style.penScale));
        axis->setTickPen(QPen(style.text, 0.5 * style.penScale));
        axis->setSubTickPen(QPen(style.text, 0.3 * style.penScale));
        axis->grid()->setPen(QPen(style.grid, 0.3 * style.penScale));
    }
    QVector<double> keys, created, seen, banned;
    for (std::size_t i = 0; i < c.days(); ++i)
        keys << (double(c.fromDay) + double(i)) * kDay + kDay / 2;
    // Three bars side by side within each day.
    QVector<double> left = keys, right = keys;
    for (double& k : left)
        k -= kDay * 0.8 / 3;
    for (double& k : right)
        k += kDay * 0.8 / 3;
    addBars(plot, QStringLiteral("created"), left, c.created, seriesColor(4));
    addBars(plot, QStringLiteral("first seen"), keys, c.firstSeen, seriesColor(2));
    addBars(plot, QStringLiteral("banned"), right, c.banned, seriesColor(5));
    QCPGraph* active = plot.addGraph(plot.xAxis, plot.yAxis2);
    active->setName(QStringLiteral("active (right axis)"));
    active->setLineStyle(QCPGraph::lsStepCenter);
    active->setPen(QPen(seriesColor(0), 1.2 * style.penScale));
    active->setData(keys, QVector<double>(c.active.begin(), c.active.end()), true);
    if (!c.empty()) {
        plot.xAxis->setRange(double(c.fromDay) * kDay, double(c.toDay + 1) * kDay);
        // The first day, when every initial account is first seen, would flatten the bans: the bar
        // scale follows the other days and the first day's count is written at the top.
        const auto top = [](const std::vector<std::uint32_t>& v) {
            return v.size() < 2 ? (v.empty() ? 0u : v[0]) : *std::max_element(v.begin() + 1, v.end());
        };
        const double upper = std::max(1.0, 1.15 * double(std::max({top(c.created), top(c.firstSeen), top(c.banned)})));
        plot.yAxis->setRange(0, upper);
        const double firstDay = double(std::max({c.created[0], c.firstSeen[0], c.banned[0]}));
        if (firstDay > upper) {
            auto* label = new QCPItemText(&plot);
            label->position->setCoords(keys[0], upper);
            label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
            label->setFont(style.tickFont);
            label->setColor(style.text);
            label->setText(style.compact ? QStringLiteral(" day 1: %1 seen (off scale)").arg(c.firstSeen[0])
                                         : QStringLiteral(" first day: %1 first seen, %2 created (off the scale)")
                                               .arg(c.firstSeen[0])
                                               .arg(c.created[0]));
        }
        plot.yAxis2->setRange(0, std::max(1.0, 1.15 * double(top(c.active))));
    }
    plot.legend->setVisible(true);
    plot.legend->setFont(style.tickFont);
    plot.legend->setTextColor(style.text);
    QColor behind = style.background;
    behind.setAlpha(230);
    plot.legend->setBrush(behind);
    plot.legend->setBorderPen(Qt::NoPen);
    placeLegend(plot, style.compact);
}

} // namespace hs
