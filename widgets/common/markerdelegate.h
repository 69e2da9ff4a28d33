// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Draws table cells whose evidence text holds invisible or bidi-control characters with each one
// as a marker, "⟨RLO⟩", in a style of its own (displaytext.h), so the text shows in its logical
// order and nothing hides. Hovering a marker shows its code point and name; anywhere else the
// cell's own tooltip. Cells without such characters are drawn as usual.

#include "displaytext.h"

#include <QStyledItemDelegate>
#include <QTextCharFormat>

class QPlainTextEdit;

namespace hs {

class MarkerDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;
};

// The markers' look, the same in tables and text panes: dark red on pale red.
QTextCharFormat markerFormat();

// Shows `text` in a read-only plain-text pane with its markers styled; hovering one shows its code point.
void setMarkedPlainText(QPlainTextEdit* edit, const QString& text);

} // namespace hs
