// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportchurn.h"

#include "churnplot.h"
#include "qcustomplotshim.h"
#include "reportpages.h"

namespace hs {
namespace {

double pt(double points) { return ReportPages::pt(points); }

QFont churnFont(double size)
{
    // Pixel sizes, as the timeline's (reportcharts.cpp): QCustomPlot lays out with screen metrics.
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(int(pt(size)));
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

void drawChurn(QCPPainter* painter, const QRectF& rect, const ChurnSeries& churn)
{
    QCustomPlot plot;
    plot.setGeometry(0, 0, int(rect.width()), int(rect.height()));
    ChurnStyle style;
    style.labelFont = churnFont(7.5);
    style.tickFont = churnFont(6.5);
    style.penScale = pt(1);
    fillChurnPlot(plot, churn, style);
    plot.legend->setIconSize(int(pt(16)), int(pt(8)));
    painter->save();
    painter->translate(rect.topLeft());
    plot.toPainter(painter, int(rect.width()), int(rect.height()));
    painter->restore();
}

} // namespace

void churnSection(ReportPages& pages, const CampaignReport& c)
{
    if (!c.churn)
        return;
    pages.ensure(pt(250)); // the heading, the sentence and the chart on one page
    pages.heading(QStringLiteral("Bans and replacements"), 2);
    pages.paragraph(c.lifecycle, pages.bodyFont());
    drawChurn(pages.painter(), pages.block(pt(190)), *c.churn);
    if (c.churn->createdBefore > 0)
        pages.paragraph(QStringLiteral("%1 of the accounts were created before the campaign's first exchange (not drawn).")
                            .arg(reportNumber(c.churn->createdBefore)),
                        pages.smallFont(), QColor(0x55, 0x55, 0x55));
    if (!c.replacements.rows.empty()) {
        pages.heading(QStringLiteral("First replacements"), 2);
        pages.table(c.replacements, {2.2, 1.6, 2.2, 1.6, 1}, pages.smallFont());
    }
}

} // namespace hs
