// SPDX-License-Identifier: GPL-3.0-or-later
#include "overviewpage.h"

#include "textformat.h"
#include "campaigncompareview.h"
#include "campaigndetails.h"
#include "campaigntablemodel.h"
#include "tablepanel.h"
#include "displaytext.h"
#include "markerdelegate.h"
#include "selectionanalysis.h"
#include "timeutil.h"

#include <algorithm>

#include <QDialog>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace hs {
namespace {
constexpr int kCards = 5;
}

OverviewPage::OverviewPage(SelectionJob* figures, QWidget* parent) : QWidget(parent), m_figures(figures)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("overviewTitle"));
    m_title->setTextFormat(Qt::PlainText); // names come from the evidence
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    auto* cards = new QHBoxLayout;
    for (int i = 0; i < kCards; ++i) {
        auto* frame = new QFrame(this);
        frame->setFrameShape(QFrame::StyledPanel);
        auto* value = new QLabel(frame);
        value->setTextFormat(Qt::PlainText); // cluster names come from the evidence
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.8);
        big.setBold(true);
        value->setFont(big);
        auto* caption = new QLabel(frame);
        caption->setTextFormat(Qt::PlainText);
        caption->setWordWrap(true);
        auto* box = new QVBoxLayout(frame);
        box->addWidget(value);
        box->addWidget(caption);
        cards->addWidget(frame, 1);
        m_values << value;
        m_captions << caption;
    }
    m_model = new CampaignTableModel(this);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(CampaignTableModel::SortRole);
    m_table = new QTableView(this);
    m_table->setTabKeyNavigation(false); // Tab leaves the table for the next control; arrows move within
    m_table->setObjectName(QStringLiteral("campaignTable"));
    m_table->setModel(proxy);
    m_table->setItemDelegate(new MarkerDelegate(m_table)); // hidden characters as markers
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CampaignTableModel::Exchanges, Qt::DescendingOrder);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Why each campaign was flagged, beside its size: on screen at 1366 px, not past the pivots.
    m_table->horizontalHeader()->moveSection(CampaignTableModel::FlagReasons, CampaignTableModel::Accounts + 1);
    m_table->verticalHeader()->setVisible(false);
    m_table->setAccessibleName(tr("Campaigns"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection); // two rows: compared side by side
    m_details = new TablePanel(tr("Campaign details (choose one campaign, or two with Ctrl to compare)"), this);
    m_details->setObjectName(QStringLiteral("campaignDetails"));
    m_details->view()->setSortingEnabled(false); // rows in their reading order
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &OverviewPage::showDetails);
    // Two or more chosen: their comparison as charts, in a window of its own (the page has no
    // height to spare at 1366x768 for a bar per capability).
    m_compareButton = new QPushButton(tr("Compare as charts..."), this);
    m_compareButton->setObjectName(QStringLiteral("compareCharts"));
    m_compareButton->setToolTip(tr("The chosen campaigns' capability mix and exchanges over time, side by side"));
    m_compareButton->setEnabled(false);
    m_details->addControl(m_compareButton);
    m_compareWindow = new QDialog(this, Qt::Window);
    m_compareWindow->setWindowTitle(tr("Campaign comparison"));
    m_compare = new CampaignCompareView(m_compareWindow);
    auto* compareLayout = new QVBoxLayout(m_compareWindow);
    compareLayout->addWidget(m_compare);
    connect(m_compareButton, &QPushButton::clicked, this, &OverviewPage::openComparison);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(cards);
    layout->addWidget(split, 1);
    connect(m_figures, &SelectionJob::updated, this, &OverviewPage::showFigures);
}

QString OverviewPage::titleText() const { return m_title->text(); }

void OverviewPage::setCard(int index, const QString& value, const QString& caption)
{
    m_values[index]->setText(value);
    m_captions[index]->setText(caption);
    m_captions[index]->setToolTip(markerTooltip(caption)); // what each "⟨RLO⟩" in evidence stands for
}

QString OverviewPage::cardText(int index) const
{
    return m_values.value(index) ? m_values[index]->text() + QLatin1Char('\n') + m_captions[index]->text() : QString();
}

void OverviewPage::setResults(std::shared_ptr<const Investigation> inv, std::shared_ptr<const Analysis> analysis)
{
    m_inv = std::move(inv);
    // The whole investigation until the selection's figures arrive (a moment after a file opens).
    Selection all;
    all.groups.assign(m_inv->groupCount(), true);
    m_model->setResults(m_inv, analysis);
    // (1.1) Only files with flag_reasons have the column's content: no empty column for the rest.
    m_table->setColumnHidden(CampaignTableModel::FlagReasons, !m_inv->hasFlagReasons);
    m_shown = analysis;
    m_shownSelection = all;
    showAnalysis(*analysis, all, true);
    showDetails();
    m_table->resizeColumnsToContents();
}

void OverviewPage::showFigures()
{
    const auto figures = m_figures->figures();
    if (!m_inv || !figures || !figures->analysis || figures->groupExchanges.size() != m_inv->groupCount())
        return;
    // The rows chosen for details stay chosen across selections (by group).
    std::vector<std::uint32_t> chosen;
    const auto* proxy = static_cast<const QSortFilterProxyModel*>(m_table->model());
    for (const QModelIndex& row : m_table->selectionModel()->selectedRows())
        chosen.push_back(m_model->groupOfRow(proxy->mapToSource(row).row()));
    m_model->setResults(m_inv, figures->analysis, figures->selection.groups);
    m_shown = figures->analysis;
    m_shownSelection = figures->selection;
    showAnalysis(*figures->analysis, figures->selection, figures->exact);
    {
        const QSignalBlocker block(m_table->selectionModel());
        for (int r = 0; r < m_model->rowCount(); ++r)
            if (std::find(chosen.begin(), chosen.end(), m_model->groupOfRow(r)) != chosen.end())
                m_table->selectionModel()->select(proxy->mapFromSource(m_model->index(r, 0)),
                                                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    showDetails();
}

// The cards of `analysis` for the selection's groups.
void OverviewPage::showDetails()
{
    if (!m_inv || !m_shown)
        return;
    std::vector<std::uint32_t> groups;
    const auto* proxy = static_cast<const QSortFilterProxyModel*>(m_table->model());
    for (const QModelIndex& row : m_table->selectionModel()->selectedRows())
        groups.push_back(m_model->groupOfRow(proxy->mapToSource(row).row()));
    std::sort(groups.begin(), groups.end());
    if (groups.empty())
        m_details->setTable(TableData{});
    else
        m_details->setTable(campaignDetailsTable(*m_inv, *m_shown, m_shownSelection, groups));
    m_compareButton->setEnabled(groups.size() >= 2);
    if (groups.size() >= 2 && m_compareWindow->isVisible()) {
        m_compare->compare(*m_inv, *m_shown, m_shownSelection, groups); // follows the selection
    } else if (groups.size() < 2) {
        m_compareWindow->hide();
        m_compare->clear();
    }
}

// The chosen campaigns compared, within the selection; the window follows later selections.
void OverviewPage::openComparison()
{
    std::vector<std::uint32_t> groups;
    const auto* proxy = static_cast<const QSortFilterProxyModel*>(m_table->model());
    for (const QModelIndex& row : m_table->selectionModel()->selectedRows())
        groups.push_back(m_model->groupOfRow(proxy->mapToSource(row).row()));
    std::sort(groups.begin(), groups.end());
    if (!m_inv || !m_shown || groups.size() < 2)
        return;
    m_compare->compare(*m_inv, *m_shown, m_shownSelection, groups);
    if (!m_compareWindow->isVisible()) {
        const QSize room = window()->size();
        m_compareWindow->resize(std::max(900, room.width() * 4 / 5), std::max(520, room.height() * 3 / 4));
    }
    m_compareWindow->show();
    m_compareWindow->raise();
    m_compareWindow->activateWindow();
}

void OverviewPage::showAnalysis(const Analysis& analysis, const Selection& s, bool exact)
{
    const QLocale locale;
    const Investigation& inv = *m_inv;
    const bool filtered = s.range || s.model || s.capability || s.account;
    std::uint32_t selectedGroups = 0;
    for (std::uint32_t g = 0; g < inv.groupCount(); ++g)
        selectedGroups += s.hasGroup(g) ? 1 : 0;
    const bool everything = !filtered && selectedGroups == inv.groupCount();

    QStringList what;
    if (!everything) {
        if (selectedGroups != inv.groupCount())
            what << tr("%1 of %2 groups").arg(selectedGroups).arg(inv.groupCount());
        if (s.range)
            what << tr("%1 to %2 UTC").arg(shortUtc(s.range->from), shortUtc(s.range->to));
        if (s.model && *s.model < inv.models.size())
            what << tr("model %1").arg(shownEvidence(inv.models[*s.model].name, 40));
        if (s.capability && *s.capability < inv.capabilities.size())
            what << tr("capability %1").arg(shownEvidence(inv.capabilities[*s.capability].name, 40));
        if (s.account && *s.account < inv.accounts.size())
            what << tr("account %1").arg(shownEvidence(inv.accounts[*s.account].externalRef, 40));
    }
    QString title = everything ? tr("Whole investigation") : tr("Selection: %1").arg(what.join(QStringLiteral(" · ")));
    if (!exact)
        title += tr(" (approximate: this file has no exact columns; accounts by whole UTC days)");
    m_title->setText(title);

    std::uint64_t exchanges = 0, campaignExchanges = 0, accounts = 0, baselineAccounts = 0;
    int pivots = 0, campaigns = 0, active = 0;
    const PivotFigure* best = nullptr;
    const GroupFigures* bestGroup = nullptr;
    for (const GroupFigures& g : analysis.campaigns) {
        if (!s.hasGroup(g.group))
            continue;
        ++campaigns;
        active += g.exchanges > 0 ? 1 : 0;
        exchanges += g.exchanges;
        campaignExchanges += g.exchanges;
        accounts += g.accounts;
        for (const PivotFigure& p : g.pivots)
            if (p.pivot) {
                ++pivots;
                if (!best || p.share24h > best->share24h) { // the strongest, as strongestPivot()
                    best = &p;
                    bestGroup = &g;
                }
            }
    }
    if (s.hasGroup(inv.baselineGroup())) {
        exchanges += analysis.baseline.exchanges;
        accounts += analysis.baseline.accounts;
        baselineAccounts = analysis.baseline.accounts;
    }
    if (everything) { // the file's own totals, dangling rows included
        exchanges = static_cast<std::uint64_t>(analysis.evidenceExchanges);
        accounts = static_cast<std::uint64_t>(analysis.evidenceAccounts);
    }
    const QString pivotText = best ? tr("strongest: %1, %2 to %3 within 24 h")
                                         .arg(shownEvidence(inv.campaigns[bestGroup->group].name, 40), percent(best->share24h),
                                              shownEvidence(inv.models[best->model].name, 30))
                                   : QString();
    setCard(0, locale.toString(qulonglong(exchanges)),
            (filtered ? tr("exchanges in the selection; %1 by flagged campaigns") : tr("exchanges; %1 by flagged campaigns"))
                .arg(percent(exchanges ? double(campaignExchanges) / double(exchanges) : 0.0)));
    setCard(1, locale.toString(qulonglong(accounts)),
            (filtered ? tr("accounts active in the selection; %1 unflagged (baseline)") : tr("accounts; %1 unflagged (baseline)"))
                .arg(locale.toString(qulonglong(baselineAccounts))));
    setCard(2, QString::number(filtered ? active : campaigns),
            filtered ? tr("campaigns with traffic in the selection (of %1 selected)").arg(campaigns) : tr("campaigns"));
    setCard(3, QString::number(pivots), pivots ? tr("pivots detected; %1").arg(pivotText)
                                               : (s.range ? tr("pivots detected (releases within the range)") : tr("pivots detected")));
    const std::optional<ClusterSummary> cluster = largestCluster(analysis, s.groups);
    if (!cluster)
        setCard(4, tr("none"), tr("shared infrastructure recorded"));
    else
        setCard(4, locale.toString(qulonglong(cluster->accounts)),
                tr("accounts in the largest cluster, %1, mixing %2 and %3 baseline accounts")
                    .arg(shownEvidence(inv.clusters[cluster->cluster].name, 40),
                         cluster->campaigns.size() == 1 ? tr("one campaign") : tr("%1 campaigns").arg(cluster->campaigns.size()),
                         locale.toString(qulonglong(cluster->baselineAccounts))));
}

void OverviewPage::restoreViewState(const PageState& state)
{
    if (!state.tables.empty())
        restoreTableState(m_table, state.tables.front());
}

void OverviewPage::setPresenting(bool on)
{
    m_presenting = on;
    m_compare->setPresenting(on);
    m_compareButton->setVisible(!on);
    if (on)
        m_compareWindow->hide(); // the slides show the window's pages, not a window beside them
    if (on)
        fitSmallTablesSoon(this, {m_table}, &m_presenting);
}

} // namespace hs
