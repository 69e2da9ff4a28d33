// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonwriter.h"

#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace hs;

class TestJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void strings_data();
    void strings();
    void numbers_data();
    void numbers();
    void documentParsesAndKeepsOrder();
};

void TestJson::strings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("json");
    QTest::addRow("plain") << QStringLiteral("abc") << QByteArray("\"abc\"");
    QTest::addRow("quote and backslash") << QStringLiteral("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"");
    QTest::addRow("newline, tab, CR") << QStringLiteral("a\nb\tc\rd") << QByteArray("\"a\\nb\\tc\\rd\"");
    QTest::addRow("bell and DEL") << QStringLiteral("a\u0007b\u007f") << QByteArray("\"a\\u0007b\\u007f\"");
    QTest::addRow("line separator") << QStringLiteral("a\u2028b") << QByteArray("\"a\\u2028b\"");
    QTest::addRow("markup kept as text") << QStringLiteral("<b>x</b>") << QByteArray("\"<b>x</b>\"");
    QTest::addRow("RTL override as UTF-8") << QStringLiteral("\u202Eab") << QByteArray("\"\xE2\x80\xAE" "ab\"");
    QTest::addRow("emoji surrogate pair") << QString::fromUtf8("x\xF0\x9F\x98\x80y") << QByteArray("\"x\xF0\x9F\x98\x80y\"");
    QTest::addRow("null string") << QString() << QByteArray("null");
    QTest::addRow("empty string") << QStringLiteral("") << QByteArray("\"\"");
}

void TestJson::strings()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, json);
    JsonWriter w;
    w.value(text);
    QCOMPARE(w.result(), json + '\n');
}

void TestJson::numbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("json");
    QTest::addRow("quarter") << 0.25 << QByteArray("0.25");
    QTest::addRow("one") << 1.0 << QByteArray("1");
    QTest::addRow("zero") << 0.0 << QByteArray("0");
    QTest::addRow("third, shortest exact") << 1.0 / 3.0 << QByteArray("0.3333333333333333");
    QTest::addRow("tiny") << 1e-7 << QByteArray("1e-07");
    QTest::addRow("not finite") << std::numeric_limits<double>::infinity() << QByteArray("null");
}

void TestJson::numbers()
{
    QFETCH(double, value);
    QFETCH(QByteArray, json);
    JsonWriter w;
    w.value(value);
    QCOMPARE(w.result(), json + '\n');
}

void TestJson::documentParsesAndKeepsOrder()
{
    JsonWriter w;
    w.beginObject();
    w.key("zeta").value(1);
    w.key("alpha").beginArray();
    w.value(std::optional<int>());
    w.value(true);
    w.endArray();
    w.key("empty").beginObject();
    w.endObject();
    w.endObject();
    const QByteArray out = w.result();
    QVERIFY(out.indexOf("zeta") < out.indexOf("alpha"));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().value(QStringLiteral("zeta")).toInt(), 1);
    QVERIFY(doc.object().value(QStringLiteral("alpha")).toArray().at(0).isNull());
}

QTEST_GUILESS_MAIN(TestJson)
#include "tst_json.moc"
