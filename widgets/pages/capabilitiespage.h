// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Capabilities view: each selected campaign's capability mix beside the organic baseline's
// (percent-stacked bars, Qt Charts), and one campaign's mix over time (by default the selected
// campaign with the most exchanges), both within the selection's range and model. Clicking a capability
// filters every view by it; clicking it again clears the filter.

#include "analysis.h"
#include "selection.h"
#include "timeline.h"
#include "viewstate.h"

#include <QWidget>

#include <memory>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QPercentBarSeries;

namespace hs {

class CapabilitiesPage final : public QWidget, public ViewStatePart
{
    Q_OBJECT
public:
    CapabilitiesPage(SelectionState* selection, QWidget* parent = nullptr);
    void setResults(std::shared_ptr<const Investigation> inv, std::shared_ptr<const Analysis> analysis);
    QChart* mixChart() const;
    QChart* overTimeChart() const;
    bool saveImage(const QString& path, bool overTime);
    // The tooltip of one segment: the bar's campaign (or week), the capability, its exact share
    // and count. Shown on hover; public for the tests.
    QString segmentToolTip(bool overTime, int capability, int index) const;

    PageState viewState() const final;
    void restoreViewState(const PageState& state) final;
    void setPresenting(bool on) final; // chart text in the application's (presentation) font

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void createSets();
    void rebuild();
    void rebuildMix(const std::vector<GroupCapabilityMix>& mix);
    void chooseOverTimeGroup(const std::vector<GroupCapabilityMix>& mix);
    void rebuildOverTime();
    void onCapabilityClicked(int capability);
    void highlightCapability();
    void fitLabels();
    void exportImage();

    SelectionState* m_selection;
    std::shared_ptr<const Investigation> m_inv;
    std::shared_ptr<const Analysis> m_analysis;
    QChartView* m_mixView = nullptr;
    QChartView* m_timeView = nullptr;
    QPercentBarSeries* m_mixSeries = nullptr;
    QPercentBarSeries* m_timeSeries = nullptr;
    QComboBox* m_campaign = nullptr;
    QLabel* m_filterLabel = nullptr;
    bool m_campaignChosen = false; // the reviewer picked the "over time" campaign
    QWidget* m_controls = nullptr; // the hint, "Over time:" and "Save image...": hidden on a slide
    QStringList m_mixNames;        // the mix chart's bars, plain text, for the tooltips
    std::vector<QFont> m_ownFonts; // the charts' fonts before presenting
    QFont m_legendFont;            // the legend's own, a size smaller than the application's
};

} // namespace hs
