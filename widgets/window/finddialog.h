// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Find (Ctrl+F): type an account reference, an indicator value, a prompt family's fingerprint or a
// campaign name; the hits are listed, and Enter or a double-click jumps to one (findresults.h).

#include "findresults.h"

#include <QDialog>

#include <memory>

class QLineEdit;
class QTableView;
class QTimer;

namespace hs {

class TableModel;

class FindDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit FindDialog(QWidget* parent = nullptr);
    void setInvestigation(std::shared_ptr<const Investigation> inv);
    void find(const QString& text); // as if typed (the search runs at once)
    QTableView* results() const { return m_view; }
    const std::vector<FindHit>& hits() const { return m_hits; }

Q_SIGNALS:
    void hitChosen(const hs::FindHit& hit);

private:
    void search();
    void choose(const QModelIndex& index);

    std::shared_ptr<const Investigation> m_inv;
    QLineEdit* m_text;
    QTableView* m_view;
    TableModel* m_model;
    QTimer* m_delay;
    std::vector<FindHit> m_hits;
};

} // namespace hs
