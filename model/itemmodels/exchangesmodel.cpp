// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchangesmodel.h"

#include "csv.h"
#include "evidencedb.h"
#include "job.h"
#include "smalltables.h"
#include "timeutil.h"

#include <QLocale>
#include <QSaveFile>

#include <limits>
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

// As every other time of the dashboard ("2026-02-11 14:37 UTC"), with the seconds an exchange has.
QString exchangeTime(std::int64_t ts)
{
    QString text = shortUtc(ts);
    const std::int64_t second = ((ts % 60) + 60) % 60;
    text.insert(text.size() - 4, QStringLiteral(":%1").arg(second, 2, 10, QLatin1Char('0')));
    return text;
}

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
    QHash<std::int64_t, ExchangesModel::Row> byId;
    while (st.next())
        byId.insert(st.integer(0), {st.integer(0), st.integer(1), st.integer(2), st.integer(3), optional(4), optional(5),
                                    optional(6), optional(7), optional(8)});
    if (st.failed())
        page.error = st.error();
    // In the order asked for (the view's: by id or by time), not SQLite's.
    for (const QString& id : ids)
        if (const auto it = byId.constFind(id.toLongLong()); it != byId.constEnd())
            page.rows.push_back(*it);
    return page;
}

} // namespace

ExchangesModel::ExchangesModel(QObject* parent) : QAbstractTableModel(parent), m_pages(new JobSlot(this)) {}

ExchangesModel::~ExchangesModel() = default;

bool ExchangesModel::isFetching() const { return m_pages->isRunning() || m_readQueued; }

void ExchangesModel::setRows(std::shared_ptr<const Investigation> inv, std::shared_ptr<const std::vector<std::uint32_t>> positions)
{
    beginResetModel();
    m_pages->cancel(); // a page of the old rows never arrives
    ++m_generation;
    if (!m_inv || !inv || m_inv->evidence.path != inv->evidence.path) {
        // The connection is opened by the first page job; dropping the old one closes it.
        m_reader = inv ? std::make_shared<Reader>(inv->evidence.path) : nullptr;
        m_error.clear();
    }
    if (inv && inv != m_inv)
        m_index = {indexById(inv->accounts), indexById(inv->models), indexById(inv->capabilities), indexById(inv->templates)};
    m_inv = std::move(inv);
    m_positions = (m_inv && m_inv->columns) ? std::move(positions) : nullptr;
    // A view cannot address more rows than an int holds (2^31: far beyond any evidence file).
    m_total = m_positions ? std::min<std::size_t>(m_positions->size(), std::numeric_limits<int>::max()) : 0;
    m_cache.clear();
    m_wanted.clear();
    endResetModel();
}

int ExchangesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_total);
}

int ExchangesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

bool ExchangesModel::isRowRead(int r) const { return r >= 0 && row(static_cast<std::size_t>(r)) != nullptr; }

const ExchangesModel::Row* ExchangesModel::row(std::size_t r) const
{
    const auto it = m_cache.find(r / kPage);
    if (it == m_cache.end() || r % kPage >= it->second.size())
        return nullptr;
    return &it->second[r % kPage];
}

void ExchangesModel::requestRows(int first, int last)
{
    if (!m_reader || !m_error.isEmpty() || m_total == 0 || last < first || first < 0)
        return;
    const std::size_t lastRow = std::min<std::size_t>(static_cast<std::size_t>(last), m_total - 1);
    for (std::size_t page = static_cast<std::size_t>(first) / kPage; page <= lastRow / kPage; ++page) {
        if (m_cache.count(page))
            continue;
        std::erase(m_wanted, page);
        m_wanted.push_back(page);
    }
    // Asked for from data() while a view paints: read after the paint, all pages it asked for at once.
    if (!m_wanted.empty() && !m_readQueued) {
        m_readQueued = true;
        QMetaObject::invokeMethod(this, [this] { readWanted(); }, Qt::QueuedConnection);
    }
}

// The newest pages asked for (at most four: a screen and a half), one job; a later request
// supersedes it and asks again for what is still wanted.
void ExchangesModel::readWanted()
{
    m_readQueued = false;
    if (m_wanted.empty() || !m_error.isEmpty())
        return;
    std::vector<std::size_t> pages(m_wanted.size() > 4 ? m_wanted.end() - 4 : m_wanted.begin(), m_wanted.end());
    std::vector<QStringList> ids(pages.size());
    const ExchangeColumns& columns = *m_inv->columns;
    for (std::size_t p = 0; p < pages.size(); ++p)
        for (std::size_t i = pages[p] * kPage; i < std::min(m_total, (pages[p] + 1) * kPage); ++i)
            ids[p] << QString::number(columns.idBase + columns.id[(*m_positions)[i]]);
    m_pages->start(
        [reader = m_reader, ids = std::move(ids)](const ProgressSink& sink) {
            std::vector<Page> read;
            for (const QStringList& page : ids) {
                if (sink.cancelled())
                    break;
                read.push_back(readPage(*reader, page));
                if (!read.back().error.isEmpty())
                    break;
            }
            return read;
        },
        [this, pages, generation = m_generation](std::vector<Page> read) {
            if (generation == m_generation)
                addPages(pages, std::move(read));
        });
}

void ExchangesModel::addPages(std::vector<std::size_t> pages, std::vector<Page> read)
{
    for (std::size_t p = 0; p < read.size(); ++p) {
        Page& page = read[p];
        if (!page.error.isEmpty() || page.rows.empty()) { // failed, or the rows are gone: stop rather than loop
            m_error = page.error.isEmpty() ? tr("the evidence no longer holds these exchanges") : page.error;
            m_wanted.clear();
            Q_EMIT errorChanged();
            return;
        }
        const std::size_t number = pages[p];
        std::erase(m_wanted, number);
        m_cache[number] = std::move(page.rows);
        const int first = static_cast<int>(number * kPage);
        const int last = static_cast<int>(std::min(m_total, (number + 1) * kPage) - 1);
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
        Q_EMIT pageRead(first, last);
    }
    // Bounded memory: the pages farthest from the newest one leave the cache.
    while (m_cache.size() > kCachedPages) {
        const std::size_t newest = pages.back();
        auto far = std::max_element(m_cache.begin(), m_cache.end(), [newest](const auto& a, const auto& b) {
            auto distance = [newest](std::size_t page) { return page > newest ? page - newest : newest - page; };
            return distance(a.first) < distance(b.first);
        });
        m_cache.erase(far);
    }
    if (!m_wanted.empty() && !m_readQueued) {
        m_readQueued = true;
        QMetaObject::invokeMethod(this, [this] { readWanted(); }, Qt::QueuedConnection);
    }
}

QString ExchangesModel::cell(const Investigation& inv, const Index& index, const Row& row, int column)
{
    const auto& [accounts, models, capabilities, templates] = index;
    const QLocale locale;
    auto number = [&](const std::optional<std::int64_t>& v) { return v ? locale.toString(qlonglong(*v)) : QString(); };
    switch (column) {
    case Id: return QString::number(row.id);
    case Time: return exchangeTime(row.ts);
    case Account: {
        const auto it = accounts.find(row.account);
        return it != accounts.end() ? inv.accounts[*it].externalRef : tr("(unknown %1)").arg(row.account);
    }
    case Campaign: {
        const auto it = accounts.find(row.account);
        if (it == accounts.end() || inv.accounts[*it].group == kNoIndex)
            return {};
        const std::uint32_t g = inv.accounts[*it].group;
        return g == inv.baselineGroup() ? tr("Organic baseline") : inv.campaigns[g].name;
    }
    case Model: {
        const auto it = models.find(row.model);
        return it != models.end() ? inv.models[*it].name : tr("(unknown %1)").arg(row.model);
    }
    case Capability: {
        if (!row.capability)
            return QStringLiteral("unclassified");
        const auto it = capabilities.find(*row.capability);
        return it != capabilities.end() ? inv.capabilities[*it].name : tr("(unknown %1)").arg(*row.capability);
    }
    case Template: {
        if (!row.tmpl)
            return {};
        const auto it = templates.find(*row.tmpl);
        return it != templates.end() ? inv.templates[*it].fingerprint : tr("(unknown %1)").arg(*row.tmpl);
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
    const Row* r = row(static_cast<std::size_t>(index.row()));
    if (!r) { // asked for by a view: read it, and show that it is on its way
        const_cast<ExchangesModel*>(this)->requestRows(index.row(), index.row());
        return index.column() == Id ? tr("…") : QString();
    }
    return cell(*r, index.column());
}

std::function<ExchangesModel::CsvResult(const ProgressSink&)> ExchangesModel::csvJob(const QString& path) const
{
    QStringList headers;
    for (int c = 0; c < ColumnCount; ++c)
        headers << headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    return [path, headers, inv = m_inv, index = m_index, positions = m_positions](const ProgressSink& sink) {
        CsvResult result;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            result.error = file.errorString();
            return result;
        }
        file.write(csvLine(headers));
        if (inv && positions && inv->columns) {
            Reader reader(inv->evidence.path); // its own connection: the view's pages go on being read
            const ExchangeColumns& columns = *inv->columns;
            constexpr std::size_t kChunk = 500;
            for (std::size_t from = 0; from < positions->size(); from += kChunk) {
                if (sink.cancelled()) {
                    result.cancelled = true;
                    file.cancelWriting();
                    return result;
                }
                QStringList ids;
                for (std::size_t i = from; i < std::min(positions->size(), from + kChunk); ++i)
                    ids << QString::number(columns.idBase + columns.id[(*positions)[i]]);
                const Page page = readPage(reader, ids);
                if (!page.error.isEmpty()) {
                    result.error = page.error;
                    file.cancelWriting();
                    return result;
                }
                // Rows come back in id order; the file keeps the model's (perhaps time) order.
                QHash<std::int64_t, const Row*> byId;
                for (const Row& r : page.rows)
                    byId.insert(r.id, &r);
                for (const QString& id : ids) {
                    const Row* r = byId.value(id.toLongLong());
                    if (!r)
                        continue;
                    QStringList cells;
                    for (int c = 0; c < ColumnCount; ++c)
                        cells << cell(*inv, index, *r, c);
                    file.write(csvLine(cells));
                    ++result.rows;
                }
                sink.report(tr("Saving exchanges"), double(std::min(positions->size(), from + kChunk)) / double(positions->size()));
            }
        }
        result.ok = file.commit();
        if (!result.ok)
            result.error = file.errorString();
        return result;
    };
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
