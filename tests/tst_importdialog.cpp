// SPDX-License-Identifier: GPL-3.0-or-later
// File > Import logs...: the dialog runs the import on a worker and reports what happened; the
// main window's File menu has the action.
#include "importdialog.h"
#include "mainwindow.h"

#include "fixturedb.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hs;

class TestImportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir.path());
    }

    void importsAndReports()
    {
        ImportDialog dialog;
        const QString logs = QStringLiteral(HYDRASCOPE_FIXTURES "/logs/");
        dialog.setInputs({logs + QStringLiteral("litellm-spendlogs.csv"), logs + QStringLiteral("otel-genai.jsonl.zst")});
        dialog.setSideFiles(logs + QStringLiteral("accounts.csv"), logs + QStringLiteral("models.csv"), QString());
        const QString out = m_dir.filePath(QStringLiteral("dialog.db"));
        dialog.setOutput(out);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.grab().save(m_dir.filePath(QStringLiteral("importdialog.png")));
        if (!qEnvironmentVariableIsEmpty("HYDRASCOPE_SCREENSHOT_DIR"))
            dialog.grab().save(qEnvironmentVariable("HYDRASCOPE_SCREENSHOT_DIR") + QStringLiteral("/importdialog.png"));
        QSignalSpy imported(&dialog, &ImportDialog::imported);
        dialog.start();
        QVERIFY(imported.wait(60000));
        QCOMPARE(imported.front().front().toString(), out);
        QVERIFY(QFile::exists(out));
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("8 exchanges, 5 accounts (all unflagged)")), qPrintable(dialog.statusText()));
        QVERIFY(dialog.statusText().contains(QStringLiteral("skipped")));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void refusesWithAReason()
    {
        ImportDialog dialog;
        dialog.start();
        QVERIFY(dialog.statusText().contains(QStringLiteral("Add at least one log file")));
        dialog.setInputs({QStringLiteral(HYDRASCOPE_FIXTURES "/logs/generic.jsonl")}); // needs a map
        dialog.setOutput(m_dir.filePath(QStringLiteral("refused.db")));
        QSignalSpy imported(&dialog, &ImportDialog::imported);
        dialog.start();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().startsWith(QStringLiteral("Nothing was written")), 30000);
        QVERIFY(dialog.statusText().contains(QStringLiteral("needs --map")));
        QCOMPARE(imported.count(), 0);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("refused.db"))));
    }

    void fileMenuHasTheAction()
    {
        MainWindow window;
        QAction* action = nullptr;
        for (QAction* menu : window.menuBar()->actions())
            if (menu->menu() && menu->text() == QStringLiteral("&File"))
                for (QAction* a : menu->menu()->actions())
                    if (a->text() == QStringLiteral("&Import logs..."))
                        action = a;
        QVERIFY(action);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
