// SPDX-License-Identifier: GPL-3.0-or-later
// Hidden characters in evidence text as visible markers (displaytext.h): which characters, what
// the markers say, where they are, and that the report's inline form cannot be forged by evidence.
#include "displaytext.h"

#include <QTest>

using namespace hs;

class TestDisplayText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void markers_data();
    void markers();
    void inlineRoundTrip();
    void evidenceCannotForgeMarkers();
    void descriptions();
    void shownEvidence_data();
    void shownEvidence();
    void hiddenCharacterList();
};

void TestDisplayText::markers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QList<uint>>("codePoints");
    // A marker: "⟨LABEL⟩" in a left-to-right isolate, so it reads the same inside right-to-left text.
    const QString l = QStringLiteral("\u2066\u27e8"), r = QStringLiteral("\u27e9\u2069");
    QTest::addRow("plain") << QStringLiteral("Lantern \u91cf\u5b50 \u05d0") << QStringLiteral("Lantern \u91cf\u5b50 \u05d0")
                           << QList<uint>{};
    QTest::addRow("RLO") << QStringLiteral("\u202eevil") << l + QStringLiteral("RLO") + r + QStringLiteral("evil")
                         << QList<uint>{0x202e};
    QTest::addRow("RLM and LRI") << QStringLiteral("a\u200fb\u2066c") << QStringLiteral("a%1RLM%2b%1LRI%2c").arg(l, r)
                                 << QList<uint>{0x200f, 0x2066};
    QTest::addRow("zero width") << QStringLiteral("pay\u200bpal\u00ad\ufeff") << QStringLiteral("pay%1ZWSP%2pal%1SHY%2%1BOM%2").arg(l, r)
                                << QList<uint>{0x200b, 0xad, 0xfeff};
    QTest::addRow("control") << QStringLiteral("bell\u0007\ttab") << QStringLiteral("bell%1U+0007%2%1TAB%2tab").arg(l, r)
                             << QList<uint>{0x7, 0x9};
    QTest::addRow("line break kept") << QStringLiteral("one\ntwo") << QStringLiteral("one\ntwo") << QList<uint>{};
    QTest::addRow("joiner between letters") << QStringLiteral("a\u200db") << QStringLiteral("a%1ZWJ%2b").arg(l, r)
                                            << QList<uint>{0x200d};
    // An emoji sequence: the joiner and the variation selector are part of the picture.
    QTest::addRow("emoji sequence") << QStringLiteral("\U0001F469\u200D\U0001F4BB \u2764\uFE0F")
                                    << QStringLiteral("\U0001F469\u200D\U0001F4BB \u2764\uFE0F") << QList<uint>{};
    QTest::addRow("tag character") << QStringLiteral("x\U000E0041") << QStringLiteral("x%1U+E0041%2").arg(l, r)
                                   << QList<uint>{0xE0041};
    QTest::addRow("lone surrogate") << QString(QChar(0xD800)) << QStringLiteral("%1U+D800%2").arg(l, r) << QList<uint>{0xD800};
}

void TestDisplayText::markers()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QFETCH(QList<uint>, codePoints);
    const MarkedText m = markInvisibles(text);
    QCOMPARE(m.text, shown);
    QList<uint> found;
    for (const InvisibleMarker& marker : m.markers) {
        found << uint(marker.codePoint);
        QCOMPARE(m.text.mid(marker.start, marker.length),
                 QStringLiteral("\u2066\u27e8%1\u27e9\u2069").arg(invisibleLabel(marker.codePoint)));
    }
    QCOMPARE(found, codePoints);
    QString outside = m.text; // nothing left that reorders or hides, but the markers' own isolates
    for (qsizetype k = m.markers.size() - 1; k >= 0; --k)
        outside.remove(m.markers.at(k).start, m.markers.at(k).length);
    for (const QChar c : outside)
        QVERIFY2(c.category() != QChar::Other_Format || c.unicode() == 0x200d, qPrintable(QString::number(c.unicode(), 16)));
}

void TestDisplayText::inlineRoundTrip()
{
    const QString text = QStringLiteral("\u05d0\u202e\u05d1 x\u200f");
    const MarkedText direct = markInvisibles(text);
    const MarkedText viaInline = takeInlineMarkers(inlineMarkers(text));
    QCOMPARE(viaInline.text, direct.text);
    QCOMPARE(viaInline.markers.size(), direct.markers.size());
    for (qsizetype i = 0; i < direct.markers.size(); ++i) {
        QCOMPARE(viaInline.markers.at(i).start, direct.markers.at(i).start);
        QCOMPARE(viaInline.markers.at(i).length, direct.markers.at(i).length);
    }
    QCOMPARE(plainMarkers(inlineMarkers(QStringLiteral("a\u202eb"))), QStringLiteral("a\u2066\u27e8RLO\u27e9\u2069b"));
}

// Evidence holding the delimiters themselves gets them marked: only Hydrascope makes markers.
void TestDisplayText::evidenceCannotForgeMarkers()
{
    const QString forged = QStringLiteral("\ue000RLO\ue001");
    const MarkedText m = takeInlineMarkers(inlineMarkers(forged));
    QCOMPARE(m.text, QStringLiteral("\u2066\u27e8U+E000\u27e9\u2069RLO\u2066\u27e8U+E001\u27e9\u2069"));
    QCOMPARE(m.markers.size(), 2);
}

void TestDisplayText::descriptions()
{
    QCOMPARE(invisibleDescription(0x202e), QStringLiteral("U+202E RIGHT-TO-LEFT OVERRIDE"));
    QCOMPARE(invisibleDescription(0x7), QStringLiteral("U+0007"));
    QCOMPARE(invisibleLabel(0x200f), QStringLiteral("RLM"));
}

void TestDisplayText::shownEvidence_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("maxChars");
    QTest::addColumn<QString>("shown");
    const QString fsi = QStringLiteral("\u2068"), pdi = QStringLiteral("\u2069");
    const QString rlo = QStringLiteral("\u2066\u27e8RLO\u27e9\u2069");
    QTest::addRow("whole") << QStringLiteral("\u202eevil") << 0 << fsi + rlo + QStringLiteral("evil") + pdi;
    QTest::addRow("short enough") << QStringLiteral("Quantum \u91cf\u5b50") << 10 << fsi + QStringLiteral("Quantum \u91cf\u5b50") + pdi;
    QTest::addRow("cut, marked after") << QStringLiteral("ab\u202ecdef") << 3 << fsi + QStringLiteral("ab") + rlo + QStringLiteral("\u2026") + pdi;
    // An emoji is two UTF-16 units and one character: never halved.
    QTest::addRow("emoji kept whole") << QStringLiteral("a\U0001F469b") << 2 << fsi + QStringLiteral("a\U0001F469\u2026") + pdi;
    QTest::addRow("emoji counted once") << QStringLiteral("a\U0001F469") << 2 << fsi + QStringLiteral("a\U0001F469") + pdi;
}

void TestDisplayText::shownEvidence()
{
    QFETCH(QString, text);
    QFETCH(int, maxChars);
    QFETCH(QString, shown);
    QCOMPARE(hs::shownEvidence(text, maxChars), shown);
}

void TestDisplayText::hiddenCharacterList()
{
    QCOMPARE(hiddenCharacters(QStringLiteral("plain \u05d0")), QString());
    QCOMPARE(hiddenCharacters(QStringLiteral("\u202ea\u200bb\u202e")),
             QStringLiteral("U+202E RIGHT-TO-LEFT OVERRIDE, U+200B ZERO WIDTH SPACE"));
    // Read back from what a label shows; the "HF" fillers share a label, so the first name stands.
    QCOMPARE(markerTooltip(QStringLiteral("Campaign ") + hs::shownEvidence(QStringLiteral("\u202ea\u0007b\u202e"))),
             QStringLiteral("Hidden characters shown as markers: U+202E RIGHT-TO-LEFT OVERRIDE, U+0007"));
    QCOMPARE(markerTooltip(QStringLiteral("plain \u27e8RLO\u27e9 typed by hand")), QString());
}

QTEST_APPLESS_MAIN(TestDisplayText)
#include "tst_displaytext.moc"
