// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablepanel.h"

#include "csv.h"
#include "markerdelegate.h"
#include "tablesortproxy.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace hs {
TablePanel::TablePanel(const QString& title, QWidget* parent) : QWidget(parent), m_titleText(title)
{
    m_model = new TableModel(this);
    m_proxy = new TableSortProxy(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(TableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterRole(TableModel::FullTextRole); // what a cell shows may be cut short
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTableView(this);
    m_view->setTabKeyNavigation(false); // Tab leaves the table for the next control; arrows move within
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new MarkerDelegate(m_view)); // hidden characters in evidence text as markers
    m_view->setSortingEnabled(true);
    // A page that sorts its table (or the reviewer clicking a header) chooses the order; a table
    // nobody chose for gets the largest count first when its first rows arrive (setTable).
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this] { m_sortChosen = true; });
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // Columns as wide as their contents: a stretched last column would put its numbers far from
    // their labels on a wide screen.
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setResizeContentsPrecision(200); // widths from the first rows only: fast at 30k rows
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setAccessibleName(title);
    auto* copy = new QAction(tr("Copy"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &TablePanel::copySelection);
    m_view->addAction(copy);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_note = new QLabel(this);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setVisible(false);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter %1").arg(title));
    m_filter->setMaximumWidth(260);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &TablePanel::updateTitle);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TablePanel::updateTitle);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TablePanel::updateTitle);
    auto* save = new QPushButton(tr("Save CSV..."), this);
    m_save = save;
    connect(save, &QPushButton::clicked, this, &TablePanel::chooseCsvFile);

    auto* bar = m_bar = new QHBoxLayout;
    bar->addWidget(m_title);
    bar->addStretch(1);
    bar->addWidget(m_filter);
    bar->addWidget(save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_note);
    layout->addWidget(m_view, 1);
    setTable(TableData{});
}

void TablePanel::addControl(QWidget* control)
{
    m_bar->insertWidget(m_bar->indexOf(m_filter), control);
}

void TablePanel::setTable(TableData table)
{
    setTable(std::make_shared<const TableData>(std::move(table)));
}

void TablePanel::setTable(std::shared_ptr<const TableData> table)
{
    const int rows = table ? static_cast<int>(table->text.size()) : 0;
    // Columns are sized once for a table's layout, not for every selection: measuring costs
    // milliseconds on big tables, and columns that keep their width are easier to read.
    const bool sized = m_sized && table && table->headers == m_model->table().headers;
    m_model->setTable(std::move(table));
    if (rows > 0 && !m_sortChosen) {
        const std::vector<bool>& numeric = m_model->table().numeric;
        if (const auto first = std::find(numeric.begin(), numeric.end(), true); first != numeric.end())
            m_view->sortByColumn(int(first - numeric.begin()), Qt::DescendingOrder);
    }
    updateTitle();
    if (rows > 0 && !sized) {
        if (!m_restored.header.isEmpty() && m_model->table().headers.size() == m_restored.columns)
            restoreTableState(m_view, m_restored); // the reviewer's widths, not fitted ones
        else
            m_view->resizeColumnsToContents();
    }
    if (rows > 0)
        m_restored = {};
    m_sized = sized || rows > 0;
}

// "Accounts (25,985)", or "Accounts (12 of 25,985)" while the filter box hides rows: the title
// never claims more rows than the table shows.
void TablePanel::updateTitle()
{
    const QLocale locale;
    const int all = m_model->rowCount(), shown = m_proxy->rowCount();
    m_title->setText(shown == all ? tr("%1 (%2)").arg(m_titleText, locale.toString(all))
                                  : tr("%1 (%2 of %3)").arg(m_titleText, locale.toString(shown), locale.toString(all)));
}

QString TablePanel::title() const { return m_title->text(); }

void TablePanel::setNote(const QString& note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

bool TablePanel::saveCsv(const QString& path) const
{
    QSaveFile file(path); // all or nothing: a failed save leaves no half-written file
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(modelToCsv(*m_proxy, TableModel::FullTextRole));
    return file.commit();
}

void TablePanel::copySelection() const
{
    QList<int> rows;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    QApplication::clipboard()->setText(modelRowsToTsv(*m_proxy, rows, TableModel::FullTextRole));
}

void TablePanel::chooseCsvFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save table"), m_titleText.toLower().replace(QLatin1Char(' '), QLatin1Char('-')) + QStringLiteral(".csv"),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty() && !saveCsv(path)) {
        QMessageBox box(QMessageBox::Warning, tr("Save failed"), tr("Could not write %1.").arg(path), QMessageBox::Ok, this);
        box.setTextFormat(Qt::PlainText); // a file name is not markup
        box.exec();
    }
}

void TablePanel::setPresenting(bool on)
{
    m_filter->setVisible(!on);
    m_save->setVisible(!on);
}

void TablePanel::setFilterText(const QString& text) { m_filter->setText(text); }
QString TablePanel::filterText() const { return m_filter->text(); }

TableState TablePanel::viewState() const
{
    TableState state = m_restored.header.isEmpty() ? tableState(m_view) : m_restored; // pending: what it will be
    state.filter = filterText();
    return state;
}

void TablePanel::restoreViewState(const TableState& state)
{
    setFilterText(state.filter);
    restoreTableState(m_view, state);
    // A table still to come (built on a worker after a new investigation) would fit its columns
    // to its contents: it takes these widths instead.
    m_restored = m_model->rowCount() == 0 ? state : TableState{};
}

} // namespace hs
