// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaytext.h"

namespace hs {
namespace {

constexpr char16_t kOpen = 0xE000, kClose = 0xE001;

struct Name
{
    char32_t codePoint;
    const char* label;
    const char* name;
};

// Short labels as Unicode's own abbreviations (UAX #9 for the bidi controls).
constexpr Name kNames[] = {
    {0x0009, "TAB", "CHARACTER TABULATION"},
    {0x00AD, "SHY", "SOFT HYPHEN"},
    {0x034F, "CGJ", "COMBINING GRAPHEME JOINER"},
    {0x061C, "ALM", "ARABIC LETTER MARK"},
    {0x115F, "HF", "HANGUL CHOSEONG FILLER"},
    {0x1160, "HF", "HANGUL JUNGSEONG FILLER"},
    {0x180E, "MVS", "MONGOLIAN VOWEL SEPARATOR"},
    {0x200B, "ZWSP", "ZERO WIDTH SPACE"},
    {0x200C, "ZWNJ", "ZERO WIDTH NON-JOINER"},
    {0x200D, "ZWJ", "ZERO WIDTH JOINER"},
    {0x200E, "LRM", "LEFT-TO-RIGHT MARK"},
    {0x200F, "RLM", "RIGHT-TO-LEFT MARK"},
    {0x2028, "LSEP", "LINE SEPARATOR"},
    {0x2029, "PSEP", "PARAGRAPH SEPARATOR"},
    {0x202A, "LRE", "LEFT-TO-RIGHT EMBEDDING"},
    {0x202B, "RLE", "RIGHT-TO-LEFT EMBEDDING"},
    {0x202C, "PDF", "POP DIRECTIONAL FORMATTING"},
    {0x202D, "LRO", "LEFT-TO-RIGHT OVERRIDE"},
    {0x202E, "RLO", "RIGHT-TO-LEFT OVERRIDE"},
    {0x2060, "WJ", "WORD JOINER"},
    {0x2066, "LRI", "LEFT-TO-RIGHT ISOLATE"},
    {0x2067, "RLI", "RIGHT-TO-LEFT ISOLATE"},
    {0x2068, "FSI", "FIRST STRONG ISOLATE"},
    {0x2069, "PDI", "POP DIRECTIONAL ISOLATE"},
    {0x3164, "HF", "HANGUL FILLER"},
    {0xFEFF, "BOM", "ZERO WIDTH NO-BREAK SPACE"},
    {0xFFA0, "HF", "HALFWIDTH HANGUL FILLER"},
};

const Name* find(char32_t u)
{
    for (const Name& n : kNames)
        if (n.codePoint == u)
            return &n;
    return nullptr;
}

char32_t codePointAt(const QString& s, qsizetype i)
{
    const QChar c = s.at(i);
    if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
        return QChar::surrogateToUcs4(c, s.at(i + 1));
    return c.unicode();
}

qsizetype unitsAt(const QString& s, qsizetype i)
{
    return s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate() ? 2 : 1;
}

bool pictograph(char32_t u)
{
    return QChar::category(u) == QChar::Symbol_Other || (u >= 0x1F000 && u <= 0x1FAFF);
}

QString hex(char32_t u) { return QStringLiteral("U+%1").arg(uint(u), 4, 16, QLatin1Char('0')).toUpper(); }

// The code point before the one at `i` (0 at the start).
char32_t before(const QString& s, qsizetype i)
{
    if (i <= 0)
        return 0;
    return codePointAt(s, i > 1 && s.at(i - 1).isLowSurrogate() && s.at(i - 2).isHighSurrogate() ? i - 2 : i - 1);
}

} // namespace

bool isInvisibleAt(const QString& text, qsizetype i)
{
    const char32_t u = codePointAt(text, i);
    const qsizetype next = i + unitsAt(text, i);
    if (u == u'\n')
        return false;
    // Emoji sequences: a joiner between pictographs, a variation selector after one.
    if (u == 0x200D && pictograph(before(text, i)) && next < text.size() && pictograph(codePointAt(text, next)))
        return false;
    if (u >= 0xFE00 && u <= 0xFE0F)
        return !pictograph(before(text, i));
    if (u == kOpen || u == kClose || find(u))
        return true;
    const QChar::Category c = QChar::category(u);
    return c == QChar::Other_Control || c == QChar::Other_Format || c == QChar::Other_Surrogate;
}

QString invisibleLabel(char32_t codePoint)
{
    const Name* n = find(codePoint);
    return n ? QString::fromLatin1(n->label) : hex(codePoint);
}

QString invisibleDescription(char32_t codePoint)
{
    const Name* n = find(codePoint);
    return n ? hex(codePoint) + QLatin1Char(' ') + QString::fromLatin1(n->name) : hex(codePoint);
}

MarkedText markInvisibles(const QString& text)
{
    MarkedText out;
    out.text.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); i += unitsAt(text, i)) {
        if (!isInvisibleAt(text, i)) {
            out.text += QStringView(text).mid(i, unitsAt(text, i));
            continue;
        }
        const char32_t u = codePointAt(text, i);
        // Isolated left-to-right, so that the marker reads "⟨RLO⟩" inside right-to-left text too.
        const QString marker = QChar(0x2066) + QChar(0x27E8) + invisibleLabel(u) + QChar(0x27E9) + QChar(0x2069);
        out.markers.append({out.text.size(), marker.size(), u});
        out.text += marker;
    }
    return out;
}

QString inlineMarkers(const QString& text)
{
    const MarkedText m = markInvisibles(text);
    QString out = m.text;
    for (qsizetype k = m.markers.size() - 1; k >= 0; --k) { // from the end: earlier offsets stay valid
        const InvisibleMarker& marker = m.markers.at(k);
        out.insert(marker.start + marker.length, QChar(kClose));
        out.insert(marker.start, QChar(kOpen));
    }
    return out;
}

MarkedText takeInlineMarkers(const QString& text)
{
    MarkedText out;
    out.text.reserve(text.size());
    qsizetype open = -1;
    for (const QChar c : text) {
        if (c.unicode() == kOpen) {
            open = out.text.size();
        } else if (c.unicode() == kClose && open >= 0) {
            out.markers.append({open, out.text.size() - open, 0});
            open = -1;
        } else {
            out.text += c;
        }
    }
    return out;
}

QString plainMarkers(const QString& text)
{
    QString t = takeInlineMarkers(text).text;
    if (t.size() >= 2 && t.front() == QChar(0x2068) && t.back() == QChar(0x2069))
        t = t.mid(1, t.size() - 2);
    return t;
}

QString shownEvidence(const QString& text, qsizetype maxChars)
{
    QString cut = text;
    if (maxChars > 0 && text.size() > maxChars) {
        qsizetype end = 0;
        for (qsizetype n = 0; n < maxChars && end < text.size(); ++n)
            end += unitsAt(text, end);
        if (end < text.size())
            cut = text.left(end) + QChar(0x2026);
    }
    return isolated(markInvisibles(cut).text);
}

QString hiddenCharacters(const QString& text)
{
    QList<char32_t> seen;
    QStringList names;
    for (qsizetype i = 0; i < text.size(); i += unitsAt(text, i)) {
        const char32_t u = codePointAt(text, i);
        if (isInvisibleAt(text, i) && !seen.contains(u)) {
            seen.append(u);
            names << invisibleDescription(u);
        }
    }
    return names.join(QStringLiteral(", "));
}

QString markerTooltip(const QString& shownText)
{
    const QString open = QString(QChar(0x2066)) + QChar(0x27E8), close = QString(QChar(0x27E9)) + QChar(0x2069);
    QStringList names;
    for (qsizetype at = shownText.indexOf(open); at >= 0; at = shownText.indexOf(open, at + 1)) {
        const qsizetype end = shownText.indexOf(close, at);
        if (end < 0)
            break;
        const QString label = shownText.mid(at + open.size(), end - at - open.size());
        QString name = label;
        for (const Name& n : kNames)
            if (label == QLatin1String(n.label)) {
                name = invisibleDescription(n.codePoint);
                break;
            }
        if (!names.contains(name))
            names << name;
    }
    return names.isEmpty() ? QString() : QStringLiteral("Hidden characters shown as markers: %1").arg(names.join(QStringLiteral(", ")));
}

} // namespace hs
