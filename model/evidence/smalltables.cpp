// SPDX-License-Identifier: GPL-3.0-or-later
#include "smalltables.h"

#include "flagreasons.h"
#include "idindex.h"
#include "schema.h"
#include "timeutil.h"

#include <sqlite3.h>

#include <QSet>

#include <map>

namespace hs {
namespace {

// Reads the spec's columns of one table (NULL for optional ones the file lacks), checks each
// value's storage class, and reports problems once per column with a count and the first row.
class RowReader
{
public:
    RowReader(const EvidenceDb& db, const QString& table, Findings& findings)
        : m_spec(tableSpec(table)), m_findings(findings)
    {
        QStringList select;
        for (const ColumnSpec& c : m_spec.columns)
            select << (hasColumn(db, table, c.name) ? c.name : QStringLiteral("NULL"));
        QString error;
        m_st = db.prepare(QStringLiteral("SELECT %1 FROM %2").arg(select.join(QStringLiteral(", ")), table), &error);
        if (!m_st.isValid())
            m_findings.error(QStringLiteral("unreadable-table"), error, table);
    }
    ~RowReader() { flush(); }
    RowReader(const RowReader&) = delete;
    RowReader& operator=(const RowReader&) = delete;

    bool next()
    {
        if (!m_st.next()) {
            if (m_st.failed())
                m_findings.error(QStringLiteral("corrupt"), m_st.error(), m_spec.name);
            return false;
        }
        m_id = m_st.integer(0);
        return true;
    }
    std::int64_t id() const { return m_id; }

    std::optional<std::int64_t> integer(const char* name)
    {
        const int c = indexOf(name);
        const int type = m_st.type(c);
        if (type == SQLITE_INTEGER)
            return m_st.integer(c);
        if (type != SQLITE_NULL || m_spec.columns[c].notNull)
            problem(c, type);
        return std::nullopt;
    }
    // A time column: an integer within the years 0001..9999 (timeutil.h), else an error.
    std::optional<std::int64_t> time(const char* name)
    {
        const auto value = integer(name);
        if (!value || timeInRange(*value))
            return value;
        m_rowOk = false;
        auto& p = m_outOfRange[indexOf(name)];
        if (p.count++ == 0)
            p.firstRow = m_id;
        return std::nullopt;
    }
    QString text(const char* name)
    {
        const int c = indexOf(name);
        const int type = m_st.type(c);
        if (type == SQLITE_NULL) {
            if (m_spec.columns[c].notNull)
                problem(c, type);
            return {};
        }
        if (type == SQLITE_BLOB)
            problem(c, type);
        return m_st.text(c); // integers and reals read as their text form
    }
    bool rowOk() const { return m_rowOk; }
    void startRow() { m_rowOk = true; }

private:
    int indexOf(const char* name) const
    {
        for (int i = 0; i < m_spec.columns.size(); ++i)
            if (m_spec.columns[i].name == QLatin1String(name))
                return i;
        Q_ASSERT(false);
        return 0;
    }
    void problem(int column, int type)
    {
        m_rowOk = false;
        auto& p = m_problems[column];
        if (p.count++ == 0) {
            p.firstRow = m_id;
            p.type = type;
        }
    }
    void flush()
    {
        for (const auto& [column, p] : m_problems) {
            const ColumnSpec& spec = m_spec.columns[column];
            const QString want = spec.kind == ColumnKind::Integer ? QStringLiteral("INTEGER") : QStringLiteral("TEXT");
            const QString found = p.type == SQLITE_NULL ? QStringLiteral("NULL")
                                  : p.type == SQLITE_TEXT ? QStringLiteral("TEXT")
                                  : p.type == SQLITE_FLOAT ? QStringLiteral("REAL")
                                  : p.type == SQLITE_BLOB ? QStringLiteral("BLOB") : QStringLiteral("INTEGER");
            m_findings.add({Severity::Error, QStringLiteral("wrong-type"), m_spec.name, spec.name, p.firstRow,
                            static_cast<qint64>(p.count),
                            QStringLiteral("%1 row(s) hold %2 where %3%4 is required")
                                .arg(p.count).arg(found, spec.notNull ? QStringLiteral("a non-NULL ") : QString(), want)});
        }
        m_problems.clear();
        for (const auto& [column, p] : m_outOfRange)
            m_findings.add({Severity::Error, QStringLiteral("out-of-range"), m_spec.name, m_spec.columns[column].name, p.firstRow,
                            static_cast<qint64>(p.count),
                            QStringLiteral("%1 row(s) hold a time outside the years 0001 to 9999").arg(p.count)});
        m_outOfRange.clear();
    }

    struct Problem
    {
        std::uint64_t count = 0;
        std::int64_t firstRow = -1;
        int type = 0;
    };
    const TableSpec& m_spec;
    Findings& m_findings;
    Statement m_st;
    std::int64_t m_id = 0;
    bool m_rowOk = true;
    std::map<int, Problem> m_problems;
    std::map<int, Problem> m_outOfRange;
};

// Counts references that point nowhere, reported once per column as a warning.
struct Dangling
{
    std::uint64_t count = 0;
    std::int64_t firstRow = -1;
    void note(std::int64_t row)
    {
        if (count++ == 0)
            firstRow = row;
    }
    void report(Findings& f, const QString& table, const QString& column, const QString& target,
                const QString& consequence) const
    {
        if (count == 0)
            return;
        f.add({Severity::Warning, QStringLiteral("dangling-reference"), table, column, firstRow,
               static_cast<qint64>(count),
               QStringLiteral("%1 row(s) refer to %2 ids that do not exist; %3").arg(count).arg(target, consequence)});
    }
};

} // namespace

bool hasColumn(const EvidenceDb& db, const QString& table, const QString& column)
{
    const QList<ColumnInfo> cols = db.columns(table);
    return std::any_of(cols.begin(), cols.end(), [&](const ColumnInfo& c) { return c.name == column; });
}

namespace {

bool checkMeta(const EvidenceDb& db, Findings& f)
{
    const QString meta = QStringLiteral("meta");
    Statement st = db.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'format'"));
    const QString format = st.next() ? st.text(0) : QString();
    if (format != QLatin1String("flagged-campaign-db")) {
        f.error(QStringLiteral("not-this-format"),
                format.isEmpty() ? QStringLiteral("meta has no 'format' key: this is not a flagged-campaign database")
                                 : QStringLiteral("meta 'format' is '%1', not 'flagged-campaign-db'").arg(format.left(80)),
                meta, QStringLiteral("value"));
        return false;
    }
    st = db.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'format_version'"));
    if (!st.next()) {
        f.error(QStringLiteral("missing-version"), QStringLiteral("meta has no 'format_version' key"), meta);
        return false;
    }
    const QString version = st.text(0).trimmed();
    bool ok = false;
    const int major = version.section(QLatin1Char('.'), 0, 0).toInt(&ok);
    if (!ok || major < 1) {
        f.error(QStringLiteral("bad-version"), QStringLiteral("meta 'format_version' is '%1', not a version number").arg(version.left(80)), meta);
        return false;
    }
    if (major > kSupportedFormatVersion) {
        f.error(QStringLiteral("newer-version"),
                QStringLiteral("format version %1 is newer than this Hydrascope reads (version %2); use a newer Hydrascope")
                    .arg(version.left(20)).arg(kSupportedFormatVersion), meta);
        return false;
    }
    return true;
}

void checkColumns(const EvidenceDb& db, const TableSpec& spec, Findings& f)
{
    const QList<ColumnInfo> have = db.columns(spec.name);
    for (const ColumnSpec& c : spec.columns) {
        const auto it = std::find_if(have.begin(), have.end(), [&](const ColumnInfo& i) { return i.name == c.name; });
        if (it == have.end()) {
            if (c.required)
                f.error(QStringLiteral("missing-column"), QStringLiteral("required column is missing"), spec.name, c.name);
            else
                f.note(QStringLiteral("optional-column-absent"), QStringLiteral("optional column is absent"), spec.name, c.name);
            continue;
        }
        if (declaredTypeFits(it->declaredType, c.kind))
            continue;
        const QString declared = it->declaredType.isEmpty() ? QStringLiteral("no type") : it->declaredType;
        const bool clash = c.kind == ColumnKind::Integer && declaredTypeFits(it->declaredType, ColumnKind::Text);
        f.add({clash ? Severity::Error : Severity::Warning, QStringLiteral("wrong-declared-type"), spec.name, c.name, -1, 1,
               QStringLiteral("declared as %1, expected %2").arg(declared.left(40),
                   c.kind == ColumnKind::Integer ? QStringLiteral("INTEGER") : QStringLiteral("TEXT"))});
    }
}

} // namespace

bool checkSchema(const EvidenceDb& db, Findings& f)
{
    const qsizetype errorsBefore = f.count(Severity::Error);
    if (!db.hasTable(QStringLiteral("meta"))) {
        f.error(QStringLiteral("missing-table"),
                QStringLiteral("required table is missing: this is not a flagged-campaign database"), QStringLiteral("meta"));
        return false;
    }
    checkColumns(db, tableSpec(QStringLiteral("meta")), f);
    if (f.count(Severity::Error) > errorsBefore || !checkMeta(db, f))
        return false;
    for (const TableSpec& spec : formatTables()) {
        if (spec.name == QLatin1String("meta"))
            continue;
        if (!db.hasTable(spec.name)) {
            // spec.name is one of the format's own names: safe to write into the query.
            const bool view = db.queryInteger(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND name = '%1'")
                                                  .arg(spec.name)).value_or(0) > 0;
            if (spec.required && view)
                f.error(QStringLiteral("missing-table"),
                        QStringLiteral("required table is a view: the format requires a table of recorded rows"), spec.name);
            else if (spec.required)
                f.error(QStringLiteral("missing-table"), QStringLiteral("required table is missing"), spec.name);
            else
                f.note(QStringLiteral("optional-table-absent"), QStringLiteral("optional table is absent"), spec.name);
            continue;
        }
        checkColumns(db, spec, f);
    }
    return f.count(Severity::Error) == errorsBefore;
}

namespace {

void loadModels(const EvidenceDb& db, Investigation& inv, Findings& f)
{
    RowReader r(db, QStringLiteral("models"), f);
    QSet<QString> names;
    while (r.next()) {
        r.startRow();
        ModelInfo m{r.id(), r.text("name"), r.time("released_at").value_or(0)};
        if (!r.rowOk())
            continue;
        if (names.contains(m.name))
            f.warning(QStringLiteral("duplicate-name"), QStringLiteral("model name '%1' is used twice").arg(m.name.left(80)),
                      QStringLiteral("models"), QStringLiteral("name"), m.id);
        names.insert(m.name);
        inv.models.push_back(std::move(m));
    }
}

void loadCapabilities(const EvidenceDb& db, Investigation& inv, Findings& f)
{
    inv.hasCapabilities = db.hasTable(QStringLiteral("capabilities"));
    inv.unclassified = kNoIndex;
    if (inv.hasCapabilities) {
        RowReader r(db, QStringLiteral("capabilities"), f);
        while (r.next()) {
            r.startRow();
            CapabilityInfo c{r.id(), r.text("name"), r.text("description")};
            if (r.rowOk())
                inv.capabilities.push_back(std::move(c));
        }
    }
    for (std::size_t i = 0; i < inv.capabilities.size(); ++i)
        if (inv.capabilities[i].name == QLatin1String("unclassified"))
            inv.unclassified = static_cast<std::uint32_t>(i);
    if (inv.unclassified == kNoIndex) {
        inv.unclassified = static_cast<std::uint32_t>(inv.capabilities.size());
        inv.capabilities.push_back({-1, QStringLiteral("unclassified"), QStringLiteral("No capability recorded"), true});
    }
}

void loadCampaigns(const EvidenceDb& db, Investigation& inv, Findings& f)
{
    RowReader r(db, QStringLiteral("campaigns"), f);
    while (r.next()) {
        r.startRow();
        CampaignInfo c{r.id(), r.text("name"), r.text("attributed_to"), r.text("status"),
                       r.time("first_flagged_at"), r.text("summary")};
        if (r.rowOk())
            inv.campaigns.push_back(std::move(c));
    }
}

void loadClusters(const EvidenceDb& db, Investigation& inv, Findings& f)
{
    if (!db.hasTable(QStringLiteral("clusters")))
        return;
    RowReader r(db, QStringLiteral("clusters"), f);
    while (r.next()) {
        r.startRow();
        ClusterInfo c{r.id(), r.text("name"), r.text("kind")};
        if (r.rowOk())
            inv.clusters.push_back(std::move(c));
    }
}

void loadAccounts(const EvidenceDb& db, Investigation& inv, Findings& f)
{
    const IdIndex campaigns = indexOfIds(inv.campaigns);
    const IdIndex clusters = indexOfIds(inv.clusters);
    Dangling badCampaign, badCluster;
    RowReader r(db, QStringLiteral("accounts"), f);
    while (r.next()) {
        r.startRow();
        AccountInfo a;
        a.id = r.id();
        a.externalRef = r.text("external_ref");
        const auto campaign = r.integer("campaign_id");
        const auto cluster = r.integer("cluster_id");
        a.createdAt = r.time("created_at");
        a.country = r.text("country");
        a.accessPath = r.text("access_path");
        a.paymentFingerprint = r.text("payment_fingerprint");
        a.status = r.text("status");
        a.statusChangedAt = r.integer("status_changed_at");
        a.clusterId = cluster;
        if (!r.rowOk())
            continue;
        a.group = campaign ? campaigns.find(*campaign) : inv.baselineGroup();
        if (a.group == IdIndex::kMissing)
            badCampaign.note(a.id);
        if (cluster) {
            a.cluster = clusters.find(*cluster);
            if (a.cluster == IdIndex::kMissing)
                badCluster.note(a.id);
        }
        inv.accounts.push_back(std::move(a));
    }
    const QString t = QStringLiteral("accounts");
    badCampaign.report(f, t, QStringLiteral("campaign_id"), QStringLiteral("campaign"),
                       QStringLiteral("those accounts count in no campaign and not in the baseline"));
    badCluster.report(f, t, QStringLiteral("cluster_id"), QStringLiteral("cluster"),
                      QStringLiteral("those accounts are shown without a cluster"));
}

void loadTemplates(const EvidenceDb& db, Investigation& inv, Findings& f)
{
    if (!db.hasTable(QStringLiteral("templates")))
        return;
    RowReader r(db, QStringLiteral("templates"), f);
    while (r.next()) {
        r.startRow();
        TemplateInfo t{r.id(), r.text("fingerprint"), r.text("sample")};
        if (r.rowOk())
            inv.templates.push_back(std::move(t));
    }
}

void loadIndicators(const EvidenceDb& db, Investigation& inv, Findings& f)
{
    if (!db.hasTable(QStringLiteral("indicators")))
        return;
    const IdIndex accounts = indexOfIds(inv.accounts);
    Dangling badAccount;
    RowReader r(db, QStringLiteral("indicators"), f);
    while (r.next()) {
        r.startRow();
        IndicatorInfo i{r.id(), kNoIndex, {}, {}};
        const auto account = r.integer("account_id");
        i.kind = r.text("kind");
        i.value = r.text("value");
        if (!r.rowOk())
            continue;
        i.account = accounts.find(*account);
        if (i.account == IdIndex::kMissing) {
            badAccount.note(i.id);
            continue;
        }
        inv.indicators.push_back(std::move(i));
    }
    badAccount.report(f, QStringLiteral("indicators"), QStringLiteral("account_id"), QStringLiteral("account"),
                      QStringLiteral("those indicators are ignored"));
}

// One value at a time: a value longer than SQLite's length limit (64 MB here) fails its own row,
// which is then named in a warning instead of ending the loop without a word.
void loadMeta(const EvidenceDb& db, Investigation& inv, Findings& f)
{
    const QString meta = QStringLiteral("meta");
    Statement keys = db.prepare(QStringLiteral("SELECT rowid, key FROM meta"));
    Statement value = db.prepare(QStringLiteral("SELECT value FROM meta WHERE rowid = ?1"));
    while (keys.next()) {
        const QString key = keys.text(1);
        value.reset();
        value.bind(1, keys.integer(0));
        if (value.next())
            inv.meta.insert(key, value.text(0));
        else if (value.failed())
            f.warning(QStringLiteral("value-left-out"),
                      QStringLiteral("meta '%1' cannot be read (%2): it is left out").arg(key.left(80), value.error()), meta,
                      QStringLiteral("value"), keys.integer(0));
    }
    if (keys.failed())
        f.warning(QStringLiteral("value-left-out"),
                  QStringLiteral("meta cannot be read to its end (%1): the rest is left out").arg(keys.error()), meta);
}

} // namespace

void loadSmallTables(const EvidenceDb& db, Investigation& inv, Findings& f)
{
    loadMeta(db, inv, f);
    loadModels(db, inv, f);
    loadCapabilities(db, inv, f);
    loadCampaigns(db, inv, f);
    loadClusters(db, inv, f);
    loadAccounts(db, inv, f);
    inv.hasStatusChangedAt = hasColumn(db, QStringLiteral("accounts"), QStringLiteral("status_changed_at"));
    loadTemplates(db, inv, f);
    loadIndicators(db, inv, f);
    loadFlagReasons(db, inv, f);
}

} // namespace hs
