// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Two (or more) campaigns compared as charts, beside the Overview's details table: each one's
// capability mix as paired horizontal bars (Qt Charts: categories) and each one's exchanges over
// time overlaid in one QCustomPlot (a dense time series), both within the selection. The values
// are compareCampaigns()' (campaigndetails.h), the same the details table shows.

#include "campaigndetails.h"

#include <QWidget>

class QChart;
class QChartView;
class QCustomPlot;
class QLabel;

namespace hs {

class CampaignCompareView final : public QWidget
{
    Q_OBJECT
public:
    explicit CampaignCompareView(QWidget* parent = nullptr);
    void compare(const Investigation& inv, const Analysis& analysis, const Selection& selection,
                 const std::vector<std::uint32_t>& groups);
    void clear();
    const CampaignComparison& comparison() const { return m_comparison; }
    QChart* mixChart() const;
    QCustomPlot* timePlot() const { return m_plot; }
    bool saveImage(const QString& path); // PNG or SVG by suffix: both charts and their title
    void setPresenting(bool on);

private:
    void showMix(const Investigation& inv);
    void showTimeline(const Investigation& inv);
    void exportImage();

    CampaignComparison m_comparison;
    QStringList m_names; // the groups' names as shown
    QLabel* m_title;
    QWidget* m_charts;
    QChartView* m_mixView;
    QCustomPlot* m_plot;
    QWidget* m_save;
};

} // namespace hs
