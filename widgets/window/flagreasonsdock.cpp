// SPDX-License-Identifier: GPL-3.0-or-later
#include "flagreasonsdock.h"

#include "casecontroller.h"
#include "displaytext.h"
#include "flagdecision.h"
#include "flagreasonsmodel.h"
#include "flagreasonsummary.h"
#include "markerdelegate.h"
#include "selection.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <set>

namespace hs {
namespace {
QString reasonCount(std::size_t n)
{
    return n == 1 ? FlagReasonsDock::tr("1 reason") : FlagReasonsDock::tr("%1 reasons").arg(QLocale().toString(qulonglong(n)));
}
} // namespace

FlagReasonsDock::FlagReasonsDock(SelectionState* selection, CaseController* cases, QWidget* parent)
    : QDockWidget(tr("Why flagged"), parent), m_selection(selection), m_cases(cases)
{
    setObjectName(QStringLiteral("flagReasonsDock")); // the window's saved layout names it
    auto* body = new QWidget(this);
    m_subject = new QLabel(body);
    m_subject->setTextFormat(Qt::PlainText); // evidence names: never markup
    m_subject->setWordWrap(true);
    m_model = new FlagReasonsModel(this);
    m_view = new QTableView(body);
    m_view->setObjectName(QStringLiteral("flagReasonsTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new MarkerDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Flag reasons"));
    m_confirm = new QPushButton(tr("Confirm flag"), body);
    m_confirm->setObjectName(QStringLiteral("confirmFlag"));
    m_reject = new QPushButton(tr("Reject flag"), body);
    m_reject->setObjectName(QStringLiteral("rejectFlag"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_subject, 1);
    buttons->addWidget(m_confirm);
    buttons->addWidget(m_reject);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    setWidget(body);
    connect(m_confirm, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(false); });
    if (m_selection)
        connect(m_selection, &SelectionState::changed, this, &FlagReasonsDock::followSelection);
    if (m_cases) {
        connect(m_cases, &CaseController::caseChanged, this, &FlagReasonsDock::updateEditable);
        connect(m_cases, &CaseController::connectionChanged, this, &FlagReasonsDock::updateEditable);
    }
    updateEditable();
    showSubject(kNoIndex, kNoIndex);
}

void FlagReasonsDock::setInvestigation(std::shared_ptr<const Investigation> inv)
{
    m_inv = std::move(inv);
    m_campaign = m_account = kNoIndex;
    followSelection();
}

void FlagReasonsDock::followSelection()
{
    std::uint32_t only = kNoIndex;
    if (m_inv && m_selection) {
        const Selection& s = m_selection->current();
        std::uint32_t count = 0;
        for (std::uint32_t g = 0; g < m_inv->campaigns.size(); ++g)
            if (s.hasGroup(g)) {
                only = g;
                ++count;
            }
        if (count != 1)
            only = kNoIndex;
    }
    showSubject(only, kNoIndex);
}

void FlagReasonsDock::showAccount(std::uint32_t account)
{
    if (!m_inv || account >= m_inv->accounts.size()) {
        followSelection();
        return;
    }
    showSubject(m_inv->accounts[account].group, account);
}

void FlagReasonsDock::showSubject(std::uint32_t campaign, std::uint32_t account)
{
    m_campaign = m_inv && campaign < m_inv->campaigns.size() ? campaign : kNoIndex;
    m_account = m_inv && account < m_inv->accounts.size() ? account : kNoIndex;
    const QLocale locale;
    QString text;
    if (!m_inv) {
        text = tr("No investigation open.");
        m_model->clear();
    } else if (!m_inv->hasFlagReasons) {
        text = tr("This file records no flag reasons (no flag_reasons table; hydrascope detect writes one).");
        m_model->clear();
    } else if (m_account != kNoIndex) {
        const std::vector<std::uint32_t> reasons = accountReasons(*m_inv, m_account);
        const QString ref = shownEvidence(m_inv->accounts[m_account].externalRef, 60);
        text = m_campaign == kNoIndex
                   ? tr("Account %1 is in no campaign: it has no flag reasons.").arg(ref)
                   : tr("%1 of its own for account %2 of campaign “%3”.")
                         .arg(reasonCount(reasons.size()), ref, shownEvidence(m_inv->campaigns[m_campaign].name, 60));
        m_model->setReasons(m_inv, reasons);
    } else if (m_campaign != kNoIndex) {
        const CampaignReasons c = reasonsByCampaign(*m_inv)[m_campaign];
        text = tr("%1 for campaign “%2”.").arg(reasonCount(c.reasons.size()), shownEvidence(m_inv->campaigns[m_campaign].name, 60));
        if (c.accountsWithReasons > 0) {
            QStringList bySignal;
            for (const auto& [signal, accounts] : c.accountsBySignal)
                bySignal << QStringLiteral("%1 %2").arg(shownEvidence(signal, 40), locale.toString(qulonglong(accounts)));
            text += QLatin1Char(' ') + tr("%1 of its accounts have reasons of their own (%2): choose one in Accounts to see them.")
                                           .arg(locale.toString(qulonglong(c.accountsWithReasons)), bySignal.join(QStringLiteral(", ")));
        }
        m_model->setReasons(m_inv, c.reasons);
    } else {
        text = tr("Select one campaign (selection bar or Overview), or an account in Accounts, to see why it was flagged.");
        m_model->clear();
    }
    m_subject->setText(text);
    m_subject->setToolTip(markerTooltip(text));
    m_view->resizeColumnsToContents();
    updateButtons();
}

QString FlagReasonsDock::subjectText() const { return m_subject->text(); }

void FlagReasonsDock::setEditable(bool editable, const QString& why)
{
    m_editable = editable;
    m_whyNot = why;
    updateButtons();
}

void FlagReasonsDock::updateEditable()
{
    if (!m_cases)
        return;
    QString why;
    const bool open = m_cases->isOpen();
    const bool may = open && m_cases->mayEdit(&why);
    setEditable(may, open ? why : tr("Open or create a case first (File > New case): the decision is an annotation of the case."));
}

void FlagReasonsDock::updateButtons()
{
    const bool subject = m_model->rowCount() > 0;
    const QString tip = !subject ? tr("Nothing to decide on: no reasons shown.")
                        : !m_editable ? m_whyNot
                                      : QString();
    m_confirm->setEnabled(subject && m_editable);
    m_reject->setEnabled(subject && m_editable);
    m_confirm->setToolTip(tip.isEmpty() ? tr("Record in the case that the flag holds, on the chosen reasons (all when none is chosen)") : tip);
    m_reject->setToolTip(tip.isEmpty() ? tr("Record in the case that the flag does not hold, against the chosen reasons (all when none is chosen)") : tip);
}

void FlagReasonsDock::decide(bool confirmed)
{
    if (!m_inv || m_model->rowCount() == 0 || !m_editable)
        return;
    std::set<int> rows;
    for (const QModelIndex& i : m_view->selectionModel()->selectedRows())
        rows.insert(i.row());
    std::vector<std::uint32_t> reasons;
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (rows.empty() || rows.count(r))
            reasons.push_back(m_model->reasonAt(r));
    const Annotation a = flagDecisionAnnotation(*m_inv, m_campaign, m_account,
                                                confirmed ? FlagDecision::Confirmed : FlagDecision::Rejected, reasons);
    if (m_cases)
        m_cases->addAnnotation(a);
    Q_EMIT decided(a);
}

} // namespace hs
