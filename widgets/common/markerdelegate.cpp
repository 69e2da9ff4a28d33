// SPDX-License-Identifier: GPL-3.0-or-later
#include "markerdelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextLayout>
#include <QToolTip>

namespace hs {
namespace {

// One line of a cell as QTextLayout lays it out: elided at the cell's end like the default.
struct CellLayout
{
    MarkedText marked;
    QRect textRect;
};

CellLayout cellLayout(const QStyleOptionViewItem& option, const QModelIndex& index)
{
    CellLayout c;
    c.marked = markInvisibles(index.data(Qt::DisplayRole).toString());
    const QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    c.textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &option, option.widget).adjusted(3, 0, -3, 0);
    return c;
}

QList<QTextLayout::FormatRange> ranges(const MarkedText& m)
{
    QList<QTextLayout::FormatRange> out;
    for (const InvisibleMarker& marker : m.markers)
        out.append({int(marker.start), int(marker.length), markerFormat()});
    return out;
}

// The marker under x (in layout coordinates), if any.
const InvisibleMarker* markerAt(const MarkedText& m, const QTextLine& line, double x)
{
    const int pos = line.xToCursor(x, QTextLine::CursorOnCharacter);
    for (const InvisibleMarker& marker : m.markers)
        if (pos >= marker.start && pos < marker.start + marker.length)
            return &marker;
    return nullptr;
}

bool hasInvisibles(const QString& text)
{
    for (qsizetype i = 0; i < text.size(); ++i)
        if (isInvisibleAt(text, i))
            return true;
    return false;
}

// Whether the pane shows marked text; the markers of each pane (by its document).
const char* const kMarkersProperty = "hydrascopeMarkers";

class PaneToolTips : public QObject
{
public:
    explicit PaneToolTips(QPlainTextEdit* edit) : QObject(edit), m_edit(edit) {}
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::ToolTip)
            return QObject::eventFilter(watched, event);
        const auto* help = static_cast<QHelpEvent*>(event);
        const int pos = m_edit->cursorForPosition(help->pos()).position();
        const QVariantList markers = m_edit->property(kMarkersProperty).toList();
        for (const QVariant& v : markers) {
            const QVariantList m = v.toList(); // start, length, code point
            if (pos >= m.at(0).toInt() && pos <= m.at(0).toInt() + m.at(1).toInt()) {
                QToolTip::showText(help->globalPos(), invisibleDescription(char32_t(m.at(2).toUInt())), m_edit);
                return true;
            }
        }
        QToolTip::hideText();
        return true;
    }

private:
    QPlainTextEdit* m_edit;
};

} // namespace

QTextCharFormat markerFormat()
{
    QTextCharFormat f;
    f.setForeground(QColor(0x8A, 0x1C, 0x1C));
    f.setBackground(QColor(0xF6, 0xDA, 0xDA));
    return f;
}

void MarkerDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QString text = index.data(Qt::DisplayRole).toString();
    if (!hasInvisibles(text))
        return QStyledItemDelegate::paint(painter, option, index);
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the background, selection and focus as usual; the text drawn here
    const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    const CellLayout c = cellLayout(opt, index);
    QTextLayout layout(c.marked.text, opt.font);
    QTextOption textOption(Qt::AlignLeft | Qt::AlignVCenter);
    textOption.setTextDirection(Qt::LeftToRight);
    textOption.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(textOption);
    layout.setFormats(ranges(c.marked));
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(1e6);
    layout.endLayout();
    painter->save();
    painter->setClipRect(c.textRect);
    painter->setPen(opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    const double y = c.textRect.top() + (c.textRect.height() - line.height()) / 2;
    layout.draw(painter, QPointF(c.textRect.left(), y));
    painter->restore();
}

QSize MarkerDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QString text = index.data(Qt::DisplayRole).toString();
    if (hasInvisibles(text)) {
        const MarkedText m = markInvisibles(text);
        size.setWidth(std::max(size.width(), QFontMetrics(option.font).horizontalAdvance(m.text) + 12));
    }
    return size;
}

bool MarkerDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                               const QModelIndex& index)
{
    if (event->type() == QEvent::ToolTip && hasInvisibles(index.data(Qt::DisplayRole).toString())) {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const CellLayout c = cellLayout(opt, index);
        QTextLayout layout(c.marked.text, opt.font);
        layout.beginLayout();
        QTextLine line = layout.createLine();
        line.setLineWidth(1e6);
        layout.endLayout();
        if (const InvisibleMarker* m = markerAt(c.marked, line, event->pos().x() - c.textRect.left())) {
            QToolTip::showText(event->globalPos(), invisibleDescription(m->codePoint), view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

void setMarkedPlainText(QPlainTextEdit* edit, const QString& text)
{
    const MarkedText m = markInvisibles(text);
    edit->setPlainText(m.text);
    QVariantList markers;
    QTextCursor cursor(edit->document());
    for (const InvisibleMarker& marker : m.markers) {
        cursor.setPosition(int(marker.start));
        cursor.setPosition(int(marker.start + marker.length), QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(markerFormat());
        markers.append(QVariant(QVariantList{int(marker.start), int(marker.length), uint(marker.codePoint)}));
    }
    edit->setProperty(kMarkersProperty, markers);
    if (!edit->viewport()->findChild<PaneToolTips*>()) {
        auto* tips = new PaneToolTips(edit);
        tips->setParent(edit->viewport());
        edit->viewport()->installEventFilter(tips);
    }
}

} // namespace hs
