// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonwriter.h"

#include <QLocale>

#include <cmath>

namespace hs {

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.empty()) {
        if (!m_first.back())
            m_out += ',';
        m_first.back() = false;
        m_out += '\n' + QByteArray(static_cast<qsizetype>(m_first.size()) * 2, ' ');
    }
}

void JsonWriter::open(char c)
{
    beforeValue();
    m_out += c;
    m_first.push_back(true);
}

void JsonWriter::close(char c)
{
    const bool empty = m_first.back();
    m_first.pop_back();
    if (!empty)
        m_out += '\n' + QByteArray(static_cast<qsizetype>(m_first.size()) * 2, ' ');
    m_out += c;
}

void JsonWriter::beginObject() { open('{'); }
void JsonWriter::endObject() { close('}'); }
void JsonWriter::beginArray() { open('['); }
void JsonWriter::endArray() { close(']'); }

JsonWriter& JsonWriter::key(const char* name)
{
    beforeValue();
    m_out += quote(QString::fromUtf8(name)) + ": ";
    m_afterKey = true;
    return *this;
}

QByteArray JsonWriter::quote(const QString& s)
{
    QByteArray out;
    out.reserve(s.size() + 2);
    out += '"';
    qsizetype runStart = 0; // characters that need no escape are converted to UTF-8 in runs
    auto flush = [&](qsizetype end) {
        if (end > runStart)
            out += QStringView(s).mid(runStart, end - runStart).toUtf8();
        runStart = end + 1;
    };
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t u = s.at(i).unicode();
        const bool escape = u < 0x20 || u == u'"' || u == u'\\' || u == 0x7f || u == 0x2028 || u == 0x2029;
        if (!escape)
            continue;
        flush(i);
        switch (u) {
        case u'"': out += "\\\""; break;
        case u'\\': out += "\\\\"; break;
        case u'\n': out += "\\n"; break;
        case u'\r': out += "\\r"; break;
        case u'\t': out += "\\t"; break;
        default: out += "\\u" + QByteArray::number(u, 16).rightJustified(4, '0');
        }
    }
    flush(s.size());
    out += '"';
    return out;
}

void JsonWriter::value(const QString& s)
{
    beforeValue();
    m_out += s.isNull() ? QByteArray("null") : quote(s); // a NULL text column stays null
}

void JsonWriter::value(std::int64_t v)
{
    beforeValue();
    m_out += QByteArray::number(static_cast<qlonglong>(v));
}

void JsonWriter::value(std::uint64_t v)
{
    beforeValue();
    m_out += QByteArray::number(static_cast<qulonglong>(v));
}

void JsonWriter::value(double v)
{
    beforeValue();
    if (!std::isfinite(v)) {
        m_out += "null";
        return;
    }
    m_out += QByteArray::number(v, 'g', QLocale::FloatingPointShortest);
}

void JsonWriter::value(bool v)
{
    beforeValue();
    m_out += v ? "true" : "false";
}

void JsonWriter::null()
{
    beforeValue();
    m_out += "null";
}

} // namespace hs
