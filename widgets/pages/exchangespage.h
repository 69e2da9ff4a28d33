// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Exchanges: the individual exchanges of the current selection, fetched from the evidence file a
// page at a time as the reviewer scrolls.

#include "selection.h"
#include "selectionjob.h"
#include "viewstate.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTableView;

namespace hs {

class ExchangesModel;
class LazyUpdate;

class ExchangesPage final : public QWidget, public ViewStatePart
{
    Q_OBJECT
public:
    ExchangesPage(SelectionJob* figures, QWidget* parent = nullptr);
    void setResults(std::shared_ptr<const Investigation> inv);
    ExchangesModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

    // While the rows are still to come, the widths they will take.
    PageState viewState() const final { return {{m_restored.header.isEmpty() ? tableState(m_view) : m_restored}, {}, {}}; }
    void restoreViewState(const PageState& state) final;
    void setPresenting(bool) final {} // thousands of rows: the columns keep their widths

private:
    void update();

    SelectionJob* m_figures;
    std::shared_ptr<const Investigation> m_inv;
    ExchangesModel* m_model;
    QTableView* m_view;
    QLabel* m_count;
    LazyUpdate* m_update;
    bool m_sized = false; // columns sized to the first page shown
    TableState m_restored; // restored while empty: the widths for the first page to come
};

} // namespace hs
