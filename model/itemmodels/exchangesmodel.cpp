// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchangesmodel.h"

#include "evidencedb.h"
#include "job.h"
#include "smalltables.h"
#include "timeutil.h"

#include <QLocale>

#include <mutex>

namespace hs {
namespace {

template<typename T>
QHash<std::int64_t, std::uint32_t> indexById(const std::vector<T>& rows)
{
    QHash<std::int64_t, std::uint32_t> index;
    for (std::size_t i = 0; i < rows.size(); ++i)
        index.insert(rows[i].id, static_cast<std::uint32_t>(i));
    return index;
}

} // namespace

// Opened by the first page job, on the pool; the mutex keeps a superseded page job (still
// running) and the next one apart.
struct ExchangesModel::Reader
{
    explicit Reader(QString p) : path(std::move(p)) {}
    const QString path;
    std::mutex mutex;
    bool opened = false;
    std::unique_ptr<EvidenceDb> db;
    QString columns; // the optional columns, or NULL where the file lacks one
    QString error;   // opening failed
};

namespace {

// One page: a few hundred rowid lookups, each a B-tree descent, never a table scan.
ExchangesModel::Page readPage(ExchangesModel::Reader& reader, const QStringList& ids)
{
    std::lock_guard lock(reader.mutex);
    ExchangesModel::Page page;
    if (!reader.opened) {
        reader.opened = true;
        reader.db = EvidenceDb::open(reader.path, &reader.error);
        if (reader.db) {
            const QString ex = QStringLiteral("exchanges");
            QStringList columns;
            for (const char* name : {"capability_id", "template_id", "prompt_tokens", "completion_tokens", "cot_elicitation"}) {
                const QString n = QString::fromLatin1(name);
                columns << (hasColumn(*reader.db, ex, n) ? n : QStringLiteral("NULL"));
            }
            reader.columns = columns.join(QStringLiteral(", "));
        }
    }
    if (!reader.db) {
        page.error = reader.error;
        return page;
    }
    const QString sql = QStringLiteral("SELECT id, ts, account_id, model_id, %1 FROM exchanges WHERE id IN (%2) ORDER BY id")
                            .arg(reader.columns, ids.join(QLatin1Char(',')));
    Statement st = reader.db->prepare(sql, &page.error);
    auto optional = [&st](int c) { return st.isNull(c) ? std::nullopt : std::optional<std::int64_t>(st.integer(c)); };
    while (st.next())
        page.rows.push_back({st.integer(0), st.integer(1), st.integer(2), st.integer(3), optional(4), optional(5),
                             optional(6), optional(7), optional(8)});
    if (st.failed())
        page.error = st.error();
    return page;
}

} // namespace

ExchangesModel::ExchangesModel(QObject* parent) : QAbstractTableModel(parent), m_pages(new JobSlot(this)) {}

ExchangesModel::~ExchangesModel() = default;

bool ExchangesModel::isFetching() const { return m_pages->isRunning(); }

void ExchangesModel::setRows(std::shared_ptr<const Investigation> inv, std::shared_ptr<const std::vector<std::uint32_t>> positions)
{
    beginResetModel();
    m_pages->cancel(); // a page of the old rows never arrives
    if (!m_inv || !inv || m_inv->evidence.path != inv->evidence.path) {
        // The connection is opened by the first page job; dropping the old one closes it.
        m_reader = inv ? std::make_shared<Reader>(inv->evidence.path) : nullptr;
        m_error.clear();
    }
    if (inv && inv != m_inv)
        m_index = {indexById(inv->accounts), indexById(inv->models), indexById(inv->capabilities), indexById(inv->templates)};
    m_inv = std::move(inv);
    m_positions = (m_inv && m_inv->columns) ? std::move(positions) : nullptr;
    m_total = m_positions ? m_positions->size() : 0;
    m_rows.clear();
    endResetModel();
}

int ExchangesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ExchangesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

bool ExchangesModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_reader && m_error.isEmpty() && m_rows.size() < m_total;
}

void ExchangesModel::fetchMore(const QModelIndex& parent)
{
    // One page in flight at a time; it arrives through the event loop, so rows are never inserted
    // within the caller (views and the model tester ask for more inside their own notifications).
    if (!canFetchMore(parent) || m_pages->isRunning())
        return;
    const std::size_t from = m_rows.size();
    const std::size_t to = std::min(m_total, from + kPage);
    QStringList ids;
    const ExchangeColumns& columns = *m_inv->columns;
    for (std::size_t i = from; i < to; ++i)
        ids << QString::number(columns.idBase + columns.id[(*m_positions)[i]]);
    m_pages->start([reader = m_reader, ids](const ProgressSink&) { return readPage(*reader, ids); },
                   [this, from](Page page) { addPage(from, std::move(page)); });
}

void ExchangesModel::addPage(std::size_t from, Page page)
{
    if (from != m_rows.size())
        return; // cannot happen: a reset cancels the page job
    if (!page.error.isEmpty()) {
        m_error = page.error;
        Q_EMIT errorChanged();
    }
    if (page.rows.empty()) { // failed, or the file no longer has these rows: stop fetching rather than loop
        m_total = from;
        return;
    }
    beginInsertRows({}, static_cast<int>(from), static_cast<int>(from + page.rows.size() - 1));
    m_rows.insert(m_rows.end(), std::make_move_iterator(page.rows.begin()), std::make_move_iterator(page.rows.end()));
    endInsertRows();
}

QString ExchangesModel::cell(const Row& row, int column) const
{
    const auto& [accounts, models, capabilities, templates] = m_index;
    const QLocale locale;
    auto number = [&](const std::optional<std::int64_t>& v) { return v ? locale.toString(qlonglong(*v)) : QString(); };
    switch (column) {
    case Id: return QString::number(row.id);
    case Time: return isoUtc(row.ts);
    case Account: {
        const auto it = accounts.find(row.account);
        return it != accounts.end() ? m_inv->accounts[*it].externalRef : tr("(unknown %1)").arg(row.account);
    }
    case Campaign: {
        const auto it = accounts.find(row.account);
        if (it == accounts.end() || m_inv->accounts[*it].group == kNoIndex)
            return {};
        const std::uint32_t g = m_inv->accounts[*it].group;
        return g == m_inv->baselineGroup() ? tr("Organic baseline") : m_inv->campaigns[g].name;
    }
    case Model: {
        const auto it = models.find(row.model);
        return it != models.end() ? m_inv->models[*it].name : tr("(unknown %1)").arg(row.model);
    }
    case Capability: {
        if (!row.capability)
            return QStringLiteral("unclassified");
        const auto it = capabilities.find(*row.capability);
        return it != capabilities.end() ? m_inv->capabilities[*it].name : tr("(unknown %1)").arg(*row.capability);
    }
    case Template: {
        if (!row.tmpl)
            return {};
        const auto it = templates.find(*row.tmpl);
        return it != templates.end() ? m_inv->templates[*it].fingerprint : tr("(unknown %1)").arg(*row.tmpl);
    }
    case PromptTokens: return number(row.promptTokens);
    case CompletionTokens: return number(row.completionTokens);
    case Cot: return row.cot ? (*row.cot ? tr("yes") : tr("no")) : QString();
    }
    return {};
}

QVariant ExchangesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role == Qt::TextAlignmentRole)
        return (index.column() == Id || index.column() == PromptTokens || index.column() == CompletionTokens)
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    return cell(m_rows[static_cast<std::size_t>(index.row())], index.column());
}

QVariant ExchangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    static const char* const titles[ColumnCount] = {
        QT_TR_NOOP("Id"), QT_TR_NOOP("Time (UTC)"), QT_TR_NOOP("Account"), QT_TR_NOOP("Campaign"), QT_TR_NOOP("Model"),
        QT_TR_NOOP("Capability"), QT_TR_NOOP("Prompt family"), QT_TR_NOOP("Prompt tokens"), QT_TR_NOOP("Completion tokens"),
        QT_TR_NOOP("CoT asked")};
    return tr(titles[section]);
}

} // namespace hs
