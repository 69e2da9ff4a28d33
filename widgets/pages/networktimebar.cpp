// SPDX-License-Identifier: GPL-3.0-or-later
#include "networktimebar.h"

#include "palette.h"
#include "timeutil.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace hs {
namespace {
constexpr std::int64_t kDay = 86400;
constexpr double kMargin = 6;
} // namespace

NetworkTimeBar::NetworkTimeBar(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void NetworkTimeBar::setSeries(std::int64_t fromDay, std::vector<std::uint32_t> active)
{
    m_fromDay = fromDay;
    m_active = std::move(active);
    update();
}

void NetworkTimeBar::setWindow(std::int64_t from, std::int64_t to)
{
    m_from = from;
    m_to = to;
    update();
}

double NetworkTimeBar::xOf(std::int64_t t) const
{
    const double span = double(std::max<std::int64_t>(kDay, spanTo() - spanFrom()));
    return kMargin + (width() - 2 * kMargin) * double(t - spanFrom()) / span;
}

std::int64_t NetworkTimeBar::timeAt(double x) const
{
    const double span = double(std::max<std::int64_t>(kDay, spanTo() - spanFrom()));
    const double f = std::clamp((x - kMargin) / std::max(1.0, width() - 2 * kMargin), 0.0, 1.0);
    return spanFrom() + std::int64_t(f * span);
}

void NetworkTimeBar::moveTo(std::int64_t from, std::int64_t to, bool chosen)
{
    // Whole days, at least one, inside the span.
    const std::int64_t lo = spanFrom(), hi = std::max(spanTo(), lo + kDay);
    from = std::clamp(from - (from - lo) % kDay, lo, hi - kDay);
    to = std::clamp(to + (kDay - (to - lo) % kDay) % kDay, from + kDay, hi);
    const bool changed = from != m_from || to != m_to;
    m_from = from;
    m_to = to;
    update();
    if (changed)
        Q_EMIT windowMoved(m_from, m_to);
    if (chosen)
        Q_EMIT windowChosen(m_from, m_to);
}

bool NetworkTimeBar::stepDays(int days)
{
    const std::int64_t length = m_to - m_from;
    const std::int64_t from = std::clamp(m_from + days * kDay, spanFrom(), std::max(spanFrom(), spanTo() - length));
    if (from == m_from)
        return false;
    moveTo(from, from + length, true);
    return true;
}

void NetworkTimeBar::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    p.setRenderHint(QPainter::Antialiasing);
    const double text = fontMetrics().height(); // the line under the bar, in whatever font (a slide's is larger)
    const double top = 4, bottom = height() - text - 1;
    const std::uint32_t peak = m_active.empty() ? 1 : std::max(1u, *std::max_element(m_active.begin(), m_active.end()));
    QPolygonF line;
    for (std::size_t i = 0; i < m_active.size(); ++i) {
        const double x = xOf((m_fromDay + std::int64_t(i)) * kDay + kDay / 2);
        line << QPointF(x, bottom - (bottom - top) * m_active[i] / peak);
    }
    p.setPen(QPen(seriesColor(0), 1.5));
    p.drawPolyline(line);
    QColor brush = pal.color(QPalette::Highlight);
    brush.setAlpha(hasFocus() ? 90 : 60);
    const QRectF window(QPointF(xOf(m_from), 1), QPointF(xOf(m_to), bottom + 2));
    p.fillRect(window, brush);
    p.setPen(QPen(pal.color(QPalette::Highlight), hasFocus() ? 2 : 1));
    p.drawRect(window);
    p.setPen(pal.color(QPalette::Text));
    const QString from = shortUtc(m_from), to = shortUtc(m_to - 1);
    p.drawText(QRectF(kMargin, bottom + 1, width() - 2 * kMargin, text), Qt::AlignLeft | Qt::AlignVCenter,
               tr("%1 – %2 · peak %3 active accounts a day").arg(from, to, QLocale().toString(qulonglong(peak))));
}

void NetworkTimeBar::mousePressEvent(QMouseEvent* event)
{
    const double x = event->position().x();
    if (std::abs(x - xOf(m_from)) < 6)
        m_drag = Drag::Left;
    else if (std::abs(x - xOf(m_to)) < 6)
        m_drag = Drag::Right;
    else if (x > xOf(m_from) && x < xOf(m_to))
        m_drag = Drag::Body;
    else {
        // A click outside the window centres it there.
        const std::int64_t length = m_to - m_from, t = timeAt(x);
        moveTo(t - length / 2, t - length / 2 + length, false);
        m_drag = Drag::Body;
    }
    m_grab = timeAt(x) - m_from;
}

void NetworkTimeBar::mouseMoveEvent(QMouseEvent* event)
{
    const std::int64_t t = timeAt(event->position().x());
    switch (m_drag) {
    case Drag::Left: moveTo(std::min(t, m_to - kDay), m_to, false); break;
    case Drag::Right: moveTo(m_from, std::max(t, m_from + kDay), false); break;
    case Drag::Body: {
        const std::int64_t length = m_to - m_from;
        const std::int64_t from = std::clamp(t - m_grab, spanFrom(), std::max(spanFrom(), spanTo() - length));
        moveTo(from, from + length, false);
        break;
    }
    case Drag::None: break;
    }
}

void NetworkTimeBar::mouseReleaseEvent(QMouseEvent*)
{
    if (m_drag != Drag::None)
        Q_EMIT windowChosen(m_from, m_to);
    m_drag = Drag::None;
}

void NetworkTimeBar::keyPressEvent(QKeyEvent* event)
{
    const bool wider = event->modifiers() & Qt::ShiftModifier;
    switch (event->key()) {
    case Qt::Key_Left:
        if (wider)
            moveTo(m_from - kDay, m_to, true);
        else
            stepDays(-1);
        break;
    case Qt::Key_Right:
        if (wider)
            moveTo(m_from, m_to + kDay, true);
        else
            stepDays(1);
        break;
    case Qt::Key_Home: moveTo(spanFrom(), spanFrom() + (m_to - m_from), true); break;
    case Qt::Key_End: moveTo(spanTo() - (m_to - m_from), spanTo(), true); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

} // namespace hs
