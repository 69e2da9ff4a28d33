// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Timeline view: traffic per model (or campaign) over time with the baseline, release markers and
// measured pivots. Wheel zooms, drag pans, Shift+drag selects a time range for every view.

#include "analysis.h"
#include "casedata.h"
#include "selection.h"
#include "timeline.h"
#include "viewstate.h"

#include <QWidget>

#include <memory>
#include <optional>

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
class TimelineMarkers;
class TimelineRangeSelect;

class TimelinePage final : public QWidget, public ViewStatePart
{
    Q_OBJECT
public:
    TimelinePage(SelectionState* selection, QWidget* parent = nullptr);
    ~TimelinePage() override;

    void setResults(std::shared_ptr<const Investigation> inv, std::shared_ptr<const Analysis> analysis);
    QCustomPlot* plot() const { return m_plot; }
    Bin currentBin() const { return m_bin; }
    void zoomTo(std::int64_t from, std::int64_t to);
    void resetZoom();
    bool saveImage(const QString& path);
    // Range and point annotations of the open case, drawn as bands and markers.
    void setAnnotations(std::vector<Annotation> annotations);
    // A case is open: "Annotate range..." is offered; `why` not empty: shown greyed out, saying
    // why this user cannot annotate now (a reader's role, the server away).
    void setAnnotatable(bool annotatable, const QString& why = {});
    std::size_t annotationMarks() const { return m_marks; } // drawn at the current zoom
    std::size_t partialBins() const; // first or last bins the evidence covers only in part, marked

    PageState viewState() const final; // the zoom, the split, stacked and log scale
    void restoreViewState(const PageState& state) final;
    void setPresenting(bool on) final;

Q_SIGNALS:
    void annotateRequested();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void replotIfVisible();
    void rebuild();          // data changed: recompute series for the selection and bin
    void draw();             // series, markers and labels onto the plot
    void drawAnnotations();
    void updateAnnotateButton();
    void onRangeChanged();
    void showTooltip(QMouseEvent* event);
    void exportImage();

    SelectionState* m_selection;
    std::shared_ptr<const Investigation> m_inv;
    std::shared_ptr<const Analysis> m_analysis;
    TimelineData m_data;
    Bin m_bin = Bin::Day;
    std::optional<Bin> m_homeBin; // the bin the investigation opened with: Reset zoom returns to it
    bool m_resetting = false;
    QCustomPlot* m_plot = nullptr;
    QComboBox* m_split = nullptr;
    QCheckBox* m_stacked = nullptr;
    QCheckBox* m_log = nullptr;
    QLabel* m_binLabel = nullptr;
    QPushButton* m_annotate = nullptr;
    bool m_annotatable = false;
    QString m_notAnnotatable;
    double m_lineScale = 1.0;
    QWidget* m_controls = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_releaseNote = nullptr; // release times that are only first appearances (releasesource.h)
    std::vector<Annotation> m_annotations;
    AnnotationOverlay* m_overlay = nullptr; // owned by the plot
    std::size_t m_marks = 0;
    std::unique_ptr<TimelineMarkers> m_markers;        // releases and pivots
    std::unique_ptr<TimelineRangeSelect> m_rangeSelect; // Shift+drag
    QList<QFont> m_ownFonts;                            // the plot's fonts before presenting
};

} // namespace hs
