// SPDX-License-Identifier: GPL-3.0-or-later
#include "generator.h"

#include "generatorbans.h"
#include "generatorrandom.h"
#include "generatorstory.h"
#include "generatorvariation.h"
#include "investigationschema.h"

#include <QCoreApplication>
#include <QFile>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace hs {
namespace {

using generator::Picker;
using generator::Rng;
using story::kHostileSamples;
using story::kSamples;

struct Failure : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

class Statement
{
public:
    Statement(sqlite3* db, const char* sql) : m_db(db)
    {
        if (sqlite3_prepare_v2(db, sql, -1, &m_st, nullptr) != SQLITE_OK)
            throw Failure(sqlite3_errmsg(db));
    }
    ~Statement() { sqlite3_finalize(m_st); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& bind(int i, std::int64_t v)
    {
        sqlite3_bind_int64(m_st, i, v);
        return *this;
    }
    Statement& bind(int i, const QString& v)
    {
        const QByteArray utf8 = v.toUtf8();
        sqlite3_bind_text(m_st, i, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bindNull(int i)
    {
        sqlite3_bind_null(m_st, i);
        return *this;
    }
    void run()
    {
        if (sqlite3_step(m_st) != SQLITE_DONE)
            throw Failure(sqlite3_errmsg(m_db));
        sqlite3_reset(m_st);
    }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_st = nullptr;
};

void exec(sqlite3* db, const char* sql)
{
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw Failure(message);
    }
}


} // namespace

namespace {

constexpr int kBaseline = 3; // group index of the organic baseline; 0..2 are the campaigns

struct Group
{
    double exchanges = 0;
    std::vector<std::int64_t> accounts; // account ids
    Picker accountPicker;
    std::vector<std::vector<std::int64_t>> templates; // per capability: template ids
    std::vector<Picker> templatePickers;             // per capability: Zipf-like popularity
    Picker capabilityPicker;
    double cot = 0;
    double pivotCap = 0;
    std::int64_t from = story::kStart, to = story::kEnd;
};

class Generator
{
public:
    Generator(sqlite3* db, const GenerateOptions& options, const GenerateProgress& progress, const std::atomic<bool>* cancel)
        : m_db(db), m_rng(options.seed), m_progress(progress), m_cancel(cancel)
    {
        m_scale = options.scale == GenerateScale::Full ? 1.0 : options.scale == GenerateScale::Demo ? 0.01 : 0.0002;
        m_scaleName = options.scale == GenerateScale::Full ? "full" : options.scale == GenerateScale::Demo ? "demo" : "tiny";
        m_seed = options.seed;
        m_varied = options.varied;
        for (int g = 0; g < 3; ++g)
            m_vary[g] = m_varied ? generator::variedCampaign(m_seed, g) : generator::fixedVariation();
    }
    void run(GenerateResult& result);

private:
    void writeMeta();
    void writeReferenceTables();
    void writeAccounts();
    void writeAccount(Statement& st, Statement& ind, int group, std::int64_t id);
    void writeTemplates();
    void writeExchanges();
    void writeHour(Statement& st, int group, std::int64_t hour, std::int64_t count);
    std::int64_t pickModel(int group, std::int64_t ts);
    double hourWeight(int group, std::int64_t hour);
    void progress(double fraction);

    sqlite3* m_db;
    Rng m_rng;
    const GenerateProgress& m_progress;
    const std::atomic<bool>* m_cancel;
    double m_scale = 1;
    const char* m_scaleName = "demo";
    std::uint64_t m_seed = 0;
    bool m_varied = false;
    generator::CampaignVariation m_vary[3];
    std::vector<char> m_looksOrganic; // by account id: a campaign account that tries to look organic
    Group m_groups[4];
    generator::BanPlan m_bans; // generatorbans.h: who is banned when, and who replaces them
    std::vector<std::vector<std::int64_t>> m_paymentPools;
    std::int64_t m_nextExchange = 1;
    std::int64_t m_nextIndicator = 1;
    std::int64_t m_accounts = 0;
    std::chrono::steady_clock::time_point m_lastProgress{};
};

void Generator::progress(double fraction)
{
    if (m_cancel && m_cancel->load())
        throw Failure("cancelled");
    const auto now = std::chrono::steady_clock::now();
    if (m_progress && now - m_lastProgress > std::chrono::milliseconds(100)) {
        m_lastProgress = now;
        m_progress(fraction);
    }
}

void Generator::writeMeta()
{
    Statement st(m_db, "INSERT INTO meta(key, value) VALUES(?1, ?2)");
    const std::pair<const char*, QString> rows[] = {
        {"format", QStringLiteral("flagged-campaign-db")},
        {"format_version", QStringLiteral("1")},
        {"source", QStringLiteral("hydrascope generate (synthetic data)")},
        {"exported_at", QStringLiteral("2026-02-24T09:00:00Z")},
        {"title", QStringLiteral("Synthetic investigation: three distillation campaigns (SYNTHETIC DATA)")},
        {"synthetic", QStringLiteral("1")},
        {"generator_seed", QString::number(m_seed)},
        {"generator_scale", QString::fromLatin1(m_scaleName)},
    };
    for (const auto& [key, value] : rows)
        st.bind(1, QString::fromLatin1(key)).bind(2, value).run();
    if (m_varied)
        st.bind(1, QStringLiteral("generator_varied")).bind(2, QStringLiteral("1")).run();
}

void Generator::writeReferenceTables()
{
    Statement models(m_db, "INSERT INTO models(id, name, released_at) VALUES(?1, ?2, ?3)");
    for (std::size_t i = 0; i < story::kModels.size(); ++i)
        models.bind(1, std::int64_t(i + 1)).bind(2, QString::fromLatin1(story::kModels[i].name)).bind(3, story::kModels[i].releasedAt).run();
    Statement caps(m_db, "INSERT INTO capabilities(id, name, description) VALUES(?1, ?2, ?3)");
    for (std::size_t i = 0; i < story::kCapabilities.size(); ++i)
        caps.bind(1, std::int64_t(i + 1)).bind(2, QString::fromLatin1(story::kCapabilities[i].first))
            .bind(3, QString::fromLatin1(story::kCapabilities[i].second)).run();
    Statement campaigns(m_db, "INSERT INTO campaigns(id, name, attributed_to, status, first_flagged_at, summary) "
                              "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    for (std::size_t i = 0; i < story::kCampaigns.size(); ++i) {
        const story::CampaignSpec& c = story::kCampaigns[i];
        campaigns.bind(1, std::int64_t(i + 1)).bind(2, QString::fromUtf8(c.name)).bind(3, QString::fromUtf8(c.attributedTo))
            .bind(4, QString::fromLatin1(c.status)).bind(5, c.from + 9 * 86400).bind(6, QString::fromUtf8(c.summary)).run();
        Group& g = m_groups[i];
        g.exchanges = c.exchanges * m_scale;
        g.capabilityPicker = Picker(c.capabilityWeights);
        g.cot = c.cotRate;
        g.pivotCap = c.pivotCap;
        g.from = c.from;
        g.to = c.to;
    }
    Group& b = m_groups[kBaseline];
    b.exchanges = story::kBaselineExchanges * m_scale;
    b.capabilityPicker = Picker(story::kBaselineCapabilities);
    b.cot = story::kBaselineCot;
    Statement clusters(m_db, "INSERT INTO clusters(id, name, kind) VALUES(?1, ?2, ?3)");
    clusters.bind(1, 1).bind(2, QStringLiteral("Hydra-7 proxy network")).bind(3, QStringLiteral("proxy_network")).run();
    clusters.bind(1, 2).bind(2, QStringLiteral("Northgate reseller")).bind(3, QStringLiteral("reseller")).run();
    // A right-to-left mark inside a name: readers must show it as data, not reorder the UI.
    clusters.bind(1, 3).bind(2, QStringLiteral("Quietwire \u200Fresidential proxies")).bind(3, QStringLiteral("residential_proxy")).run();
    clusters.bind(1, 4).bind(2, QStringLiteral("Eastbay cloud tenancy")).bind(3, QStringLiteral("cloud_tenant")).run();
}

namespace {

// Cluster membership odds per group: Hydra-7, Northgate, Quietwire, Eastbay (the rest: none).
const double kClusterOdds[4][4] = {{0, 0.7, 0, 0.2}, {0.65, 0.15, 0.1, 0}, {0.85, 0, 0.1, 0}, {0.35, 0, 0.02, 0.03}};
const int kPaymentPool[3] = {6, 40, 120};
const int kMinAccounts[4] = {8, 10, 12, 15};

template<typename T>
const T& oneOf(Rng& rng, const std::vector<T>& items)
{
    return items[static_cast<std::size_t>(rng.below(static_cast<std::int64_t>(items.size())))];
}

} // namespace

void Generator::writeAccounts()
{
    Statement st(m_db, "INSERT INTO accounts(id, external_ref, campaign_id, cluster_id, created_at, country, "
                       "access_path, payment_fingerprint, status) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    Statement ind(m_db, "INSERT INTO indicators(id, account_id, kind, value) VALUES(?1, ?2, ?3, ?4)");
    m_paymentPools.resize(3);
    for (int g = 0; g < 3; ++g) {
        int pool = kPaymentPool[g];
        if (m_vary[g].accountsPerPayment > 0) {
            const auto accounts = std::max<std::int64_t>(kMinAccounts[g], std::llround(story::kCampaigns[std::size_t(g)].accounts * m_scale));
            pool = int(std::max<std::int64_t>(1, std::llround(double(accounts) / m_vary[g].accountsPerPayment)));
        }
        for (int i = 0; i < pool; ++i)
            m_paymentPools[static_cast<std::size_t>(g)].push_back(static_cast<std::int64_t>(m_rng.next() >> 1));
    }
    std::int64_t id = 1;
    for (int g = 0; g < 4; ++g) {
        const double full = g == kBaseline ? story::kBaselineAccounts : story::kCampaigns[static_cast<std::size_t>(g)].accounts;
        const auto count = std::max<std::int64_t>(kMinAccounts[g], std::llround(full * m_scale));
        std::vector<double> weights;
        for (std::int64_t i = 0; i < count; ++i, ++id) {
            writeAccount(st, ind, g, id);
            const double u = m_rng.uniform();
            weights.push_back(g == kBaseline ? 1.0 / (0.05 + u) : 0.3 + 1.7 * u);
        }
        m_groups[g].accountPicker = Picker(weights);
    }
    m_accounts = id - 1;
}

void Generator::writeAccount(Statement& st, Statement& ind, int g, std::int64_t id)
{
    const bool baseline = g == kBaseline;
    Group& group = m_groups[g];
    group.accounts.push_back(id);
    // Drawn only with --varied, so that the default story's random stream is unchanged.
    const bool looksOrganic = m_varied && !baseline && m_rng.chance(m_vary[g].evasiveShare);
    if (m_looksOrganic.size() <= std::size_t(id))
        m_looksOrganic.resize(std::size_t(id) + 1, 0);
    m_looksOrganic[std::size_t(id)] = looksOrganic;
    QString ref = QStringLiteral("acct_") + m_rng.hex(12);
    if (id == 7) // one hostile reference: markup must stay text everywhere it is shown
        ref = QStringLiteral("acct_<img src=x onerror=alert(1)>");
    st.bind(1, id).bind(2, ref);
    if (baseline)
        st.bindNull(3);
    else
        st.bind(3, g + 1);
    double u = m_rng.uniform();
    int cluster = 0;
    for (int c = 0; c < 4 && cluster == 0; ++c) {
        if (u < kClusterOdds[g][c])
            cluster = c + 1;
        u -= kClusterOdds[g][c];
    }
    cluster ? st.bind(4, cluster) : st.bindNull(4);
    st.bind(5, group.from - 86400 * (3 + m_rng.below(baseline ? 700 : 40)));
    const bool evasive = !baseline && m_rng.chance(0.8);
    st.bind(6, QString::fromLatin1(evasive ? oneOf(m_rng, story::kCampaignCountries) : oneOf(m_rng, story::kBaselineCountries)));
    const double p = m_rng.uniform();
    const char* path = baseline ? (p < 0.6 ? "api" : p < 0.9 ? "consumer" : p < 0.98 ? "cloud" : "reseller")
                                : (p < 0.55 ? "reseller" : p < 0.9 ? "cloud" : "api");
    st.bind(7, QString::fromLatin1(path));
    const std::int64_t payment = baseline || looksOrganic ? static_cast<std::int64_t>(m_rng.next() >> 1)
                                          : oneOf(m_rng, m_paymentPools[static_cast<std::size_t>(g)]);
    const QString fingerprint = QStringLiteral("pf_") + QString::number(payment, 16);
    st.bind(8, fingerprint);
    const double s = m_rng.uniform();
    st.bind(9, QString::fromLatin1(baseline ? (s < 0.97 ? "active" : "suspended") : (s < 0.6 ? "banned" : s < 0.85 ? "suspended" : "active")));
    st.run();

    // Indicators: campaign accounts share payment methods, address blocks, ASNs and clients.
    auto add = [&](const char* kind, const QString& value) {
        ind.bind(1, m_nextIndicator++).bind(2, id).bind(3, QString::fromLatin1(kind)).bind(4, value).run();
    };
    add("payment", fingerprint);
    if (baseline || looksOrganic) {
        add("ip", QStringLiteral("2001:db8:%1::%2").arg(m_rng.below(65535), 0, 16).arg(m_rng.below(65535), 0, 16));
        add("asn", QStringLiteral("AS%1").arg(64496 + m_rng.below(16)));
        add("user_agent", QStringLiteral("client-sdk/%1.%2").arg(1 + m_rng.below(4)).arg(m_rng.below(20)));
        if (m_rng.chance(0.5))
            add("email_domain", QStringLiteral("mail%1.example.org").arg(m_rng.below(5000)));
        return;
    }
    const char* block = g == 0 ? "192.0.2" : g == 1 ? "198.51.100" : "203.0.113";
    add("ip", QStringLiteral("%1.%2").arg(QString::fromLatin1(block)).arg(1 + m_rng.below(g == 2 ? 200 : 60)));
    add("asn", QStringLiteral("AS%1").arg(64500 + g * 2 + m_rng.below(2)));
    add("user_agent", g == 2 ? QStringLiteral("python-httpx/0.27 hydra-runner/2.3") : QStringLiteral("node-fetch/3.3 batchkit/%1").arg(g));
    if (m_rng.chance(0.5))
        add("email_domain", QStringLiteral("relay%1.example.net").arg(g * 10 + m_rng.below(3)));
}

namespace {

} // namespace

void Generator::writeTemplates()
{
    Statement st(m_db, "INSERT INTO templates(id, fingerprint, sample) VALUES(?1, ?2, ?3)");
    std::int64_t id = 1;
    int hostile = 0;
    for (int g = 0; g < 4; ++g) {
        Group& group = m_groups[g];
        const int full = g == kBaseline ? 2000 : story::kCampaigns[static_cast<std::size_t>(g)].templates;
        const double factor = g == kBaseline ? 1.0 : m_vary[g].templateFactor;
        const int count = std::max(12, static_cast<int>(std::lround(factor * full * std::min(1.0, m_scale * (g == kBaseline ? 20 : 100)))));
        const std::vector<double>& capWeights = g == kBaseline ? story::kBaselineCapabilities
                                                               : story::kCampaigns[static_cast<std::size_t>(g)].capabilityWeights;
        group.templates.assign(capWeights.size(), {});
        group.templatePickers.assign(capWeights.size(), Picker());
        double weightSum = 0;
        for (double w : capWeights)
            weightSum += w;
        for (std::size_t c = 0; c < capWeights.size(); ++c) {
            if (capWeights[c] <= 0)
                continue;
            const int n = std::max(1, static_cast<int>(std::lround(count * capWeights[c] / weightSum)));
            std::vector<double> popularity;
            for (int k = 0; k < n; ++k, ++id) {
                QString sample = QString::fromUtf8(kSamples[c]).arg(id);
                if (g == 2 && k == 1 && hostile < 3)
                    sample = QString::fromUtf8(kHostileSamples[hostile++]);
                st.bind(1, id).bind(2, QStringLiteral("tpl_") + m_rng.hex(16)).bind(3, sample).run();
                group.templates[c].push_back(id);
                popularity.push_back(1.0 / std::pow(k + 1.0, g == kBaseline ? 0.6 : 1.1));
            }
            group.templatePickers[c] = Picker(popularity);
        }
    }
}

namespace {

constexpr std::int64_t kHourSeconds = 3600;
constexpr std::int64_t kDaySeconds = 86400;

// Share moved to a model released `dt` seconds ago: ramps up hour by hour through the release
// window towards `cap`, then settles a little below it.
double shareAfterRelease(std::int64_t dt, double cap)
{
    if (dt < 0 || cap <= 0)
        return 0;
    if (dt >= kDaySeconds)
        return cap * 0.9;
    return std::min(cap, 0.02 + cap / 18.0 * double(dt / kHourSeconds));
}

} // namespace

std::int64_t Generator::pickModel(int group, std::int64_t ts)
{
    const std::int64_t mini = story::kModels[3].releasedAt;
    double s3 = 0, s3mini = 0;
    if (group == kBaseline) { // organic users adopt new models over weeks, not hours
        if (ts >= story::kPivotRelease)
            s3 = std::min(0.3, 0.05 + 0.25 * double(ts - story::kPivotRelease) / (20.0 * kDaySeconds));
        if (ts >= mini)
            s3mini = std::min(0.1, 0.02 + 0.08 * double(ts - mini) / (10.0 * kDaySeconds));
    } else {
        s3 = shareAfterRelease(ts - story::kPivotRelease, m_groups[group].pivotCap);
        s3mini = shareAfterRelease(ts - mini, 0.10);
    }
    const double u = m_rng.uniform();
    if (u < s3)
        return 3;
    if (u < s3 + s3mini)
        return 4;
    return m_rng.chance(0.8) ? 1 : 2;
}

double Generator::hourWeight(int group, std::int64_t hour)
{
    const Group& g = m_groups[group];
    const std::int64_t t = hour * kHourSeconds;
    if (t < g.from || t >= g.to)
        return 0;
    const int hourOfDay = static_cast<int>((t / kHourSeconds) % 24);
    double w;
    if (group == kBaseline) // people: quiet at night (UTC), busy in the afternoon
        w = 0.35 + std::max(0.0, std::sin((hourOfDay - 8) * 3.14159265 / 14.0));
    else // scripts: around the clock, heavier in their operators' shift
        w = hourOfDay < 12 ? 1.0 : 0.6;
    const double rampDays = double(t - g.from) / kDaySeconds;
    if (rampDays < 3)
        w *= 0.3 + 0.7 * rampDays / 3;
    return w * (0.6 + 0.8 * m_rng.uniform());
}

void Generator::writeHour(Statement& st, int group, std::int64_t hour, std::int64_t count)
{
    Group& g = m_groups[group];
    const bool baseline = group == kBaseline;
    for (std::int64_t i = 0; i < count; ++i) {
        // Campaign traffic is synchronised: most requests start in the same few minutes of the hour.
        const std::int64_t offset = (!baseline && m_rng.chance(m_vary[std::min(group, 2)].burstShare))
                                        ? m_rng.below(3) * 1200 + m_rng.below(180)
                                        : m_rng.below(kHourSeconds);
        const std::int64_t ts = hour * kHourSeconds + offset;
        st.bind(1, m_nextExchange++).bind(2, ts);
        const std::int64_t account = baseline ? g.accounts[g.accountPicker.pick(m_rng)] : m_bans.pick(std::size_t(group), g.accountPicker, m_rng, ts);
        st.bind(3, account);
        st.bind(4, pickModel(group, ts));
        // An account that tries to look organic sends some requests as the baseline would.
        const bool organicLooking = !baseline && std::size_t(account) < m_looksOrganic.size() && m_looksOrganic[std::size_t(account)] &&
                                    m_rng.chance(m_vary[std::min(group, 2)].evasiveOrganicShare);
        std::int64_t cap = -1;
        if (m_rng.chance(0.015))
            st.bindNull(5);
        else if (organicLooking)
            st.bind(5, (cap = static_cast<std::int64_t>(m_groups[kBaseline].capabilityPicker.pick(m_rng))) + 1);
        else
            st.bind(5, (cap = static_cast<std::int64_t>(g.capabilityPicker.pick(m_rng))) + 1);
        st.bind(6, 150 + m_rng.below(1800));
        st.bind(7, baseline ? 80 + m_rng.below(1400) : 700 + m_rng.below(5200));
        const auto c = static_cast<std::size_t>(cap);
        if (cap < 0 || organicLooking || (baseline && m_rng.chance(0.6)) || g.templates[c].empty())
            st.bindNull(8);
        else
            st.bind(8, g.templates[c][g.templatePickers[c].pick(m_rng)]);
        const bool cot = cap == 1 ? m_rng.chance(0.9) : m_rng.chance(g.cot);
        st.bind(9, cot ? 1 : 0).run();
    }
}

void Generator::writeExchanges()
{
    Statement st(m_db, "INSERT INTO exchanges(id, ts, account_id, model_id, capability_id, prompt_tokens, "
                       "completion_tokens, template_id, cot_elicitation) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    const std::int64_t first = story::kStart / kHourSeconds, last = story::kEnd / kHourSeconds;
    std::vector<std::vector<double>> weights(4);
    double expected = 0;
    for (int g = 0; g < 4; ++g) {
        double sum = 0;
        for (std::int64_t h = first; h < last; ++h)
            sum += weights[static_cast<std::size_t>(g)].emplace_back(hourWeight(g, h));
        for (double& w : weights[static_cast<std::size_t>(g)])
            w *= m_groups[g].exchanges / sum; // now the expected count of that hour
        expected += m_groups[g].exchanges;
    }
    for (std::int64_t h = first; h < last; ++h) {
        for (int g = 0; g < 4; ++g) {
            const double want = weights[static_cast<std::size_t>(g)][static_cast<std::size_t>(h - first)];
            const auto count = static_cast<std::int64_t>(want) + (m_rng.uniform() < want - std::floor(want) ? 1 : 0);
            writeHour(st, g, h, count);
        }
        progress(0.05 + 0.93 * double(m_nextExchange) / std::max(1.0, expected));
    }
}

void Generator::run(GenerateResult& result)
{
    exec(m_db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536; BEGIN");
    exec(m_db, schema::kFormat10Tables);
    writeMeta();
    writeReferenceTables();
    writeAccounts();
    writeTemplates();
    std::vector<generator::BanGroup> bans;
    for (int g = 0; g < kBaseline; ++g)
        bans.push_back({g + 1, m_groups[g].accounts, m_groups[g].from, m_groups[g].to});
    if (const QString error = m_bans.plan(m_db, m_seed, bans); !error.isEmpty())
        throw Failure(error.toStdString());
    progress(0.05);
    writeExchanges();
    exec(m_db, "COMMIT");
    result.exchanges = m_nextExchange - 1;
    result.accounts = m_accounts;
}

} // namespace

bool parseGenerateScale(const QString& name, GenerateScale* scale)
{
    if (name == QLatin1String("demo"))
        *scale = GenerateScale::Demo;
    else if (name == QLatin1String("full"))
        *scale = GenerateScale::Full;
    else if (name == QLatin1String("tiny"))
        *scale = GenerateScale::Tiny;
    else
        return false;
    return true;
}

GenerateResult generateInvestigation(const QString& path, const GenerateOptions& options,
                                     const GenerateProgress& progress, const std::atomic<bool>* cancel)
{
    GenerateResult result;
    // Written beside the target and renamed at the end: a failed run leaves nothing under `path`.
    const QString part = path + QStringLiteral(".part-%1").arg(QCoreApplication::applicationPid());
    QFile::remove(part);
    sqlite3* db = nullptr;
    const QByteArray name = QFile::encodeName(part);
    if (sqlite3_open_v2(name.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        result.error = QStringLiteral("%1: cannot create: %2").arg(part, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return result;
    }
    try {
        Generator(db, options, progress, cancel).run(result);
    } catch (const Failure& failure) {
        result.error = QStringLiteral("%1: %2").arg(path, QString::fromUtf8(failure.what()));
    }
    if (sqlite3_close(db) != SQLITE_OK && result.error.isEmpty())
        result.error = QStringLiteral("%1: cannot close the database").arg(path);
    if (result.error.isEmpty()) {
        QFile::remove(path);
        if (!QFile::rename(part, path))
            result.error = QStringLiteral("%1: cannot move the finished file into place").arg(path);
    }
    if (!result.error.isEmpty()) {
        QFile::remove(part);
        return result;
    }
    if (progress)
        progress(1.0);
    result.ok = true;
    return result;
}

} // namespace hs
