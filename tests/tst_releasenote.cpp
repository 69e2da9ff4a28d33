// SPDX-License-Identifier: GPL-3.0-or-later
// Release times that are only first appearances in imported logs: the Timeline, where release
// markers are read, says so in a note above the plot (model/analysis/releasesource.h), for an
// import without --models and for models that --models did not list, and says nothing for real
// release times.
#include "analysis.h"
#include "importer.h"
#include "loader.h"
#include "releasesource.h"
#include "selection.h"
#include "timelinepage.h"

#include "fixturedb.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

using namespace hs;

namespace {

std::string fixture(const char* name)
{
    return std::string(HYDRASCOPE_FIXTURES "/logs/") + name;
}

} // namespace

class TestReleaseNote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir.path());
    }

    // The note from meta.model_releases as `import` writes it; nothing for other files.
    void noteFromMeta_data()
    {
        QTest::addColumn<QString>("modelReleases"); // empty: no such meta key
        QTest::addColumn<QString>("note");
        QTest::addRow("no --models") << "first appearance in the logs (no --models file)"
                                     << "Release times inferred from first appearance in the logs (no --models file)";
        QTest::addRow("one not listed") << "--models m.csv; 1 model(s) not listed there: first appearance in the logs"
                                        << "Release times of 1 model inferred from first appearance in the logs (not in the --models file)";
        QTest::addRow("three not listed") << "--models m.csv; 3 model(s) not listed there: first appearance in the logs"
                                          << "Release times of 3 models inferred from first appearance in the logs (not in the --models file)";
        QTest::addRow("all listed") << "--models m.csv" << "";
        QTest::addRow("not an import") << "" << "";
    }
    void noteFromMeta()
    {
        QFETCH(QString, modelReleases);
        QFETCH(QString, note);
        Investigation inv;
        if (!modelReleases.isEmpty())
            inv.meta.insert(QStringLiteral("model_releases"), modelReleases);
        QCOMPARE(releaseTimesNote(inv), note);
    }

    // Real imports of the committed fixtures, shown on the Timeline.
    void timelineShowsTheNote_data()
    {
        QTest::addColumn<QString>("models"); // "": no --models; "all": the fixture's; "one": only its first model
        QTest::addColumn<QString>("note");   // the label's text; empty: hidden
        QTest::addRow("no --models") << "" << "Note: Release times inferred from first appearance in the logs (no --models file).";
        QTest::addRow("every model listed") << "all" << "";
        QTest::addRow("one model listed") << "one" << "Note: Release times of 1 model inferred from first appearance in the logs (not in the --models file).";
    }
    void timelineShowsTheNote()
    {
        QFETCH(QString, models);
        QFETCH(QString, note);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
        logimport::ImportOptions o;
        o.inputs = {fixture("litellm-spendlogs.csv"), fixture("otel-genai.jsonl.zst")};
        o.output = m_dir.filePath(QStringLiteral("imported-%1.db").arg(tag)).toStdString();
        if (models == QLatin1String("all")) {
            o.modelsCsv = fixture("models.csv");
        } else if (models == QLatin1String("one")) {
            const QString path = m_dir.filePath(QStringLiteral("one-model.csv"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("name,released_at\nfrontier-3,2025-09-01T00:00:00Z\n");
            f.close();
            o.modelsCsv = path.toStdString();
        }
        const logimport::ImportResult imported = logimport::importLogs(o);
        QVERIFY2(imported.ok, imported.error.c_str());
        const LoadResult loaded = loadInvestigation(QString::fromStdString(o.output));
        QVERIFY(loaded.ok());
        // The oracle for "1 model": the models of the logs that the one-line file does not list.
        if (models == QLatin1String("one")) {
            int unlisted = 0;
            for (const auto& m : loaded.investigation->models)
                unlisted += m.name != QLatin1String("frontier-3") ? 1 : 0;
            QCOMPARE(unlisted, 1);
        }
        auto analysis = std::make_shared<const Analysis>(analyze(*loaded.investigation));
        SelectionState selection;
        TimelinePage page(&selection);
        page.resize(1000, 600);
        page.setResults(loaded.investigation, analysis);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* label = page.findChild<QLabel*>(QStringLiteral("releaseNote"));
        QVERIFY(label);
        QCOMPARE(label->isVisible(), !note.isEmpty());
        if (!note.isEmpty())
            QCOMPARE(label->text(), note);
        if (!qEnvironmentVariableIsEmpty("HYDRASCOPE_SCREENSHOT_DIR"))
            page.grab().save(qEnvironmentVariable("HYDRASCOPE_SCREENSHOT_DIR") +
                             QStringLiteral("/timeline-releasenote-%1.png").arg(tag));
        // A file that is not an import: no note, also after an import's note was shown.
        const QString tiny = m_dir.filePath(QStringLiteral("tiny-%1.db").arg(tag));
        QVERIFY(test::writeTinyDb(tiny));
        const LoadResult plain = loadInvestigation(tiny);
        QVERIFY(plain.ok());
        page.setResults(plain.investigation, std::make_shared<const Analysis>(analyze(*plain.investigation)));
        QVERIFY(!label->isVisible());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestReleaseNote)
#include "tst_releasenote.moc"
