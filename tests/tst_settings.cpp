// SPDX-License-Identifier: GPL-3.0-or-later
// Typed settings: a round trip through QSettings, and values edited by hand into nonsense
// falling back to their defaults instead of reaching the figures.
#include "fixturedb.h"
#include "settings.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hs;

class TestSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init() { QSettings().clear(); }
    void defaults();
    void roundTrip();
    void badValuesFallBack_data();
    void badValuesFallBack();
    void reviewerFallsBackToUser();

private:
    QTemporaryDir m_settingsDir;
};

void TestSettings::initTestCase()
{
    test::isolateSettings(m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("HydrascopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_settings"));
}

void TestSettings::defaults()
{
    const Settings s = Settings::load();
    QCOMPARE(s.threshold, 0.25);
    QCOMPARE(s.redaction, QStringLiteral("internal"));
    QCOMPARE(s.theme, QStringLiteral("light"));
    QCOMPARE(s.classification, QStringLiteral("CONFIDENTIAL"));
}

void TestSettings::roundTrip()
{
    Settings s;
    s.reviewer = QStringLiteral("Dana <b>Reviewer</b>");
    s.organisation = QStringLiteral("Example Lab T&S");
    s.classification = QStringLiteral("RESTRICTED");
    s.threshold = 0.4;
    s.redaction = QStringLiteral("external");
    s.theme = QStringLiteral("dark");
    s.save();
    QCOMPARE(Settings::load(), s);
}

void TestSettings::badValuesFallBack_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::addRow("threshold above 1") << QStringLiteral("preferences/threshold") << QVariant(1.5);
    QTest::addRow("threshold zero") << QStringLiteral("preferences/threshold") << QVariant(0.0);
    QTest::addRow("threshold text") << QStringLiteral("preferences/threshold") << QVariant(QStringLiteral("half"));
    QTest::addRow("unknown profile") << QStringLiteral("preferences/redaction") << QVariant(QStringLiteral("public"));
    QTest::addRow("unknown theme") << QStringLiteral("preferences/theme") << QVariant(QStringLiteral("neon"));
}

void TestSettings::badValuesFallBack()
{
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    QSettings().setValue(key, value);
    QCOMPARE(Settings::load(), Settings{});
}

void TestSettings::reviewerFallsBackToUser()
{
    qunsetenv("HYDRASCOPE_REVIEWER"); // it comes before $USER
    qputenv("USER", "jdoe");
    Settings s;
    QCOMPARE(s.reviewerOrUser(), QStringLiteral("jdoe"));
    s.reviewer = QStringLiteral("  Dana  ");
    QCOMPARE(s.reviewerOrUser(), QStringLiteral("Dana"));
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
