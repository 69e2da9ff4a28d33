// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinerangeselect.h"

#include "qcustomplotshim.h"

#include <QMouseEvent>

#include <cmath>

namespace hs {
namespace {
constexpr double kHourSeconds = 3600;
} // namespace

void TimelineRangeSelect::makeBand()
{
    m_band = new QCPItemRect(m_plot);
    m_band->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_band->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_band->setPen(QPen(QColor(0x00, 0x72, 0xB2)));
    m_band->setBrush(QColor(0x00, 0x72, 0xB2, 35));
}

void TimelineRangeSelect::drawBand()
{
    const auto& range = m_selection->current().range;
    if (!range)
        return;
    makeBand();
    m_band->topLeft->setCoords(double(range->from), 0);
    m_band->bottomRight->setCoords(double(range->to), 1);
}

void TimelineRangeSelect::press(QMouseEvent* event)
{
    if (!(event->modifiers() & Qt::ShiftModifier) || event->button() != Qt::LeftButton)
        return;
    m_selecting = true;
    m_plot->setInteraction(QCP::iRangeDrag, false);
    m_dragStart = m_plot->xAxis->pixelToCoord(event->position().x());
    if (!m_band)
        makeBand();
    m_band->topLeft->setCoords(m_dragStart, 0);
    m_band->bottomRight->setCoords(m_dragStart, 1);
}

bool TimelineRangeSelect::move(QMouseEvent* event)
{
    if (!m_selecting)
        return false;
    const double x = m_plot->xAxis->pixelToCoord(event->position().x());
    m_band->topLeft->setCoords(std::min(m_dragStart, x), 0);
    m_band->bottomRight->setCoords(std::max(m_dragStart, x), 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    return true;
}

void TimelineRangeSelect::release(QMouseEvent* event)
{
    if (!m_selecting)
        return;
    m_selecting = false;
    m_plot->setInteraction(QCP::iRangeDrag, true);
    const double x = m_plot->xAxis->pixelToCoord(event->position().x());
    const auto from = static_cast<std::int64_t>(std::floor(std::min(m_dragStart, x) / kHourSeconds)) * 3600;
    const auto to = static_cast<std::int64_t>(std::ceil(std::max(m_dragStart, x) / kHourSeconds)) * 3600;
    if (to - from >= 3600)
        m_selection->setRange(TimeRange{from, to});
    else
        m_selection->setRange(std::nullopt);
}

} // namespace hs
