// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A titled, sortable, filterable table with Copy (Ctrl+C) and "Save as CSV...". Every plain
// table of the dashboard is one of these over a TableModel.

#include "tablemodel.h"
#include "viewstate.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace hs {

class TablePanel final : public QWidget
{
    Q_OBJECT
public:
    TablePanel(const QString& title, QWidget* parent = nullptr);

    void setTable(TableData table);
    void setTable(std::shared_ptr<const TableData> table);
    void setNote(const QString& note);
    QString title() const; // as shown: "Accounts (12 of 25,985)" while filtered
    void addControl(QWidget* control); // beside the filter box, in the title row
    void setPresenting(bool on); // the filter box and "Save CSV..." are working controls: hidden
    TableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    bool saveCsv(const QString& path) const;
    void copySelection() const;
    void setFilterText(const QString& text); // as if typed into the filter box
    QString filterText() const;
    TableState viewState() const; // column widths, sort and the filter
    void restoreViewState(const TableState& state);

private:
    void chooseCsvFile();
    void updateTitle();
    TableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_filter;
    QLabel* m_title;
    QLabel* m_note;
    QWidget* m_save;
    QHBoxLayout* m_bar = nullptr;
    bool m_sortChosen = false;
    QString m_titleText;
    bool m_sized = false; // columns sized for the current headers
    TableState m_restored; // restored while the table was empty: the layout for the table to come
};

} // namespace hs
