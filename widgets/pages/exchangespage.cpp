// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchangespage.h"

#include "displaytext.h"

#include "exchangesmodel.h"
#include "job.h"
#include "lazyupdate.h"
#include "markerdelegate.h"
#include "timeutil.h"

#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace hs {
namespace {

// "2026-02-11 14:37", with or without seconds and " UTC"; always UTC.
std::optional<std::int64_t> parseUtc(QString text)
{
    text = text.trimmed();
    text.remove(QStringLiteral(" UTC"));
    for (const char* format : {"yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"}) {
        QDateTime t = QDateTime::fromString(text, QString::fromLatin1(format));
        if (t.isValid()) {
            t.setTimeSpec(Qt::UTC);
            return t.toSecsSinceEpoch();
        }
    }
    return std::nullopt;
}

QLineEdit* lineEdit(QWidget* parent, const QString& name, const QString& placeholder)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

QComboBox* comboBox(QWidget* parent, const QString& name, const QString& accessible)
{
    auto* box = new QComboBox(parent);
    box->setObjectName(name);
    box->setAccessibleName(accessible);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(10);
    return box;
}

} // namespace

ExchangesPage::ExchangesPage(SelectionJob* figures, QWidget* parent)
    : QWidget(parent), m_figures(figures), m_filterJob(new JobSlot(this)), m_csvJob(new JobSlot(this))
{
    m_model = new ExchangesModel(this);
    m_view = new QTableView(this);
    m_view->setTabKeyNavigation(false); // Tab leaves the table for the next control; arrows move within
    m_view->setObjectName(QStringLiteral("exchangesTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new MarkerDelegate(m_view)); // hidden characters as markers
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Exchanges of the selection"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("exchangesCount"));
    m_count->setTextFormat(Qt::PlainText);
    m_count->setWordWrap(true);
    auto* bar = new QWidget(this);
    buildFilters(bar);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(bar);
    layout->addWidget(m_count);
    layout->addWidget(m_view, 1);
    m_update = new LazyUpdate(this, [this] { update(); });
    connect(m_figures, &SelectionJob::updated, m_update, &LazyUpdate::request);
    connect(m_model, &ExchangesModel::errorChanged, this, [this] {
        m_count->setText(m_count->text() + QLatin1Char(' ') + tr("Reading failed: %1").arg(m_model->error()));
    });
    // Columns sized to the first page once: later selections keep the widths (measuring again costs
    // milliseconds on every change, and columns that keep their place are easier to read).
    connect(m_model, &ExchangesModel::pageRead, this, [this](int first) {
        if (first == 0 && !m_restored.header.isEmpty()) {
            // Hidden, the view cannot tell whether a scroll bar will take room from the stretched
            // last column: the widths stay the ones to report until it is shown (showEvent).
            restoreTableState(m_view, m_restored);
            if (isVisible())
                m_restored = {};
            m_sized = true;
        } else if (!m_sized) {
            m_view->resizeColumnsToContents();
            // Fitting gave the last column its contents' width too; stretching again takes it
            // back to the right edge (QHeaderView does not until the next resize).
            m_view->horizontalHeader()->setStretchLastSection(false);
            m_view->horizontalHeader()->setStretchLastSection(true);
            m_sized = true;
        }
    });
}

void ExchangesPage::buildFilters(QWidget* bar)
{
    m_account = lineEdit(bar, QStringLiteral("exchangesAccount"), tr("Account reference"));
    m_campaign = comboBox(bar, QStringLiteral("exchangesCampaign"), tr("Campaign"));
    m_modelFilter = comboBox(bar, QStringLiteral("exchangesModel"), tr("Model"));
    m_capability = comboBox(bar, QStringLiteral("exchangesCapability"), tr("Capability"));
    m_family = lineEdit(bar, QStringLiteral("exchangesFamily"), tr("Prompt family (fingerprint or id)"));
    m_from = lineEdit(bar, QStringLiteral("exchangesFrom"), tr("From (UTC)"));
    m_to = lineEdit(bar, QStringLiteral("exchangesTo"), tr("To (UTC)"));
    m_order = comboBox(bar, QStringLiteral("exchangesOrder"), tr("Order"));
    m_order->addItems({tr("Id order"), tr("Time order")});
    m_jump = lineEdit(bar, QStringLiteral("exchangesJump"), tr("Jump to time (UTC)"));
    auto* save = m_save = new QPushButton(tr("Save CSV..."), bar);
    save->setObjectName(QStringLiteral("exchangesSave"));
    connect(save, &QPushButton::clicked, this, &ExchangesPage::chooseCsvFile);
    for (QLineEdit* edit : {m_account, m_family, m_from, m_to})
        connect(edit, &QLineEdit::editingFinished, this, &ExchangesPage::refilter);
    for (QComboBox* box : {m_campaign, m_modelFilter, m_capability, m_order})
        connect(box, qOverload<int>(&QComboBox::activated), this, &ExchangesPage::refilter);
    connect(m_jump, &QLineEdit::returnPressed, this, [this] { jumpTo(m_jump->text()); });
    auto* grid = new QGridLayout(bar);
    grid->setContentsMargins(0, 0, 0, 0);
    const QList<QWidget*> first{m_account, m_campaign, m_modelFilter, m_capability, m_family};
    const QList<QWidget*> second{m_from, m_to, m_order, m_jump, save};
    for (int i = 0; i < first.size(); ++i)
        grid->addWidget(first[i], 0, i);
    for (int i = 0; i < second.size(); ++i)
        grid->addWidget(second[i], 1, i);
}

void ExchangesPage::setPresenting(bool on)
{
    m_jump->setVisible(!on);
    m_save->setVisible(!on);
}

QString ExchangesPage::countText() const { return m_count->text(); }

bool ExchangesPage::isBusy() const { return m_filterJob->isRunning() || m_csvJob->isRunning(); }

void ExchangesPage::setResults(std::shared_ptr<const Investigation> inv)
{
    m_inv = std::move(inv);
    m_matches.reset();
    m_rows.reset();
    m_filterJob->cancel();
    // The rows go and the new ones are still to come: the columns keep their widths for them (an
    // empty table has no scroll bar, so its last column would otherwise stretch differently).
    if (m_restored.header.isEmpty() && m_model->isRowRead(0))
        m_restored = tableState(m_view);
    m_model->setRows(nullptr, nullptr);
    const QSignalBlocker a(m_campaign), b(m_modelFilter), c(m_capability);
    m_campaign->clear();
    m_modelFilter->clear();
    m_capability->clear();
    m_campaign->addItem(tr("All campaigns"));
    m_modelFilter->addItem(tr("All models"));
    m_capability->addItem(tr("All capabilities"));
    if (!m_inv)
        return;
    for (const CampaignInfo& campaign : m_inv->campaigns)
        m_campaign->addItem(shownEvidence(campaign.name, 60)); // chosen by index, never by text
    m_campaign->addItem(tr("Organic baseline"));
    for (const ModelInfo& model : m_inv->models)
        m_modelFilter->addItem(shownEvidence(model.name, 60));
    for (const CapabilityInfo& capability : m_inv->capabilities)
        m_capability->addItem(shownEvidence(capability.name, 60));
}

void ExchangesPage::update()
{
    const auto figures = m_figures->figures();
    if (!m_inv || !figures)
        return;
    if (!m_inv->columns) {
        m_count->setText(tr("This file has no per-exchange columns (see the Findings panel): the exchange list is unavailable."));
        m_model->setRows(m_inv, nullptr);
        return;
    }
    m_matches = figures->matches;
    refilter();
}

// The filter boxes as a filter; nothing when one of them names nothing of this investigation.
std::optional<ExchangeFilter> ExchangesPage::readFilter(QString* problem) const
{
    ExchangeFilter f;
    f.byTime = m_order->currentIndex() == 1;
    if (const QString ref = m_account->text().trimmed(); !ref.isEmpty()) {
        for (std::uint32_t a = 0; a < m_inv->accounts.size() && !f.account; ++a)
            if (m_inv->accounts[a].externalRef == ref)
                f.account = a;
        if (!f.account)
            return *problem = tr("no account \"%1\"").arg(ref), std::nullopt;
    }
    if (m_campaign->currentIndex() > 0)
        f.group = static_cast<std::uint32_t>(m_campaign->currentIndex() - 1);
    if (m_modelFilter->currentIndex() > 0)
        f.model = static_cast<std::uint32_t>(m_modelFilter->currentIndex() - 1);
    if (m_capability->currentIndex() > 0)
        f.capability = static_cast<std::uint32_t>(m_capability->currentIndex() - 1);
    if (const QString family = m_family->text().trimmed(); !family.isEmpty()) {
        for (std::uint32_t t = 0; t < m_inv->templates.size() && !f.tmpl; ++t)
            if (m_inv->templates[t].fingerprint == family || QString::number(m_inv->templates[t].id) == family)
                f.tmpl = t;
        if (!f.tmpl)
            return *problem = tr("no prompt family \"%1\"").arg(family), std::nullopt;
    }
    const QString fromText = m_from->text().trimmed(), toText = m_to->text().trimmed();
    if (!fromText.isEmpty() || !toText.isEmpty()) {
        const auto from = fromText.isEmpty() ? std::optional<std::int64_t>(kMinTime) : parseUtc(fromText);
        const auto to = toText.isEmpty() ? std::optional<std::int64_t>(kMaxTime + 1) : parseUtc(toText);
        if (!from || !to)
            return *problem = tr("times are written 2026-02-11 14:37 (UTC)"), std::nullopt;
        f.range = TimeRange{*from, *to};
    }
    return f;
}

void ExchangesPage::refilter()
{
    if (!m_inv || !m_matches)
        return;
    QString problem;
    const std::optional<ExchangeFilter> filter = readFilter(&problem);
    if (!filter) {
        m_filterJob->cancel();
        m_shownFilter = {};
        showRows(std::make_shared<const std::vector<std::uint32_t>>());
        m_count->setText(tr("No exchanges: %1.").arg(problem));
        return;
    }
    m_shownFilter = *filter;
    if (*filter == ExchangeFilter{}) { // the selection's own list, in id order
        m_filterJob->cancel();
        return showRows(m_matches);
    }
    m_count->setText(tr("Filtering %1 exchanges…").arg(QLocale().toString(qulonglong(m_matches->size()))));
    m_filterJob->start([inv = m_inv, matches = m_matches, f = *filter](const ProgressSink& sink) {
        return filterExchanges(*inv, *matches, f, sink.cancelFlag());
    }, [this](std::shared_ptr<const std::vector<std::uint32_t>> rows) {
        if (rows)
            showRows(std::move(rows));
    });
}

void ExchangesPage::showRows(std::shared_ptr<const std::vector<std::uint32_t>> rows)
{
    m_rows = std::move(rows);
    m_model->setRows(m_inv, m_rows);
    const QLocale locale;
    const QString total = locale.toString(qulonglong(m_matches ? m_matches->size() : 0));
    const QString shown = locale.toString(qulonglong(m_rows->size()));
    const QString order = m_shownFilter.byTime ? tr("by time") : tr("by id");
    m_count->setText(m_rows == m_matches ? tr("%1 exchanges in the selection, %2.").arg(shown, order)
                                         : tr("%1 of %2 exchanges in the selection, %3.").arg(shown, total, order));
    if (!m_model->error().isEmpty()) // this file failed before; a new failure is added when it comes
        m_count->setText(m_count->text() + QLatin1Char(' ') + tr("Reading failed: %1").arg(m_model->error()));
    m_countText = m_count->text();
    if (m_pendingJump && m_shownFilter.byTime) {
        const std::size_t row = firstRowAtOrAfter(*m_inv, *m_rows, *std::exchange(m_pendingJump, std::nullopt));
        if (row < m_rows->size()) {
            const QModelIndex index = m_model->index(static_cast<int>(row), ExchangesModel::Time);
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index, QAbstractItemView::PositionAtTop);
        }
    } else {
        m_model->requestRows(0, ExchangesModel::kPage - 1); // the first page, for the columns' widths
    }
    Q_EMIT rowsShown();
}

void ExchangesPage::showAccount(const QString& externalRef)
{
    m_account->setText(externalRef);
    refilter();
}

void ExchangesPage::setTimeOrder(bool byTime)
{
    m_order->setCurrentIndex(byTime ? 1 : 0);
    refilter();
}

bool ExchangesPage::jumpTo(const QString& text)
{
    const std::optional<std::int64_t> t = parseUtc(text);
    if (!t || !m_inv || !m_matches) {
        m_count->setText(tr("Jump to: times are written 2026-02-11 14:37 (UTC)."));
        return false;
    }
    m_pendingJump = t;
    if (m_shownFilter.byTime && m_rows && m_model->rowCount() == int(m_rows->size()))
        showRows(m_rows); // already in time order: jump within it
    else
        setTimeOrder(true);
    return true;
}

void ExchangesPage::chooseCsvFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save exchanges as CSV"), QStringLiteral("exchanges.csv"),
                                                      tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    m_csvProgress = new QProgressDialog(tr("Saving %1 exchanges…").arg(QLocale().toString(m_model->rowCount())), tr("Cancel"),
                                        0, JobSlot::kProgressSteps, this);
    m_csvProgress->setAttribute(Qt::WA_DeleteOnClose);
    m_csvProgress->setMinimumDuration(300);
    connect(m_csvProgress, &QProgressDialog::canceled, m_csvJob, &JobSlot::cancel);
    connect(m_csvJob, &JobSlot::progress, m_csvProgress,
            [dialog = m_csvProgress](const QString&, double f) { dialog->setValue(int(f * JobSlot::kProgressSteps)); });
    connect(this, &ExchangesPage::csvFinished, m_csvProgress, &QWidget::close, Qt::SingleShotConnection);
    connect(m_csvProgress, &QProgressDialog::canceled, this, [this] {
        Q_EMIT csvFinished(false, tr("Saving the exchanges was cancelled; no file was written."));
    });
    saveCsv(path);
}

void ExchangesPage::saveCsv(const QString& path)
{
    m_csvJob->start(m_model->csvJob(path), [this, path](ExchangesModel::CsvResult r) {
        const QString message = r.ok ? tr("Saved %1 exchanges to %2").arg(QLocale().toString(qulonglong(r.rows)), path)
                                     : tr("The exchanges were not saved: %1").arg(r.error);
        m_count->setText(m_countText + QLatin1Char(' ') + message);
        Q_EMIT csvFinished(r.ok, message);
    });
}

void ExchangesPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_restored.header.isEmpty() && m_model->isRowRead(0))
        restoreTableState(m_view, std::exchange(m_restored, {}));
}

void ExchangesPage::restoreViewState(const PageState& state)
{
    if (state.tables.empty())
        return;
    restoreTableState(m_view, state.tables.front());
    // A new investigation's rows are still to come (counted, not read), and with them the columns:
    // they take these widths.
    m_restored = !m_model->isRowRead(0) ? state.tables.front() : TableState{};
}

} // namespace hs
