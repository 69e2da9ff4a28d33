// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include "qcustomplotshim.h"
#include "sortarrowstyle.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QFont>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

namespace hs {
namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8c, 0x8c));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Link, QColor(0x56, 0xB4, 0xE9));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x7f, 0x7f, 0x7f));
    return p;
}

} // namespace

QPalette themePalette(const QString& name)
{
    if (name == QLatin1String("dark"))
        return darkPalette();
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p = fusion->standardPalette();
    // Fusion's selection blue gives white text 3.7:1; this one gives 5.5:1 (WCAG AA).
    p.setColor(QPalette::Active, QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    return p;
}

QStringList scriptFallbackFamilies()
{
    return {QStringLiteral("Noto Sans"),        QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans Arabic"),
            QStringLiteral("Noto Sans Hebrew"), QStringLiteral("Noto Color Emoji"), QStringLiteral("Noto Sans Symbols"),
            QStringLiteral("Noto Sans Symbols2")};
}

void applyTheme(const QString& name)
{
    QApplication::setStyle(new SortArrowStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
    // The desktop's font first, then Noto for the scripts evidence is written in: a glyph the
    // desktop font lacks comes from the first family that has it, never a box.
    QFont font = QApplication::font();
    if (font.families().size() <= 1) {
        font.setFamilies(QStringList{font.family()} + scriptFallbackFamilies());
        QApplication::setFont(font);
    }
    const bool dark = name == QLatin1String("dark");
    QApplication::setPalette(themePalette(name));
    qApp->setProperty("hydrascopeDark", dark);
}

bool isDarkTheme() { return qApp->property("hydrascopeDark").toBool(); }

namespace {

// Text in the palette's colour, grid lines in a faint version of it.
std::pair<QColor, QColor> textAndGrid(const QPalette& p)
{
    const QColor fg = p.color(QPalette::Text);
    QColor grid = fg;
    grid.setAlpha(45);
    return {fg, grid};
}

} // namespace

void stylePlot(QCustomPlot* plot)
{
    const QPalette p = QApplication::palette();
    const auto [fg, grid] = textAndGrid(p);
    plot->setBackground(p.brush(QPalette::Base));
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) {
        axis->setBasePen(QPen(fg));
        axis->setTickPen(QPen(fg));
        axis->setSubTickPen(QPen(fg));
        axis->setTickLabelColor(fg);
        axis->setLabelColor(fg);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    }
    plot->legend->setBrush(p.brush(QPalette::Base));
    plot->legend->setBorderPen(QPen(fg));
    plot->legend->setTextColor(fg);
}

void styleChart(QChart* chart)
{
    const QPalette p = QApplication::palette();
    const auto [fg, grid] = textAndGrid(p);
    chart->setBackgroundBrush(p.brush(QPalette::Base));
    chart->setTitleBrush(fg);
    chart->legend()->setLabelColor(fg);
    const auto axes = chart->axes();
    for (QAbstractAxis* axis : axes) {
        axis->setLabelsColor(fg);
        axis->setLinePenColor(fg);
        axis->setTitleBrush(fg);
        axis->setGridLineColor(grid);
    }
}

void styleAll(QWidget* root)
{
    for (QCustomPlot* plot : root->findChildren<QCustomPlot*>()) {
        stylePlot(plot);
        if (plot->isVisible() && !plot->size().isEmpty()) // a hidden plot replots when shown
            plot->replot();
    }
    for (QChartView* view : root->findChildren<QChartView*>())
        styleChart(view->chart());
}

} // namespace hs
