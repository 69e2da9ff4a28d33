// SPDX-License-Identifier: GPL-3.0-or-later
#include "familiespage.h"

#include "accounttables.h"
#include "analysisjson.h"
#include "tablepanel.h"

#include <QItemSelectionModel>
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
    m_repetition = new TablePanel(tr("Repetition per campaign"), this);
    m_sample = new QPlainTextEdit(this); // plain text only: samples are attacker-written
    m_sample->setReadOnly(true);
    m_sample->setPlaceholderText(tr("Select a family to read its sample prompt (shown as plain text)"));
    m_sample->setAccessibleName(tr("Sample prompt"));
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_repetition);
    split->addWidget(m_families);
    split->addWidget(m_sample);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    split->setStretchFactor(2, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);
    connect(m_figures, &SelectionJob::updated, this, &FamiliesPage::update);
    connect(m_families->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &FamiliesPage::showSample);
}

void FamiliesPage::setResults(std::shared_ptr<const Investigation> inv)
{
    m_inv = std::move(inv);
    m_sample->clear();
}

void FamiliesPage::update()
{
    const auto figures = m_figures->figures();
    if (!m_inv || !figures)
        return;
    const Selection& s = m_selection->current();
    TableData families = familiesTable(*m_inv, s, *figures);
    // Repetition: how concentrated each group's traffic is in its families.
    TableData rep;
    rep.headers = {tr("Group"), tr("Exchanges"), tr("Families"), tr("Top family"), tr("Top 10 families")};
    rep.numeric = {false, true, true, true, true};
    std::map<std::uint32_t, std::vector<std::uint64_t>> perGroup;
    for (const auto& [key, count] : figures->families)
        perGroup[key.first].push_back(count);
    const QLocale locale;
    for (auto& [group, counts] : perGroup) {
        if (!s.hasGroup(group))
            continue;
        std::sort(counts.rbegin(), counts.rend());
        std::uint64_t top10 = 0;
        for (std::size_t i = 0; i < counts.size() && i < 10; ++i)
            top10 += counts[i];
        const double total = double(std::max<std::uint64_t>(1, figures->groupExchanges[group]));
        rep.text.push_back({groupName(*m_inv, group), locale.toString(qulonglong(figures->groupExchanges[group])),
                            locale.toString(qulonglong(counts.size())), percent(double(counts.front()) / total, 1),
                            percent(double(top10) / total, 1)});
        rep.sortKey.push_back({{}, sortKey(figures->groupExchanges[group]), sortKey(counts.size()),
                               double(counts.front()) / total, double(top10) / total});
    }
    m_repetition->setTable(std::move(rep));
    m_families->setTable(std::move(families));
    m_families->view()->sortByColumn(3, Qt::DescendingOrder);
}

void FamiliesPage::showSample()
{
    const QModelIndex current = m_families->view()->currentIndex();
    if (!current.isValid() || !m_inv)
        return m_sample->clear();
    const QModelIndex source = m_families->proxy()->mapToSource(current);
    const auto& row = m_families->model()->table().tooltip;
    m_sample->setPlainText(static_cast<std::size_t>(source.row()) < row.size() ? row[static_cast<std::size_t>(source.row())] : QString());
}

} // namespace hs
