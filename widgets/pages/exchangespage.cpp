// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchangespage.h"

#include "exchangesmodel.h"
#include "lazyupdate.h"
#include "markerdelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace hs {

ExchangesPage::ExchangesPage(SelectionJob* figures, QWidget* parent) : QWidget(parent), m_figures(figures)
{
    m_model = new ExchangesModel(this);
    m_view = new QTableView(this);
    m_view->setTabKeyNavigation(false); // Tab leaves the table for the next control; arrows move within
    m_view->setObjectName(QStringLiteral("exchangesTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new MarkerDelegate(m_view)); // hidden characters as markers
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Exchanges of the selection"));
    m_count = new QLabel(this);
    m_count->setTextFormat(Qt::PlainText);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_count);
    layout->addWidget(m_view, 1);
    m_update = new LazyUpdate(this, [this] { update(); });
    connect(m_figures, &SelectionJob::updated, m_update, &LazyUpdate::request);
    // Columns sized to the first page once: later selections keep the widths (measuring again costs
    // milliseconds on every change, and columns that keep their place are easier to read).
    connect(m_model, &ExchangesModel::errorChanged, this, [this] {
        m_count->setText(m_count->text() + QLatin1Char(' ') + tr("Reading failed: %1").arg(m_model->error()));
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first) {
        if (first == 0 && !m_restored.header.isEmpty()) {
            restoreTableState(m_view, std::exchange(m_restored, {}));
            m_sized = true;
        } else if (first == 0 && !m_sized) {
            m_view->resizeColumnsToContents();
            m_sized = true;
        }
    });
}

void ExchangesPage::setResults(std::shared_ptr<const Investigation> inv)
{
    m_inv = std::move(inv);
    m_model->setRows(nullptr, nullptr);
}

void ExchangesPage::update()
{
    const auto figures = m_figures->figures();
    if (!m_inv || !figures)
        return;
    if (!m_inv->columns) {
        m_count->setText(tr("This file has no per-exchange columns (see the Findings panel): the exchange list is unavailable."));
        m_model->setRows(m_inv, nullptr);
        return;
    }
    const auto total = figures->matches->size();
    m_model->setRows(m_inv, figures->matches);
    m_model->fetchMore({}); // the first page, so the columns can be sized to real content
    m_count->setText(tr("%1 exchanges in the selection, in id order; more are read from the evidence as you scroll.")
                         .arg(QLocale().toString(qulonglong(total))));
    if (!m_model->error().isEmpty()) // this file failed before; a new failure is added when it comes
        m_count->setText(m_count->text() + QLatin1Char(' ') + tr("Reading failed: %1").arg(m_model->error()));
}

void ExchangesPage::restoreViewState(const PageState& state)
{
    if (state.tables.empty())
        return;
    restoreTableState(m_view, state.tables.front());
    // A new investigation's rows are still to come, and with them the columns: they take these widths.
    m_restored = m_model->rowCount() == 0 ? state.tables.front() : TableState{};
}

} // namespace hs
