// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Range and point annotations on the timeline as one QCustomPlot item that paints every mark
// itself: hundreds of QCPItemRect/QCPItemText objects cost more to create, lay out and remove
// than the whole replot is allowed to take. Geometry comes from layoutAnnotations().

#include "annotationlayout.h"
#include "qcustomplotshim.h"

#include <optional>
#include <vector>

namespace hs {

class AnnotationOverlay final : public QCPAbstractItem
{
public:
    explicit AnnotationOverlay(QCustomPlot* plot);
    void setMarks(std::vector<AnnotationMark> marks) { m_marks = std::move(marks); }
    const std::vector<AnnotationMark>& marks() const { return m_marks; }
    void setFont(const QFont& font) { m_font = font; } // labels; default: the painter's

    double selectTest(const QPointF& pos, bool onlySelectable, QVariant* details = nullptr) const final;

protected:
    void draw(QCPPainter* painter) final;
    void drawBands(QCPPainter* painter, const QRect& area);

private:
    std::vector<AnnotationMark> m_marks;
    std::optional<QFont> m_font;
};

QColor annotationColor(AnnotationSeverity severity);

} // namespace hs
