// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Timeline view: traffic per model (or campaign) over time with the baseline, release markers and
// measured pivots. Wheel zooms, drag pans, Shift+drag selects a time range for every view.

#include "analysis.h"
#include "selection.h"
#include "timeline.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QCPBars;
class QCPGraph;
class QCustomPlot;
class QCPItemRect;
class QCPItemText;
class QLabel;
class QMouseEvent;

namespace hs {

class TimelinePage final : public QWidget
{
    Q_OBJECT
public:
    TimelinePage(SelectionState* selection, QWidget* parent = nullptr);

    void setResults(std::shared_ptr<const Investigation> inv, std::shared_ptr<const Analysis> analysis);
    QCustomPlot* plot() const { return m_plot; }
    Bin currentBin() const { return m_bin; }
    void zoomTo(std::int64_t from, std::int64_t to);
    void resetZoom();
    bool saveImage(const QString& path);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void replotIfVisible();
    void rebuild();          // data changed: recompute series for the selection and bin
    void draw();             // series, markers and labels onto the plot
    void drawReleases();
    void drawSelectionBand();
    void placeLabels();
    void onRangeChanged();
    void onMousePress(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);
    void onMouseRelease(QMouseEvent* event);
    void showTooltip(QMouseEvent* event);
    void exportImage();

    SelectionState* m_selection;
    std::shared_ptr<const Investigation> m_inv;
    std::shared_ptr<const Analysis> m_analysis;
    TimelineData m_data;
    Bin m_bin = Bin::Day;
    QCustomPlot* m_plot = nullptr;
    QComboBox* m_split = nullptr;
    QCheckBox* m_stacked = nullptr;
    QCheckBox* m_log = nullptr;
    QLabel* m_binLabel = nullptr;
    QCPItemRect* m_band = nullptr;
    std::vector<QCPItemText*> m_labels; // release names, then pivot figures, placed after each layout
    double m_dragStart = 0;
    bool m_selecting = false;
};

} // namespace hs
