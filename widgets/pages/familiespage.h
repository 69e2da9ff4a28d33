// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Prompt families: templates by exchange count for the selection, with their samples as plain
// text (attacker-written), and repetition figures per campaign.

#include "selection.h"
#include "selectionjob.h"
#include "viewstate.h"

#include <QWidget>

#include <memory>

class QPlainTextEdit;
class QSplitter;

namespace hs {

class LazyUpdate;
class TablePanel;

class FamiliesPage final : public QWidget, public ViewStatePart
{
    Q_OBJECT
public:
    FamiliesPage(SelectionState* selection, SelectionJob* figures, QWidget* parent = nullptr);
    void setResults(std::shared_ptr<const Investigation> inv);
    TablePanel* families() const { return m_families; }
    TablePanel* repetition() const { return m_repetition; }
    QPlainTextEdit* sampleView() const { return m_sample; }
    void showFamily(std::int64_t templateId); // the families table narrowed to it

    PageState viewState() const final;
    void restoreViewState(const PageState& state) final;
    void setPresenting(bool on) final;

private:
    void update();
    void showSample();

    SelectionState* m_selection;
    SelectionJob* m_figures;
    std::shared_ptr<const Investigation> m_inv;
    TablePanel* m_families;
    TablePanel* m_repetition;
    QPlainTextEdit* m_sample;
    QSplitter* m_split;
    LazyUpdate* m_update;
    bool m_presenting = false;
};

} // namespace hs
