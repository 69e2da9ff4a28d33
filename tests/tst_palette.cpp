// SPDX-License-Identifier: GPL-3.0-or-later
// Both themes reach WCAG AA: 4.5:1 for text against its background, 3:1 for the organic
// baseline's line against the plot background.
#include "palette.h"
#include "theme.h"

#include <QApplication>
#include <QTest>

using namespace hs;

class TstPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contrastRatioKnownValues();
    void textContrast_data();
    void textContrast();
    void baselineContrast_data();
    void baselineContrast();
};

void TstPalette::contrastRatioKnownValues()
{
    QCOMPARE(contrastRatio(Qt::black, Qt::white), 21.0);
    QCOMPARE(contrastRatio(Qt::white, Qt::white), 1.0);
    // #767676 on white is the classic AA boundary: 4.54:1.
    QVERIFY(qAbs(contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
    QCOMPARE(contrastRatio(QColor(0x12, 0x34, 0x56), QColor(0xab, 0xcd, 0xef)),
             contrastRatio(QColor(0xab, 0xcd, 0xef), QColor(0x12, 0x34, 0x56)));
}

void TstPalette::textContrast_data()
{
    QTest::addColumn<QString>("theme");
    QTest::addColumn<int>("foreground");
    QTest::addColumn<int>("background");
    const std::pair<QPalette::ColorRole, QPalette::ColorRole> pairs[] = {
        {QPalette::Text, QPalette::Base},           {QPalette::Text, QPalette::AlternateBase},
        {QPalette::WindowText, QPalette::Window},   {QPalette::ButtonText, QPalette::Button},
        {QPalette::ToolTipText, QPalette::ToolTipBase}, {QPalette::HighlightedText, QPalette::Highlight},
        {QPalette::PlaceholderText, QPalette::Base}, {QPalette::Link, QPalette::Base}};
    for (const char* theme : {"light", "dark"})
        for (const auto& [fg, bg] : pairs)
            QTest::addRow("%s %d on %d", theme, int(fg), int(bg)) << QString::fromLatin1(theme) << int(fg) << int(bg);
}

void TstPalette::textContrast()
{
    QFETCH(QString, theme);
    QFETCH(int, foreground);
    QFETCH(int, background);
    const QPalette p = themePalette(theme);
    const QColor fg = p.color(QPalette::Active, QPalette::ColorRole(foreground));
    const QColor bg = p.color(QPalette::Active, QPalette::ColorRole(background));
    const double ratio = contrastRatio(fg, bg);
    QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1 on %2: %3:1").arg(fg.name(), bg.name()).arg(ratio, 0, 'f', 2)));
}

void TstPalette::baselineContrast_data()
{
    QTest::addColumn<QString>("theme");
    QTest::addRow("light") << QStringLiteral("light");
    QTest::addRow("dark") << QStringLiteral("dark");
}

void TstPalette::baselineContrast()
{
    QFETCH(QString, theme);
    const QPalette p = themePalette(theme);
    const QColor line = baselineColor(theme == QLatin1String("dark"));
    for (const QPalette::ColorRole role : {QPalette::Base, QPalette::Window}) {
        const double ratio = contrastRatio(line, p.color(role));
        QVERIFY2(ratio >= 3.0, qPrintable(QStringLiteral("%1 on %2: %3:1").arg(line.name(), p.color(role).name()).arg(ratio, 0, 'f', 2)));
    }
}

QTEST_MAIN(TstPalette)
#include "tst_palette.moc"
