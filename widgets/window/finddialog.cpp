// SPDX-License-Identifier: GPL-3.0-or-later
#include "finddialog.h"

#include "markerdelegate.h"
#include "tablemodel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace hs {

FindDialog::FindDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Find"));
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("findText"));
    m_text->setPlaceholderText(tr("Account reference, indicator value, prompt-family fingerprint or campaign name"));
    m_text->setAccessibleName(tr("Find"));
    m_text->setClearButtonEnabled(true);
    m_model = new TableModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("findResults"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new MarkerDelegate(m_view)); // evidence text: hidden characters as markers
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Found"));
    m_view->setTabKeyNavigation(false);
    auto* hint = new QLabel(tr("Enter or double-click jumps to it."), this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_view, 1);
    layout->addWidget(hint);
    m_delay = new QTimer(this);
    m_delay->setSingleShot(true);
    m_delay->setInterval(200); // typing: one search after a pause, not one per key
    connect(m_delay, &QTimer::timeout, this, &FindDialog::search);
    connect(m_text, &QLineEdit::textChanged, m_delay, qOverload<>(&QTimer::start));
    connect(m_text, &QLineEdit::returnPressed, this, [this] {
        search();
        if (!m_hits.empty())
            choose(m_view->currentIndex().isValid() ? m_view->currentIndex() : m_model->index(0, 0));
    });
    connect(m_view, &QAbstractItemView::activated, this, &FindDialog::choose);
    resize(640, 420);
}

void FindDialog::setInvestigation(std::shared_ptr<const Investigation> inv)
{
    m_inv = std::move(inv);
    search();
}

void FindDialog::find(const QString& text)
{
    m_text->setText(text);
    search();
}

void FindDialog::search()
{
    m_delay->stop();
    m_hits = m_inv ? findInInvestigation(*m_inv, m_text->text()) : std::vector<FindHit>{};
    m_model->setTable(m_inv ? findTable(*m_inv, m_hits) : TableData{});
    m_view->resizeColumnsToContents();
    if (!m_hits.empty())
        m_view->setCurrentIndex(m_model->index(0, 0));
}

void FindDialog::choose(const QModelIndex& index)
{
    if (!index.isValid() || std::size_t(index.row()) >= m_hits.size())
        return;
    Q_EMIT hitChosen(m_hits[std::size_t(index.row())]);
    accept();
}

} // namespace hs
