// SPDX-License-Identifier: GPL-3.0-or-later
#include "generatorlogs.h"

#include "generatorprompts.h"
#include "generatorvariation.h"

#include <QDir>
#include <QFile>

#include <sqlite3.h>

#include <cstdio>
#include <ctime>
#include <memory>
#include <unordered_map>
#include <vector>

namespace hs {

bool parseLogShape(const QString& name, LogShape* shape)
{
    if (name == QLatin1String("litellm-csv"))
        return *shape = LogShape::LiteLlmCsv, true;
    if (name == QLatin1String("otlp-json"))
        return *shape = LogShape::OtlpJson, true;
    if (name == QLatin1String("jsonl"))
        return *shape = LogShape::Jsonl, true;
    return false;
}

namespace {

struct Account
{
    std::string ref, ip, userAgent, payment, emailDomain, country, accessPath, status, campaign;
    std::int64_t campaignId = 0, clusterId = 0, createdAt = 0;
};

void appendJsonString(std::string* out, const std::string& s)
{
    out->push_back('"');
    for (const char c : s) {
        switch (c) {
        case '"': *out += "\\\""; break;
        case '\\': *out += "\\\\"; break;
        case '\n': *out += "\\n"; break;
        case '\r': *out += "\\r"; break;
        case '\t': *out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                *out += buffer;
            } else {
                out->push_back(c);
            }
        }
    }
    out->push_back('"');
}

std::string json(const std::string& s)
{
    std::string out;
    appendJsonString(&out, s);
    return out;
}

void appendCsvCell(std::string* out, const std::string& s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos) {
        *out += s;
        return;
    }
    out->push_back('"');
    for (const char c : s) {
        if (c == '"')
            out->push_back('"');
        out->push_back(c);
    }
    out->push_back('"');
}

// 2026-02-10 14:03:07.000000 (PostgreSQL) or 2026-02-10T14:03:07Z (ISO).
std::string timeText(std::int64_t t, bool postgres)
{
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buffer[40];
    std::strftime(buffer, sizeof buffer, postgres ? "%Y-%m-%d %H:%M:%S.000000" : "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::string hexOf(std::uint64_t a, std::uint64_t b)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%016llx%016llx", static_cast<unsigned long long>(a), static_cast<unsigned long long>(b));
    return buffer;
}

struct Failure
{
    QString message;
};

class Db
{
public:
    explicit Db(const QString& path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw Failure{path + QStringLiteral(": cannot open")};
    }
    ~Db() { sqlite3_close(m_db); }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    // Calls row(statement) for every row.
    template <typename Row>
    void each(const char* sql, Row row)
    {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr) != SQLITE_OK)
            throw Failure{QString::fromUtf8(sqlite3_errmsg(m_db))};
        while (sqlite3_step(st) == SQLITE_ROW)
            row(st);
        sqlite3_finalize(st);
    }

private:
    sqlite3* m_db = nullptr;
};

std::string text(sqlite3_stmt* st, int column)
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
    return p ? std::string(p, std::size_t(sqlite3_column_bytes(st, column))) : std::string();
}

class File
{
public:
    File(const QString& dir, const QString& name) : m_final(QDir(dir).filePath(name)), m_temp(m_final + QStringLiteral(".part"))
    {
        m_file = std::fopen(m_temp.toUtf8().constData(), "wb");
        if (!m_file)
            throw Failure{m_temp + QStringLiteral(": cannot create")};
    }
    ~File()
    {
        if (m_file) {
            std::fclose(m_file);
            QFile::remove(m_temp);
        }
    }
    File(const File&) = delete;
    File& operator=(const File&) = delete;
    void write(const std::string& s)
    {
        if (std::fwrite(s.data(), 1, s.size(), m_file) != s.size())
            throw Failure{m_temp + QStringLiteral(": write failed (disk full?)")};
    }
    void commit()
    {
        const bool ok = std::fclose(m_file) == 0;
        m_file = nullptr;
        if (!ok || !QFile::rename(m_temp, m_final))
            throw Failure{m_final + QStringLiteral(": cannot finish")};
    }

private:
    QString m_final, m_temp;
    std::FILE* m_file = nullptr;
};

const char* const kLiteLlmColumns =
    "request_id,call_type,api_key,spend,total_tokens,prompt_tokens,completion_tokens,startTime,endTime,model,"
    "model_group,custom_llm_provider,user,metadata,team_id,organization_id,end_user,requester_ip_address,messages,"
    "response,status\n";

} // namespace

GenerateLogsResult generateLogs(const QString& dir, LogShape shape, const GenerateOptions& options,
                                const GenerateProgress& progress, const std::atomic<bool>* cancel)
{
    GenerateLogsResult result;
    const QString truth = QDir(dir).filePath(QStringLiteral("truth.db"));
    const GenerateResult generated = generateInvestigation(truth, options,
        [&progress](double f) { if (progress) progress(0.3 * f); }, cancel);
    if (!generated.ok) {
        result.error = generated.error;
        return result;
    }
    try {
        Db db(truth);
        std::vector<Account> accounts(std::size_t(generated.accounts) + 1);
        std::unordered_map<std::int64_t, std::string> campaigns;
        db.each("SELECT id, name FROM campaigns", [&](sqlite3_stmt* st) { campaigns[sqlite3_column_int64(st, 0)] = text(st, 1); });
        db.each("SELECT id, external_ref, coalesce(campaign_id, 0), coalesce(cluster_id, 0), coalesce(created_at, 0), "
                "coalesce(country, ''), coalesce(access_path, ''), coalesce(payment_fingerprint, ''), coalesce(status, '') "
                "FROM accounts ORDER BY id", [&](sqlite3_stmt* st) {
            const auto id = std::size_t(sqlite3_column_int64(st, 0));
            if (id >= accounts.size())
                accounts.resize(id + 1);
            Account& a = accounts[id];
            a.ref = text(st, 1);
            a.campaignId = sqlite3_column_int64(st, 2);
            a.clusterId = sqlite3_column_int64(st, 3);
            a.createdAt = sqlite3_column_int64(st, 4);
            a.country = text(st, 5);
            a.accessPath = text(st, 6);
            a.payment = text(st, 7);
            a.status = text(st, 8);
            a.campaign = a.campaignId ? campaigns[a.campaignId] : std::string();
        });
        db.each("SELECT account_id, kind, value FROM indicators WHERE kind IN ('ip', 'user_agent', 'email_domain') ORDER BY id",
                [&](sqlite3_stmt* st) {
            const auto id = std::size_t(sqlite3_column_int64(st, 0));
            if (id >= accounts.size())
                return;
            const std::string kind = text(st, 1);
            std::string& slot = kind == "ip" ? accounts[id].ip : kind == "user_agent" ? accounts[id].userAgent : accounts[id].emailDomain;
            if (slot.empty())
                slot = text(st, 2);
        });
        std::vector<std::string> models(1);
        std::string modelsCsv = "name,released_at\n";
        db.each("SELECT id, name, released_at FROM models ORDER BY id", [&](sqlite3_stmt* st) {
            models.resize(std::size_t(sqlite3_column_int64(st, 0)) + 1);
            models.back() = text(st, 1);
            modelsCsv += text(st, 1) + "," + timeText(sqlite3_column_int64(st, 2), false) + "\n";
        });

        File accountsFile(dir, QStringLiteral("accounts.csv")), modelsFile(dir, QStringLiteral("models.csv")),
            truthFile(dir, QStringLiteral("ground-truth.csv"));
        accountsFile.write("account,created_at,country,access_path,payment_fingerprint,email_domain,org_name,status,status_changed_at\n");
        truthFile.write("account,campaign_id,campaign,cluster_id\n");
        for (std::size_t i = 1; i < accounts.size(); ++i) {
            const Account& a = accounts[i];
            if (a.ref.empty())
                continue;
            std::string line;
            for (const std::string& cell : {a.ref, timeText(a.createdAt, false), a.country, a.accessPath, a.payment,
                                            a.emailDomain, std::string(), a.status}) {
                appendCsvCell(&line, cell);
                line += ',';
            }
            line += '\n';
            accountsFile.write(line);
            line.clear();
            appendCsvCell(&line, a.ref);
            line += "," + (a.campaignId ? std::to_string(a.campaignId) : std::string()) + ",";
            appendCsvCell(&line, a.campaign);
            line += "," + (a.clusterId ? std::to_string(a.clusterId) : std::string()) + "\n";
            truthFile.write(line);
        }
        modelsFile.write(modelsCsv);

        const bool csv = shape == LogShape::LiteLlmCsv;
        File requests(dir, csv ? QStringLiteral("requests.csv") : QStringLiteral("requests.jsonl"));
        if (csv)
            requests.write(kLiteLlmColumns);
        std::unordered_map<std::int64_t, generator::PromptSkeleton> skeletons;
        // --varied: each campaign's own language mix (a template belongs to one campaign).
        const auto chineseShare = [&options](std::int64_t campaignId) {
            return options.varied && campaignId >= 1 && campaignId <= 3
                       ? generator::variedCampaign(options.seed, int(campaignId) - 1).chineseShare
                       : generator::fixedVariation().chineseShare;
        };
        std::string out, otlpSpans;
        int spansInLine = 0;
        const auto flushOtlp = [&]() {
            if (spansInLine == 0)
                return;
            out += "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":"
                   "\"llm-gateway\"}}]},\"scopeSpans\":[{\"scope\":{\"name\":\"gateway.genai\"},\"spans\":[" +
                   otlpSpans + "]}]}]}\n";
            otlpSpans.clear();
            spansInLine = 0;
        };
        std::int64_t done = 0;
        const auto total = std::max<std::int64_t>(1, generated.exchanges);
        db.each("SELECT e.id, e.ts, e.account_id, e.model_id, coalesce(e.capability_id, 12), coalesce(e.prompt_tokens, 0), "
                "coalesce(e.completion_tokens, 0), coalesce(e.template_id, 0), coalesce(e.cot_elicitation, 0) FROM exchanges e",
                [&](sqlite3_stmt* st) {
            const std::int64_t id = sqlite3_column_int64(st, 0), ts = sqlite3_column_int64(st, 1);
            const Account& a = accounts[std::size_t(sqlite3_column_int64(st, 2))];
            const std::string& model = models[std::size_t(sqlite3_column_int64(st, 3))];
            const int capability = int(sqlite3_column_int64(st, 4)) - 1;
            const std::int64_t in = sqlite3_column_int64(st, 5), outTokens = sqlite3_column_int64(st, 6);
            const std::int64_t templateId = sqlite3_column_int64(st, 7);
            const bool cot = sqlite3_column_int64(st, 8) != 0;
            // A template's skeleton once; an exchange without a template gets one of its own.
            const std::int64_t key = templateId ? templateId : -id;
            auto it = skeletons.find(key);
            if (it == skeletons.end())
                it = skeletons.emplace(key, generator::promptSkeleton(key, capability, options.seed, chineseShare(a.campaignId))).first;
            const std::string prompt = generator::promptText(it->second, std::uint64_t(id), cot);
            if (!templateId)
                skeletons.erase(it);
            // One request in twenty without an address: proxies and logging gaps.
            const std::string ip = id % 20 == 7 ? std::string() : a.ip;
            const std::string apiKey = hexOf(std::hash<std::string>{}(a.ref), std::hash<std::string>{}(a.ref + "key"));
            if (csv) {
                std::string meta = "{\"user_api_key_alias\":" + json("key-" + a.ref.substr(a.ref.size() > 4 ? a.ref.size() - 4 : 0)) +
                                   ",\"user_api_key_user_id\":" + json(a.ref) + ",\"requester_ip_address\":" + json(ip) +
                                   ",\"headers\":{\"user-agent\":" + json(a.userAgent) + "}}";
                std::string messages = "[{\"role\":\"user\",\"content\":" + json(prompt) + "}]";
                const std::string when = timeText(ts, true);
                for (const std::string& cell : {"req-" + std::to_string(id), std::string("acompletion"), apiKey,
                                                std::string("0.0"), std::to_string(in + outTokens), std::to_string(in),
                                                std::to_string(outTokens), when, when, model, model, std::string("openai"),
                                                a.ref, meta, std::string(), std::string(), std::string(), ip, messages,
                                                std::string("{}"), std::string("success")}) {
                    appendCsvCell(&out, cell);
                    out += ',';
                }
                out.back() = '\n';
            } else if (shape == LogShape::OtlpJson) {
                if (!otlpSpans.empty())
                    otlpSpans += ',';
                const std::string messages = "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":" + json(prompt) + "}]}]";
                otlpSpans += "{\"traceId\":\"" + hexOf(std::uint64_t(id), std::uint64_t(ts)) + "\",\"spanId\":\"" +
                             hexOf(std::uint64_t(id), 0).substr(16) + "\",\"name\":" + json("chat " + model) +
                             ",\"kind\":3,\"startTimeUnixNano\":\"" + std::to_string(ts) + "000000000\",\"endTimeUnixNano\":\"" +
                             std::to_string(ts + 2) + "000000000\",\"attributes\":[" +
                             "{\"key\":\"gen_ai.operation.name\",\"value\":{\"stringValue\":\"chat\"}}," +
                             "{\"key\":\"gen_ai.provider.name\",\"value\":{\"stringValue\":\"openai\"}}," +
                             "{\"key\":\"gen_ai.request.model\",\"value\":{\"stringValue\":" + json(model) + "}}," +
                             "{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":\"" + std::to_string(in) + "\"}}," +
                             "{\"key\":\"gen_ai.usage.output_tokens\",\"value\":{\"intValue\":\"" + std::to_string(outTokens) + "\"}}," +
                             "{\"key\":\"user.id\",\"value\":{\"stringValue\":" + json(a.ref) + "}}," +
                             (ip.empty() ? std::string() : "{\"key\":\"client.address\",\"value\":{\"stringValue\":" + json(ip) + "}},") +
                             "{\"key\":\"user_agent.original\",\"value\":{\"stringValue\":" + json(a.userAgent) + "}}," +
                             "{\"key\":\"gen_ai.input.messages\",\"value\":{\"stringValue\":" + json(messages) + "}}]}";
                if (++spansInLine == 64)
                    flushOtlp();
            } else {
                out += "{\"ts\":" + json(timeText(ts, false)) + ",\"account\":" + json(a.ref) + ",\"model\":" + json(model) +
                       ",\"prompt\":" + json(prompt) + (ip.empty() ? std::string() : ",\"ip\":" + json(ip)) +
                       ",\"ua\":" + json(a.userAgent) + ",\"usage\":{\"in\":" + std::to_string(in) + ",\"out\":" +
                       std::to_string(outTokens) + "}}\n";
            }
            if (out.size() > (1 << 20)) {
                requests.write(out);
                out.clear();
            }
            if (++done % 65536 == 0) {
                if (cancel && cancel->load())
                    throw Failure{QStringLiteral("cancelled")};
                if (progress)
                    progress(0.3 + 0.7 * double(done) / double(total));
            }
        });
        flushOtlp();
        requests.write(out);
        if (shape == LogShape::Jsonl) {
            File map(dir, QStringLiteral("map.toml"));
            map.write("# Fields of requests.jsonl for `hydrascope import --map`\ntime = \"ts\"\naccount = \"account\"\n"
                      "model = \"model\"\nprompt = \"prompt\"\nip = \"ip\"\nuser_agent = \"ua\"\n"
                      "prompt_tokens = \"usage.in\"\ncompletion_tokens = \"usage.out\"\n");
            map.commit();
            result.files << QStringLiteral("map.toml");
        }
        requests.commit();
        accountsFile.commit();
        modelsFile.commit();
        truthFile.commit();
        result.requests = done;
        result.files << (csv ? QStringLiteral("requests.csv") : QStringLiteral("requests.jsonl")) << QStringLiteral("accounts.csv")
                     << QStringLiteral("models.csv") << QStringLiteral("ground-truth.csv") << QStringLiteral("truth.db");
        result.ok = true;
    } catch (const Failure& f) {
        result.error = f.message;
        QFile::remove(truth);
    }
    return result;
}

} // namespace hs
