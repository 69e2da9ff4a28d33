// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinemarkers.h"

#include "displaytext.h"
#include "qcustomplotshim.h"
#include "textformat.h"
#include "timeutil.h"

#include <QFontMetrics>

#include <map>

namespace hs {
namespace {
constexpr double kDaySeconds = 86400;
constexpr double kWholeShare = 0.9; // a bin the evidence covers less than this much of is "partial"
} // namespace

void TimelineMarkers::draw(const Investigation& inv, const Analysis& analysis, const Selection& selection,
                           double lineScale, const QColor& textColor)
{
    m_labels.clear();
    // Measured pivots of the selected campaigns, per model, become labels under the marker.
    std::map<std::uint32_t, QStringList> pivotLabels;
    for (const GroupFigures& g : analysis.campaigns) {
        if (!selection.hasGroup(g.group))
            continue;
        for (const PivotFigure& p : g.pivots) {
            if (!p.pivot)
                continue;
            QString label = tr("%1: %2 to %3 within 24 h; threshold reached after %4 h")
                                .arg(shownEvidence(inv.campaigns[g.group].name, 40), percent(p.share24h),
                                     shownEvidence(inv.models[p.model].name, 40))
                                .arg(*p.hoursToThreshold);
            if (p.baselineShare24h)
                label += tr("; baseline %1").arg(percent(*p.baselineShare24h));
            pivotLabels[p.model] << label;
        }
    }
    std::vector<QCPItemText*> pivotTexts;
    for (std::size_t m = 0; m < inv.models.size(); ++m) {
        const double t = double(inv.models[m].releasedAt);
        auto* line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(t, 0);
        line->point2->setCoords(t, 1);
        line->setPen(QPen(QColor(0x60, 0x60, 0x60), 1.2 * lineScale, Qt::DotLine));
        auto* label = new QCPItemText(m_plot);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(t, 0);
        label->setPadding(QMargins(4, 2, 4, 2));
        label->setText(tr("%1 released").arg(shownEvidence(inv.models[m].name, 60))); // plain text, never markup
        label->setColor(textColor); // follows the theme
        m_labels.push_back(label);
        const auto pivots = pivotLabels.find(static_cast<std::uint32_t>(m));
        if (pivots == pivotLabels.end())
            continue;
        auto* window = new QCPItemRect(m_plot);
        window->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        window->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        window->topLeft->setCoords(t, 0);
        window->bottomRight->setCoords(t + kDaySeconds, 1);
        window->setPen(Qt::NoPen);
        window->setBrush(QColor(0xD5, 0x5E, 0x00, 40));
        auto* text = new QCPItemText(m_plot);
        text->position->setTypeX(QCPItemPosition::ptPlotCoords);
        text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(t, 0);
        pivotTexts.push_back(text);
        text->setPadding(QMargins(4, 2, 4, 2));
        text->setBrush(QColor(255, 255, 255, 220));
        text->setPen(QPen(QColor(0xD5, 0x5E, 0x00)));
        text->setColor(QColor(0x80, 0x30, 0x00));
        text->setText(pivots->second.join(QLatin1Char('\n')));
    }
    m_labels.insert(m_labels.end(), pivotTexts.begin(), pivotTexts.end()); // below the release names
    for (QCPItemText* label : m_labels)
        label->setProperty("time", label->position->key());
}

void TimelineMarkers::markPartialBins(const Investigation& inv, const TimelineData& data, const QColor& textColor)
{
    m_partial.clear();
    const auto& hours = inv.aggregates.hours;
    if (hours.empty() || data.empty() || data.bin == Bin::Hour)
        return; // the evidence is binned by the hour: an hour bin is never partial
    const std::int64_t begin = hours.front().hour * 3600, end = (hours.back().hour + 1) * 3600;
    const auto mark = [&](std::size_t bin) {
        const std::int64_t from = std::max(begin, data.start(bin)), to = std::min(end, data.start(bin + 1));
        // A week that starts at 02:00 on its Monday is not worth a warning; one that the evidence
        // covers for four days of seven is (its bar is short for that alone).
        if (double(to - from) >= kWholeShare * double(binSeconds(data.bin)))
            return;
        if (!m_partial.empty() && m_partial.back().first == bin)
            return; // one bin, both partial: marked once
        m_partial.emplace_back(bin, tr("Partial %1: the evidence covers %2 to %3 of it")
                                        .arg(binName(data.bin), shortUtc(from), shortUtc(to)));
        auto* hatch = new QCPItemRect(m_plot);
        hatch->setObjectName(QStringLiteral("partialBin"));
        hatch->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        hatch->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        hatch->topLeft->setCoords(double(data.start(bin)), 0);
        hatch->bottomRight->setCoords(double(data.start(bin + 1)), 1);
        hatch->setPen(Qt::NoPen);
        QColor ink = textColor;
        ink.setAlpha(110);
        hatch->setBrush(QBrush(ink, Qt::BDiagPattern));
        auto* text = new QCPItemText(m_plot);
        text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(double(data.start(bin)) + double(binSeconds(data.bin)) / 2, 0.7); // below the legend
        text->setRotation(-90); // fits a bin a few pixels wide
        text->setColor(textColor);
        text->setText(tr("partial %1").arg(binName(data.bin)));
    };
    mark(0);
    mark(data.bins - 1);
}

QString TimelineMarkers::partialNote(std::size_t bin) const
{
    for (const auto& [b, note] : m_partial)
        if (b == bin)
            return note;
    return {};
}

void TimelineMarkers::place()
{
    const QRect area = m_plot->axisRect()->rect();
    std::vector<QRectF> placed;
    for (QCPItemText* label : m_labels) {
        const QRect text = QFontMetrics(label->font()).boundingRect(QRect(0, 0, 4000, 4000), Qt::AlignLeft | Qt::AlignTop, label->text());
        const QSizeF size(text.width() + 8, text.height() + 4);
        const double time = label->property("time").toDouble(); // where it belongs; the key may have moved
        const double x = m_plot->xAxis->coordToPixel(time);
        // A release outside the visible span has no line to stand beside: its label would be
        // cut at the edge, so it is not drawn.
        label->setVisible(x >= area.left() && x <= area.right());
        if (!label->visible())
            continue;
        const bool left = x + size.width() > area.right() && x - size.width() >= area.left();
        QRectF box(QPointF(left ? x - size.width() : x, area.top() + 2), size);
        double key = time;
        if (!left && box.right() > area.right()) { // fits on neither side: along the plot's right edge
            box.moveLeft(std::max(double(area.left()), area.right() - size.width()));
            key = m_plot->xAxis->pixelToCoord(box.left());
        }
        for (bool moved = true; moved;) {
            moved = false;
            for (const QRectF& other : placed)
                if (box.intersects(other)) {
                    box.moveTop(other.bottom() + 2);
                    moved = true;
                }
        }
        placed.push_back(box);
        label->setPositionAlignment((left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
        label->position->setCoords(key, (box.top() - area.top()) / std::max(1, area.height()));
    }
}

} // namespace hs
