// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Evidence text on screen and on paper. Attackers write it, and may hide characters in it that
// draw nothing (zero-width spaces, soft hyphens, control characters) or that reorder what follows
// them (the bidi controls: a sample starting with U+202E reads backwards). Every such character
// is shown as a visible marker, "⟨RLO⟩", in a style of its own, and stops acting: the text
// around it shows in its logical order. Hydrascope's own sentences that quote evidence isolate
// it (isolated()), so whatever the quoted text does ends at its own end.

#include <QList>
#include <QString>

namespace hs {

// A first-strong isolate around evidence quoted in our sentences, closed by a pop-directional-isolate.
inline QString isolated(const QString& evidenceText)
{
    return QChar(0x2068) + evidenceText + QChar(0x2069);
}

// Whether the character at `i` draws nothing or reorders text (control and format characters,
// fillers, line and paragraph separators); a zero-width joiner between two pictographs (an
// emoji sequence) is not. '\n' is a line break, not hidden.
bool isInvisibleAt(const QString& text, qsizetype i);
// "RLO", "ZWSP", ... or "U+0007" where there is no short name; and the full "U+202E RIGHT-TO-LEFT OVERRIDE".
QString invisibleLabel(char32_t codePoint);
QString invisibleDescription(char32_t codePoint);

struct InvisibleMarker
{
    qsizetype start = 0;  // in MarkedText::text
    qsizetype length = 0; // the marker: "⟨RLO⟩" in a left-to-right isolate (U+2066 ... U+2069)
    char32_t codePoint = 0;
};

struct MarkedText
{
    QString text; // every invisible character replaced by its marker
    QList<InvisibleMarker> markers;
};

MarkedText markInvisibles(const QString& text);

// The same markers carried inside a plain QString, for content built far from where it is
// drawn (the report): each marker between U+E000 and U+E001. Evidence's own U+E000 and U+E001
// are marked like any hidden character, so only these functions ever write the delimiters.
QString inlineMarkers(const QString& text);
// Removes the delimiters: the text to draw and where its markers are (codePoint left 0).
MarkedText takeInlineMarkers(const QString& text);
// The text to draw where there is no style to give the markers (a PDF title, a chart label),
// without an isolate around the whole (none is needed where nothing else is drawn).
QString plainMarkers(const QString& text);

// Evidence in one line of Hydrascope's own text (a label, a card, a window or chart title, a
// legend, a list entry): at most maxChars characters (0: all) counted before marking, never
// cutting a character in two, "…" where cut; every hidden character as its marker; the whole
// isolated. The single way evidence reaches a plain-text surface of the dashboard.
QString shownEvidence(const QString& text, qsizetype maxChars = 0);
// "U+202E RIGHT-TO-LEFT OVERRIDE, U+200B ZERO WIDTH SPACE": the hidden characters of `text`,
// each once, in order; empty when there are none. For the tooltip of a surface that shows markers.
QString hiddenCharacters(const QString& text);
// The same list read back from text already shown with markers (a card, a label), for its tooltip:
// "Hidden characters shown as markers: U+202E RIGHT-TO-LEFT OVERRIDE"; empty when it shows none.
QString markerTooltip(const QString& shownText);

} // namespace hs
