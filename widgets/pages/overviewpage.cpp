// SPDX-License-Identifier: GPL-3.0-or-later
#include "overviewpage.h"

#include "textformat.h"
#include "campaigntablemodel.h"
#include "displaytext.h"
#include "infrastructure.h"
#include "markerdelegate.h"

#include <algorithm>

#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace hs {
namespace {
constexpr int kCards = 5;
}

OverviewPage::OverviewPage(QWidget* parent) : QWidget(parent)
{
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
    m_table->verticalHeader()->setVisible(false);
    m_table->setAccessibleName(tr("Campaigns"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(cards);
    layout->addWidget(m_table, 1);
}

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
    m_model->setResults(inv, analysis);
    m_table->resizeColumnsToContents();
    const QLocale locale;
    std::uint64_t campaignExchanges = 0;
    int pivots = 0;
    for (const GroupFigures& g : analysis->campaigns) {
        campaignExchanges += g.exchanges;
        pivots += int(std::count_if(g.pivots.begin(), g.pivots.end(), [](const PivotFigure& p) { return p.pivot; }));
    }
    QString pivotText;
    if (const std::optional<StrongestPivot> best = strongestPivot(*analysis))
        pivotText = tr("strongest: %1, %2 to %3 within 24 h")
                        .arg(shownEvidence(inv->campaigns[best->group->group].name, 40), percent(best->pivot->share24h),
                             shownEvidence(inv->models[best->pivot->model].name, 30));
    setCard(0, locale.toString(qlonglong(analysis->evidenceExchanges)),
            tr("exchanges; %1 by flagged campaigns").arg(percent(analysis->evidenceExchanges
                ? double(campaignExchanges) / double(analysis->evidenceExchanges) : 0.0)));
    setCard(1, locale.toString(qlonglong(analysis->evidenceAccounts)),
            tr("accounts; %1 unflagged (baseline)").arg(locale.toString(qulonglong(analysis->baseline.accounts))));
    setCard(2, QString::number(analysis->campaigns.size()), tr("campaigns"));
    setCard(3, QString::number(pivots), pivots ? tr("pivots detected; %1").arg(pivotText) : tr("pivots detected"));
    const std::vector<ClusterSummary> clusters = clusterSummaries(*inv);
    if (clusters.empty())
        setCard(4, tr("none"), tr("shared infrastructure recorded"));
    else
        setCard(4, locale.toString(qulonglong(clusters.front().accounts)),
                tr("accounts in the largest cluster, %1, mixing %2 and %3 baseline accounts")
                    .arg(shownEvidence(inv->clusters[clusters.front().cluster].name, 40),
                         clusters.front().campaigns.size() == 1
                             ? tr("one campaign")
                             : tr("%1 campaigns").arg(clusters.front().campaigns.size()),
                         locale.toString(qulonglong(clusters.front().baselineAccounts))));
}

void OverviewPage::restoreViewState(const PageState& state)
{
    if (!state.tables.empty())
        restoreTableState(m_table, state.tables.front());
}

void OverviewPage::setPresenting(bool on)
{
    m_presenting = on;
    if (on)
        fitSmallTablesSoon(this, {m_table}, &m_presenting);
}

} // namespace hs
