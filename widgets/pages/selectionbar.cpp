// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectionbar.h"

#include "displaytext.h"
#include "timeutil.h"

#include <QAction>
#include <algorithm>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QEvent>
#include <QToolButton>

namespace hs {
namespace {

// Menu and button texts are cut with an ellipsis, so a cut name says that there is more.
QString elided(const QString& text, int max)
{
    return text.size() <= max ? text : text.left(max - 1).trimmed() + QChar(0x2026);
}

} // namespace

SelectionBar::SelectionBar(SelectionState* selection, QWidget* parent) : QToolBar(tr("Selection"), parent), m_selection(selection)
{
    setObjectName(QStringLiteral("selectionBar"));
    m_back = addAction(tr("Back"), m_selection, &SelectionState::back);
    m_back->setShortcut(QKeySequence::Back);
    m_back->setToolTip(tr("The previous selection (%1)").arg(m_back->shortcut().toString(QKeySequence::NativeText)));
    m_forward = addAction(tr("Forward"), m_selection, &SelectionState::forward);
    m_forward->setShortcut(QKeySequence::Forward);
    m_forward->setToolTip(tr("The next selection (%1)").arg(m_forward->shortcut().toString(QKeySequence::NativeText)));
    addSeparator();
    m_campaigns = new QToolButton(this);
    m_campaigns->setObjectName(QStringLiteral("campaignsButton"));
    m_campaigns->setPopupMode(QToolButton::InstantPopup);
    m_campaigns->setMenu(new QMenu(m_campaigns));
    m_campaigns->menu()->installEventFilter(this);
    m_campaigns->setAccessibleName(tr("Campaigns in the selection"));
    addWidget(m_campaigns);
    m_model = new QComboBox(this);
    m_model->setAccessibleName(tr("Model filter"));
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addWidget(m_model);
    m_capability = new QComboBox(this);
    m_capability->setAccessibleName(tr("Capability filter"));
    m_capability->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addWidget(m_capability);
    // Accounts > Show on the timeline narrows every view to one account; this says which, and a
    // click lets every account of the selected groups back in.
    m_account = addAction(QString(), this, [this] { m_selection->setAccount(std::nullopt); });
    m_account->setObjectName(QStringLiteral("accountFilter"));
    m_account->setVisible(false);
    addSeparator();
    m_range = new QLabel(this);
    m_range->setTextFormat(Qt::PlainText);
    addWidget(m_range);
    m_clearRange = addAction(tr("Clear range"), this, [this] { m_selection->setRange(std::nullopt); });
    m_clearRange->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_clearRange->setToolTip(tr("The whole period again (%1)").arg(m_clearRange->shortcut().toString(QKeySequence::NativeText)));
    m_clearAll = addAction(tr("Clear all filters"), this, [this] {
        Selection all; // every group, the whole period, every model, capability and account
        all.groups.assign(m_inv ? m_inv->groupCount() : 0, true);
        m_selection->set(all);
    });
    m_clearAll->setObjectName(QStringLiteral("clearAllFilters"));
    m_clearAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backspace));
    m_clearAll->setToolTip(tr("Every group, the whole period, every model, capability and account (%1)")
                               .arg(m_clearAll->shortcut().toString(QKeySequence::NativeText)));
    connect(m_model, qOverload<int>(&QComboBox::activated), this, [this](int i) {
        m_selection->setModel(i <= 0 ? std::nullopt : std::optional<std::uint32_t>(std::uint32_t(i - 1)));
    });
    connect(m_capability, qOverload<int>(&QComboBox::activated), this, [this](int i) {
        m_selection->setCapability(i <= 0 ? std::nullopt : std::optional<std::uint32_t>(std::uint32_t(i - 1)));
    });
    connect(m_selection, &SelectionState::changed, this, &SelectionBar::fromSelection);
    setEnabled(false);
}

void SelectionBar::setInvestigation(std::shared_ptr<const Investigation> inv)
{
    m_inv = std::move(inv);
    QMenu* menu = m_campaigns->menu();
    menu->clear();
    for (std::uint32_t g = 0; g < m_inv->groupCount(); ++g) {
        const QString name = g == m_inv->baselineGroup() ? tr("Organic baseline") : shownEvidence(m_inv->campaigns[g].name, 80);
        QAction* a = menu->addAction(name); // menu text is plain; an ampersand would make a mnemonic
        a->setText(a->text().replace(QLatin1Char('&'), QStringLiteral("&&")));
        a->setCheckable(true);
        a->setData(g);
        connect(a, &QAction::toggled, this, &SelectionBar::campaignsChosen);
    }
    m_model->clear();
    m_model->addItem(tr("All models"));
    for (const ModelInfo& m : m_inv->models)
        m_model->addItem(shownEvidence(m.name, 60));
    m_capability->clear();
    m_capability->addItem(tr("All capabilities"));
    for (const CapabilityInfo& c : m_inv->capabilities)
        m_capability->addItem(shownEvidence(c.name, 60));
    setEnabled(true);
    fromSelection();
}

QString SelectionBar::groupName(std::uint32_t g) const
{
    return g == m_inv->baselineGroup() ? tr("Organic baseline") : shownEvidence(m_inv->campaigns[g].name, 40);
}

// A checkable entry toggles without closing the menu: the reviewer ticks several groups in one go.
bool SelectionBar::eventFilter(QObject* watched, QEvent* event)
{
    auto* menu = qobject_cast<QMenu*>(watched);
    if (!menu)
        return QToolBar::eventFilter(watched, event);
    QAction* action = nullptr;
    if (event->type() == QEvent::MouseButtonRelease)
        action = menu->actionAt(static_cast<QMouseEvent*>(event)->position().toPoint());
    else if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Space || key == Qt::Key_Return || key == Qt::Key_Enter)
            action = menu->activeAction();
    }
    if (!action || !action->isCheckable() || !action->isEnabled())
        return QToolBar::eventFilter(watched, event);
    action->trigger();
    return true;
}

void SelectionBar::campaignsChosen()
{
    std::vector<bool> groups(m_inv->groupCount(), false);
    for (QAction* a : m_campaigns->menu()->actions())
        groups[a->data().toUInt()] = a->isChecked();
    m_selection->setGroups(groups);
}

void SelectionBar::fromSelection()
{
    if (!m_inv)
        return;
    const Selection& s = m_selection->current();
    for (QAction* a : m_campaigns->menu()->actions()) {
        const QSignalBlocker block(a);
        a->setChecked(s.hasGroup(a->data().toUInt()));
    }
    m_model->setCurrentIndex(s.model ? int(*s.model) + 1 : 0);
    m_capability->setCurrentIndex(s.capability ? int(*s.capability) + 1 : 0);
    m_range->setText(s.range ? tr("%1 to %2").arg(shortUtc(s.range->from), shortUtc(s.range->to)) : tr("Whole period"));
    m_clearRange->setEnabled(s.range.has_value());
    const bool account = s.account && *s.account < m_inv->accounts.size();
    m_account->setVisible(account);
    if (account) {
        const QString ref = shownEvidence(m_inv->accounts[*s.account].externalRef, 40);
        m_account->setText(tr("Account %1 \u00d7").arg(ref));
        m_account->setToolTip(tr("Only the exchanges of account %1. Click: every account of the selected groups").arg(ref));
    }
    m_clearAll->setEnabled(s.range || s.model || s.capability || s.account || !std::all_of(s.groups.begin(), s.groups.end(), [](bool b) { return b; }));
    m_back->setEnabled(m_selection->canGoBack());
    m_forward->setEnabled(m_selection->canGoForward());
    // The button names what is left out (or, when most is, what is in): "3 of 4" alone does not
    // say which group a figure is missing.
    QStringList in, out;
    for (std::uint32_t g = 0; g < m_inv->groupCount(); ++g)
        (s.hasGroup(g) ? in : out) << groupName(g);
    QString text = tr("Groups: %1 of %2").arg(in.size()).arg(m_inv->groupCount());
    if (in.isEmpty())
        text += tr(" (none)");
    else if (out.size() == 1 || (!out.isEmpty() && out.size() <= in.size()))
        text += tr(" (without %1)").arg(elided(out.join(QStringLiteral(", ")), 48));
    else if (!out.isEmpty())
        text += tr(" (only %1)").arg(elided(in.join(QStringLiteral(", ")), 48));
    m_campaigns->setText(text);
    m_campaigns->setToolTip(out.isEmpty() ? tr("Every group is selected")
                                          : tr("Selected: %1\nLeft out: %2").arg(in.join(QStringLiteral(", ")), out.join(QStringLiteral(", "))));
    fitCampaignsButton();
    Q_EMIT summaryChanged(summary());
}

// The menu arrow is drawn over the text's end unless the button leaves room for it. Measured in
// the button's font of the moment: after presentation mode's larger font it must shrink again, or
// the toolbar's later controls stay shifted to the right.
void SelectionBar::fitCampaignsButton()
{
    m_campaigns->setMinimumWidth(m_campaigns->fontMetrics().horizontalAdvance(m_campaigns->text()) + 28);
}

void SelectionBar::changeEvent(QEvent* event)
{
    QToolBar::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitCampaignsButton();
}

QString SelectionBar::summary() const
{
    if (!m_inv)
        return {};
    const Selection& s = m_selection->current();
    QStringList parts;
    int chosen = 0;
    for (std::uint32_t g = 0; g < m_inv->groupCount(); ++g)
        chosen += s.hasGroup(g) ? 1 : 0;
    parts << tr("groups %1 of %2").arg(chosen).arg(m_inv->groupCount());
    parts << (s.range ? tr("%1 to %2").arg(shortUtc(s.range->from), shortUtc(s.range->to)) : tr("whole period"));
    if (s.model)
        parts << tr("model %1").arg(shownEvidence(m_inv->models[*s.model].name, 40));
    if (s.capability)
        parts << tr("capability %1").arg(shownEvidence(m_inv->capabilities[*s.capability].name, 40));
    if (s.account && *s.account < m_inv->accounts.size())
        parts << tr("account %1").arg(shownEvidence(m_inv->accounts[*s.account].externalRef, 40));
    return tr("Filter: %1").arg(parts.join(QStringLiteral(", ")));
}

} // namespace hs
