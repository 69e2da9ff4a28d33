// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The time bar under the network: a sparkline of active accounts per day and a brush for the
// window (drag it, drag its edges, or move it with the arrow keys a day at a time; Shift widens).

#include <QWidget>

#include <cstdint>
#include <vector>

namespace hs {

class NetworkTimeBar final : public QWidget
{
    Q_OBJECT
public:
    explicit NetworkTimeBar(QWidget* parent = nullptr);

    // Active accounts per UTC day from `fromDay` on.
    void setSeries(std::int64_t fromDay, std::vector<std::uint32_t> active);
    void setWindow(std::int64_t from, std::int64_t to); // [from, to) Unix seconds; no signal
    std::int64_t windowFrom() const { return m_from; }
    std::int64_t windowTo() const { return m_to; }
    std::int64_t spanFrom() const { return m_fromDay * 86400; }
    std::int64_t spanTo() const { return (m_fromDay + std::int64_t(m_active.size())) * 86400; }
    // Moves the window by whole days, kept inside the span; false at its end.
    bool stepDays(int days);
    QSize sizeHint() const override { return {400, 40 + fontMetrics().height()}; }
    QSize minimumSizeHint() const override { return {100, 28 + fontMetrics().height()}; }

Q_SIGNALS:
    void windowMoved(std::int64_t from, std::int64_t to);    // while dragging, each step
    void windowChosen(std::int64_t from, std::int64_t to);   // released, or a key

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    double xOf(std::int64_t t) const;
    std::int64_t timeAt(double x) const;
    void moveTo(std::int64_t from, std::int64_t to, bool chosen);

    std::int64_t m_fromDay = 0;
    std::vector<std::uint32_t> m_active;
    std::int64_t m_from = 0, m_to = 0;
    enum class Drag { None, Body, Left, Right } m_drag = Drag::None;
    std::int64_t m_grab = 0;
};

} // namespace hs
