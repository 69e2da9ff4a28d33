// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a view looks, as plain values, so that it can be put back exactly: presentation mode takes
// the window's view state before it takes over and restores it on Esc. Each page saves and
// restores its own part through ViewStatePart; nothing outside a page reads its widgets.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

#include <vector>

class QSplitter;
class QTableView;

namespace hs {

struct TableState
{
    QByteArray header; // QHeaderView::saveState: widths, order, sort column and order, stretched last column
    QString filter;    // a TablePanel's filter box
    int columns = 0;
    bool operator==(const TableState&) const = default;
};

TableState tableState(const QTableView* view); // without the filter
void restoreTableState(QTableView* view, const TableState& state);

struct PageState
{
    std::vector<TableState> tables;     // in an order of the page's choosing
    std::vector<QByteArray> splitters;
    QVariantList values;                // the page's own controls, the timeline's zoom
    bool operator==(const PageState&) const = default;
};

QByteArray splitterState(const QSplitter* splitter);

// A page (or panel) whose view state the window saves and restores.
class ViewStatePart
{
public:
    virtual PageState viewState() const = 0;
    virtual void restoreViewState(const PageState& state) = 0;
    // Presentation mode: plots and charts in the (already enlarged) application font, thick
    // lines, small tables fitted to the larger text. Off puts the page's own look back.
    virtual void setPresenting(bool on) = 0;

protected:
    ~ViewStatePart() = default;
};

// Once the enlarged font has reached them (next event loop pass), tables of at most 200 rows
// fit their columns to it; `stillPresenting` is asked then, as Esc may have come first.
void fitSmallTablesSoon(QObject* context, QList<QTableView*> tables, const bool* stillPresenting);

} // namespace hs
