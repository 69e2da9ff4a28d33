// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The "Why flagged" dock: the flag reasons (flag_reasons, format 1.1) of the campaign the
// selection shows alone, or of the account chosen in the Accounts table, strongest first, with
// their scores and details; and "Confirm flag" / "Reject flag", which add the reviewer's decision
// to the case as an annotation of that campaign or account (flagdecision.h). The decision names
// the reasons chosen in the table, or every reason shown when none is chosen.

#include "casedata.h"
#include "investigation.h"

#include <QDockWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTableView;

namespace hs {

class CaseController;
class FlagReasonsModel;
class SelectionState;

class FlagReasonsDock final : public QDockWidget
{
    Q_OBJECT
public:
    // `cases` may be null (then decisions are only signalled, for tests).
    FlagReasonsDock(SelectionState* selection, CaseController* cases, QWidget* parent = nullptr);

    void setInvestigation(std::shared_ptr<const Investigation> inv);
    void showAccount(std::uint32_t account); // an account index; kNoIndex: the selection's campaign again
    void setEditable(bool editable, const QString& why); // a case is open and this reviewer may edit it

    FlagReasonsModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QString subjectText() const;
    QPushButton* confirmButton() const { return m_confirm; }
    QPushButton* rejectButton() const { return m_reject; }

Q_SIGNALS:
    void decided(const hs::Annotation& annotation);

private:
    void followSelection();
    void showSubject(std::uint32_t campaign, std::uint32_t account);
    void decide(bool confirmed);
    void updateButtons();
    void updateEditable();

    SelectionState* m_selection;
    CaseController* m_cases;
    std::shared_ptr<const Investigation> m_inv;
    FlagReasonsModel* m_model;
    QLabel* m_subject;
    QTableView* m_view;
    QPushButton* m_confirm;
    QPushButton* m_reject;
    std::uint32_t m_campaign = kNoIndex;
    std::uint32_t m_account = kNoIndex;
    bool m_editable = false;
    QString m_whyNot;
};

} // namespace hs
