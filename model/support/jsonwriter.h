// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small streaming JSON writer that keeps keys in the order written (QJsonObject sorts them)
// and prints doubles in their shortest exact form, so golden files stay readable and stable.

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace hs {

class JsonWriter
{
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    JsonWriter& key(const char* name);

    void value(const QString& s); // a null QString (a NULL column) is written as null
    void value(const char* s) { value(QString::fromUtf8(s)); }
    void value(std::int64_t v);
    void value(std::uint64_t v);
    void value(int v) { value(static_cast<std::int64_t>(v)); }
    void value(double v);
    void value(bool v);
    void null();
    template<typename T>
    void value(const std::optional<T>& v)
    {
        if (v)
            value(*v);
        else
            null();
    }

    QByteArray result() const { return m_out + '\n'; }
    static QByteArray quote(const QString& s);

private:
    void beforeValue();
    void open(char c);
    void close(char c);
    QByteArray m_out;
    std::vector<bool> m_first; // per open container: nothing written in it yet
    bool m_afterKey = false;
};

} // namespace hs
