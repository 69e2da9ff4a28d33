// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Exchanges: the individual exchanges of the current selection, narrowed by the view's own
// filters (account, campaign, model, capability, prompt family, time), in id or time order, with
// a jump to a time; read from the evidence a page at a time around what is on screen; saved as
// CSV in the background with progress and cancel.

#include "exchangefilter.h"
#include "selection.h"
#include "selectionjob.h"
#include "viewstate.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QProgressDialog;
class QTableView;

namespace hs {

class ExchangesModel;
class JobSlot;
class LazyUpdate;

class ExchangesPage final : public QWidget, public ViewStatePart
{
    Q_OBJECT
public:
    ExchangesPage(SelectionJob* figures, QWidget* parent = nullptr);
    void setResults(std::shared_ptr<const Investigation> inv);
    ExchangesModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QString countText() const;

    void showAccount(const QString& externalRef); // the account filter, as if typed
    void setTimeOrder(bool byTime);
    // The first exchange at or after `text` (UTC, "2026-02-11 14:37"): the order becomes time order.
    bool jumpTo(const QString& text);
    void saveCsv(const QString& path); // in the background; csvFinished() says how it ended
    bool isBusy() const;               // filtering or saving

    PageState viewState() const final { return {{m_restored.header.isEmpty() ? tableState(m_view) : m_restored}, {}, {}}; }
    void restoreViewState(const PageState& state) final;
    // On a slide the filters stay (they say what is shown) and the working controls go: "Jump to
    // time" and "Save CSV...". Thousands of rows: the columns keep their widths.
    void setPresenting(bool on) final;

Q_SIGNALS:
    void csvFinished(bool ok, const QString& message);
    void rowsShown(); // a new list of rows is in the model

protected:
    void showEvent(QShowEvent* event) final;

private:
    void buildFilters(QWidget* bar);
    void update();    // the selection's figures changed
    void refilter();  // the view's filters or order changed
    std::optional<ExchangeFilter> readFilter(QString* problem) const;
    void showRows(std::shared_ptr<const std::vector<std::uint32_t>> rows);
    void chooseCsvFile();

    SelectionJob* m_figures;
    std::shared_ptr<const Investigation> m_inv;
    std::shared_ptr<const std::vector<std::uint32_t>> m_matches; // the selection's
    std::shared_ptr<const std::vector<std::uint32_t>> m_rows;    // shown
    ExchangeFilter m_shownFilter;
    std::optional<std::int64_t> m_pendingJump;
    ExchangesModel* m_model;
    QTableView* m_view;
    QLabel* m_count;
    QString m_countText; // what the count says of the rows shown
    QLineEdit* m_account;
    QComboBox* m_campaign;
    QComboBox* m_modelFilter;
    QComboBox* m_capability;
    QLineEdit* m_family;
    QLineEdit* m_from;
    QLineEdit* m_to;
    QComboBox* m_order;
    QLineEdit* m_jump;
    QPushButton* m_save = nullptr;
    LazyUpdate* m_update;
    JobSlot* m_filterJob;
    JobSlot* m_csvJob;
    QProgressDialog* m_csvProgress = nullptr;
    bool m_sized = false; // columns sized to the first page shown
    TableState m_restored; // restored while empty: the widths for the first page to come
};

} // namespace hs
