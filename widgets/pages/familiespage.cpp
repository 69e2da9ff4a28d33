// SPDX-License-Identifier: GPL-3.0-or-later
#include "familiespage.h"

#include "viewtables.h"
#include "lazyupdate.h"
#include "markerdelegate.h"
#include "tablepanel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QScrollBar>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace hs {

FamiliesPage::FamiliesPage(SelectionState* selection, SelectionJob* figures, QWidget* parent)
    : QWidget(parent), m_selection(selection), m_figures(figures)
{
    m_families = new TablePanel(tr("Prompt families"), this);
    m_families->setObjectName(QStringLiteral("familiesTable"));
    // Most used first; the proxy keeps the reviewer's own choice of column across selections.
    m_families->view()->sortByColumn(3, Qt::DescendingOrder);
    m_repetition = new TablePanel(tr("Repetition per campaign"), this);
    m_sample = new QPlainTextEdit(this); // plain text only: samples are attacker-written
    m_sample->setReadOnly(true);
    m_sample->setPlaceholderText(tr("Select a family to read its sample prompt (shown as plain text)"));
    m_sample->setAccessibleName(tr("Sample prompt"));
    auto* split = m_split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_repetition);
    split->addWidget(m_families);
    split->addWidget(m_sample);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    split->setStretchFactor(2, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);
    m_update = new LazyUpdate(this, [this] { update(); });
    connect(m_figures, &SelectionJob::updated, m_update, &LazyUpdate::request);
    connect(m_families->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &FamiliesPage::showSample);
}

void FamiliesPage::setResults(std::shared_ptr<const Investigation> inv)
{
    m_inv = std::move(inv);
    m_sample->clear();
    // Nothing of the previous investigation stays on screen (it may be a presentation's original).
    m_families->setTable(TableData{});
    m_repetition->setTable(TableData{});
}

namespace {

// A short table gets the height of its rows (up to `most`), not whatever the splitter leaves it.
void fitRows(QTableView* view, int most)
{
    const int rows = std::min(view->model()->rowCount(), most);
    view->setMinimumHeight(view->horizontalHeader()->sizeHint().height() + rows * view->verticalHeader()->defaultSectionSize() +
                           2 * view->frameWidth() + view->horizontalScrollBar()->sizeHint().height());
}

} // namespace

void FamiliesPage::update()
{
    const auto figures = m_figures->figures();
    if (!m_inv || !figures || !figures->familiesTable)
        return;
    m_repetition->setTable(figures->repetitionTable);
    fitRows(m_repetition->view(), 6);
    // The splitter keeps the share it gave the panel: make room for those rows from the families.
    QList<int> sizes = m_split->sizes();
    const int want = m_repetition->minimumSizeHint().height();
    if (sizes.size() == 3 && sizes[0] < want && sizes[1] > 2 * want) {
        sizes[1] -= want - sizes[0];
        sizes[0] = want;
        m_split->setSizes(sizes);
    }
    m_families->setTable(figures->familiesTable);
}

void FamiliesPage::showSample()
{
    const QModelIndex current = m_families->view()->currentIndex();
    if (!current.isValid() || !m_inv)
        return m_sample->clear();
    const QModelIndex source = m_families->proxy()->mapToSource(current);
    const auto& row = m_families->model()->table().tooltip;
    setMarkedPlainText(m_sample, static_cast<std::size_t>(source.row()) < row.size() ? row[static_cast<std::size_t>(source.row())]
                                                                                    : QString());
}

void FamiliesPage::showFamily(std::int64_t templateId)
{
    if (!m_inv)
        return;
    for (const TemplateInfo& t : m_inv->templates)
        if (t.id == templateId)
            m_families->setFilterText(t.fingerprint);
}

PageState FamiliesPage::viewState() const
{
    PageState state;
    state.tables = {m_families->viewState(), m_repetition->viewState()};
    state.splitters = {splitterState(m_split)};
    return state;
}

void FamiliesPage::restoreViewState(const PageState& state)
{
    if (state.tables.size() == 2) {
        m_families->restoreViewState(state.tables[0]);
        m_repetition->restoreViewState(state.tables[1]);
    }
    if (!state.splitters.empty())
        m_split->restoreState(state.splitters.front());
}

void FamiliesPage::setPresenting(bool on)
{
    m_presenting = on;
    if (on)
        fitSmallTablesSoon(this, {m_families->view(), m_repetition->view()}, &m_presenting);
}

} // namespace hs
