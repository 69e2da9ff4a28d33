// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Timeline view: traffic per model (or campaign) over time with the baseline, release markers and
// measured pivots. Wheel zooms, drag pans, Shift+drag selects a time range for every view.

#include "analysis.h"
#include "casedata.h"
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
class QPushButton;

namespace hs {

class AnnotationOverlay;

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
    // Range and point annotations of the open case, drawn as bands and markers.
    void setAnnotations(std::vector<Annotation> annotations);
    void setAnnotatable(bool annotatable); // a case is open: "Annotate range..." may be offered
    void setPresentation(bool on);        // thick lines for a projector
    std::size_t annotationMarks() const { return m_marks; } // drawn at the current zoom

Q_SIGNALS:
    void annotateRequested();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void replotIfVisible();
    void rebuild();          // data changed: recompute series for the selection and bin
    void draw();             // series, markers and labels onto the plot
    void drawReleases();
    void drawSelectionBand();
    void drawAnnotations();
    void updateAnnotateButton();
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
    QPushButton* m_annotate = nullptr;
    bool m_annotatable = false;
    double m_lineScale = 1.0;
    QWidget* m_controls = nullptr;
    QLabel* m_hint = nullptr;
    std::vector<Annotation> m_annotations;
    AnnotationOverlay* m_overlay = nullptr; // owned by the plot
    std::size_t m_marks = 0;
    std::vector<QCPItemText*> m_labels; // release names, then pivot figures, placed after each layout
    double m_dragStart = 0;
    bool m_selecting = false;
};

} // namespace hs
