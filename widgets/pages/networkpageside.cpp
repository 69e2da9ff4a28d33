// SPDX-License-Identifier: GPL-3.0-or-later
// NetworkPage's side panels and outputs: the legend's counts, the churn chart with its
// replacement sentence, image export and copy, the saved view state, and presentation mode's
// cluster through time (networkpage.h).
#include "networkpage.h"

#include "chartexport.h"
#include "churn.h"
#include "churnplot.h"
#include "displaytext.h"
#include "job.h"
#include "networkcanvas.h"
#include "networktimebar.h"
#include "qcustomplotshim.h"
#include "reportcampaign.h"
#include "selection.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QSplitter>

namespace hs {
namespace {
constexpr std::int64_t kDay = 86400;
} // namespace

void NetworkPage::presentCluster(std::optional<std::int64_t> clusterId)
{
    m_presentCluster = clusterId;
    if (m_graph && !m_graphJob->isRunning())
        applyPresentCluster();
}

void NetworkPage::applyPresentCluster()
{
    if (!m_presentCluster || !m_graph)
        return;
    for (std::uint32_t c = 0; c < m_graph->clusters.size(); ++c) {
        const std::uint32_t cluster = m_graph->clusters[c].cluster;
        if (cluster == kNoIndex || m_inv->clusters[cluster].id != *m_presentCluster)
            continue;
        showMore(c, m_graph->clusters[c].nodes.size());
        m_canvas->selectCluster(c);
        const std::int64_t frame = std::max<std::int64_t>(kDay, (m_timeBar->spanTo() - m_timeBar->spanFrom()) / 12 / kDay * kDay);
        m_timeBar->setWindow(m_timeBar->spanFrom(), m_timeBar->spanFrom() + frame);
        onWindowChosen(m_timeBar->windowFrom(), m_timeBar->windowTo());
        break;
    }
    m_presentCluster.reset();
}

bool NetworkPage::stepTime(int direction)
{
    if (!m_graph)
        return false;
    const std::int64_t frame = std::max<std::int64_t>(kDay, (m_timeBar->spanTo() - m_timeBar->spanFrom()) / 12 / kDay * kDay);
    const std::int64_t from = m_timeBar->spanFrom(), to = m_timeBar->windowTo() + direction * frame;
    if ((direction > 0 && m_timeBar->windowTo() >= m_timeBar->spanTo()) || (direction < 0 && to < from + frame))
        return false;
    m_timeBar->setWindow(from, std::clamp(to, from + frame, m_timeBar->spanTo()));
    onWindowChosen(m_timeBar->windowFrom(), m_timeBar->windowTo());
    return true;
}

void NetworkPage::updateLegend()
{
    const QLocale locale;
    for (int k = 0; k < kLinkKinds; ++k) {
        QCheckBox* box = m_kindBoxes[std::size_t(k)];
        const std::uint64_t edges = m_graph ? m_graph->edgesPerKind[std::size_t(k)] : 0;
        box->setText(tr("%1 (%2)").arg(kindTitle(LinkKind(k)), locale.toString(qulonglong(edges))));
        box->setToolTip(LinkKind(k) == LinkKind::Timing && edges == 0
                            ? tr("This file has no per-pair timing links (flag_reasons names accounts, not pairs)")
                            : tr("%1 shared values; each links its accounts around the lowest account id")
                                  .arg(m_graph ? locale.toString(m_graph->valuesPerKind[std::size_t(k)]) : QStringLiteral("0")));
    }
}

void NetworkPage::updateChurn()
{
    if (!m_inv || !m_graph)
        return;
    const QVariant was = m_churnCampaign->currentData();
    m_churnCampaign->blockSignals(true);
    m_churnCampaign->clear();
    for (std::uint32_t g = 0; g < m_inv->campaigns.size(); ++g)
        if (m_selection->current().hasGroup(g))
            m_churnCampaign->addItem(tr("Churn: %1").arg(shownEvidence(m_inv->campaigns[g].name, 80)), g);
    // The campaign with the most bans first, unless the reviewer chose another.
    int index = m_churnCampaign->findData(was);
    if (index < 0 && !m_graph->medians.empty()) {
        std::uint32_t best = m_graph->medians.front().first;
        std::size_t most = 0;
        for (const auto& [group, median] : m_graph->medians)
            if (const auto l = campaignLifecycle(*m_inv, group); l && l->banned.size() > most) {
                most = l->banned.size();
                best = group;
            }
        index = m_churnCampaign->findData(best);
    }
    m_churnCampaign->setCurrentIndex(std::max(0, index));
    m_churnCampaign->blockSignals(false);
    const QVariant chosen = m_churnCampaign->currentData();
    if (!chosen.isValid()) {
        m_churn->clearPlottables();
        m_churn->replot();
        m_median->clear();
        return;
    }
    const std::uint32_t group = chosen.toUInt();
    ChurnStyle style;
    style.labelFont = style.tickFont = font();
    style.text = palette().color(QPalette::Text);
    style.background = palette().color(QPalette::Base);
    style.grid = palette().color(QPalette::Mid);
    style.compact = true;
    m_churn->setBackground(palette().color(QPalette::Base));
    fillChurnPlot(*m_churn, campaignChurn(*m_inv, group), style);
    m_churn->replot();
    const auto life = campaignLifecycle(*m_inv, group);
    m_median->setText(!life ? tr("This file records no ban times (accounts.status_changed_at).")
                            : life->banned.empty() ? tr("No banned accounts in this campaign.") : lifecycleSentence(*life));
}

bool NetworkPage::saveImage(const QString& path) { return saveWidgetImage(m_canvas, path, tr("Network")); }

void NetworkPage::exportImage()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save network"), QStringLiteral("network.png"),
                                                      tr("PNG image (*.png);;SVG image (*.svg)"));
    if (!path.isEmpty())
        saveImage(path);
}

void NetworkPage::copyDetails() const
{
    QString text = m_details->toPlainText();
    if (text.isEmpty() && m_graph)
        text = m_status->text();
    QApplication::clipboard()->setText(text);
}

PageState NetworkPage::viewState() const
{
    PageState state;
    state.splitters.push_back(splitterState(m_split));
    QVariantList kinds;
    for (QCheckBox* box : m_kindBoxes)
        kinds << box->isChecked();
    // Not the zoom: a new graph (another selection, presentation's redacted copy) is fitted anew.
    state.values = {kinds, m_minDegree->value(), m_campaign->currentIndex(), m_linkKind->currentIndex()};
    return state;
}

void NetworkPage::restoreViewState(const PageState& state)
{
    if (!state.splitters.empty())
        m_split->restoreState(state.splitters.front());
    if (state.values.size() < 4)
        return;
    const QVariantList kinds = state.values[0].toList();
    for (int k = 0; k < kLinkKinds && k < kinds.size(); ++k)
        m_kindBoxes[std::size_t(k)]->setChecked(kinds[k].toBool());
    m_minDegree->setValue(state.values[1].toInt());
    m_campaign->setCurrentIndex(std::min(state.values[2].toInt(), m_campaign->count() - 1));
    m_linkKind->setCurrentIndex(std::min(state.values[3].toInt(), m_linkKind->count() - 1));
}

void NetworkPage::setPresenting(bool on)
{
    m_presenting = on;
    m_canvas->setPresenting(on);
    // The audience sees the legend, the graph, the time bar and the churn; the highlight,
    // export and details controls are the reviewer's.
    m_controls->setVisible(!on);
    m_details->setVisible(!on);
    updateChurn();
}

} // namespace hs
