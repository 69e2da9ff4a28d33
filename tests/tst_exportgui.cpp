// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's export entries: the File menu offers them, the dialog's defaults, and the
// preview paints the same pages as the PDF (the preview path paints on a QPrinter).
#include "analysis.h"
#include "exportactions.h"
#include "fixturedb.h"
#include "loader.h"
#include "mainwindow.h"
#include "redaction.h"
#include "reportcontent.h"
#include "reportwriter.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace hs;

namespace {

int pdfPages(const QString& path)
{
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), {path});
    p.waitForFinished();
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(QString::fromUtf8(p.readAllStandardOutput()));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QByteArray pdfText(const QString& path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    p.waitForFinished();
    return p.readAllStandardOutput();
}

} // namespace

class TestExportGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fileMenuHasExports();
    void dialogDefaults_data();
    void dialogDefaults();
    void refusedProfilesAreGreyedWithWhy();
    void previewPaintsTheReport();

private:
    QTemporaryDir m_dir;
};

void TestExportGui::fileMenuHasExports()
{
    MainWindow w;
    QStringList texts;
    for (QAction* a : w.menuBar()->actions().front()->menu()->actions())
        texts << a->text();
    QVERIFY2(texts.contains(QStringLiteral("Export &report...")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(texts.contains(QStringLiteral("Export case &bundle...")));
}

void TestExportGui::dialogDefaults_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("banner");
    QTest::addColumn<QString>("casePath");
    QTest::addColumn<int>("index");
    QTest::addRow("defaults") << QString() << QString() << QString() << 0;
    QTest::addRow("policy, case open") << QStringLiteral("policy") << QStringLiteral("RESTRICTED")
                                       << QStringLiteral("/cases/a.hcase") << 1;
    QTest::addRow("external") << QStringLiteral("external") << QStringLiteral("TLP:AMBER") << QString() << 2;
}

// The dialog starts from the reviewer's preferences and the case open in the dashboard.
void TestExportGui::dialogDefaults()
{
    QFETCH(QString, profile);
    QFETCH(QString, banner);
    QFETCH(QString, casePath);
    QFETCH(int, index);
    Settings settings;
    if (!profile.isEmpty())
        settings.redaction = profile;
    if (!banner.isEmpty())
        settings.classification = banner;
    ExportDialog report(true, casePath, settings, nullptr);
    QCOMPARE(report.profileIndex(), index);
    QCOMPARE(report.classification(), banner.isEmpty() ? QStringLiteral("CONFIDENTIAL") : banner);
    QVERIFY(!report.pdfA());
    QCOMPARE(report.casePath(), casePath);
    QCOMPARE(report.findChildren<QComboBox*>().front()->count(), 3);
}

// A reader on a server case may not export internal: the dialog says so and cannot choose it;
// another case typed in is that case's business (checked when the export opens it).
void TestExportGui::refusedProfilesAreGreyedWithWhy()
{
    Settings settings;
    settings.redaction = QStringLiteral("internal");
    const QString open = QStringLiteral("postgresql://127.0.0.1:5432/cases#c1");
    QSettings().remove(ExportDialog::profileKey(true)); // from the preferences: internal
    ExportDialog dialog(true, open, settings, nullptr);
    QCOMPARE(dialog.profileIndex(), 0);
    auto* profiles = dialog.findChildren<QComboBox*>().front();
    auto* items = qobject_cast<QStandardItemModel*>(profiles->model());
    QVERIFY(items);
    QVERIFY(items->item(0)->isEnabled());
    const QString why = QStringLiteral("role reader: internal exports are for reviewers");
    dialog.refuseProfiles({{QStringLiteral("internal"), why}});
    QVERIFY(!items->item(0)->isEnabled());
    QCOMPARE(items->item(0)->toolTip(), why);
    QVERIFY(items->item(1)->isEnabled() && items->item(2)->isEnabled());
    QCOMPARE(dialog.profileIndex(), 1); // moved off the refused one
    auto* note = dialog.findChild<QLabel*>(QStringLiteral("exportRefusal"));
    QVERIFY(note && !note->isHidden());
    QVERIFY(note->text().contains(why));
    dialog.findChildren<QLineEdit*>().front()->setText(QStringLiteral("/tmp/other.hcase"));
    QVERIFY(items->item(0)->isEnabled());
    QVERIFY(note->isHidden());
    dialog.findChildren<QLineEdit*>().front()->setText(open);
    QVERIFY(!items->item(0)->isEnabled());
}

void TestExportGui::previewPaintsTheReport()
{
    const QString db = m_dir.filePath(QStringLiteral("small.db"));
    QVERIFY(test::writeDb(db, test::validSql()));
    const LoadResult r = loadInvestigation(db);
    QVERIFY(r.ok());
    const Analysis analysis = analyze(*r.investigation);
    Redactor redactor;
    const ReportContent content = buildReport(*r.investigation, analysis, nullptr, redactor, {});
    const QString direct = m_dir.filePath(QStringLiteral("direct.pdf"));
    QString error;
    QVERIFY2(writeReportPdf(content, {}, direct, &error), qPrintable(error));
    // The preview's device: a QPrinter, here printing to a file so that its pages can be counted.
    const QString printed = m_dir.filePath(QStringLiteral("printed.pdf"));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(printed);
    printer.setResolution(300);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageMargins(QMarginsF(0, 0, 0, 0));
    paintReport(&printer, content);
    QVERIFY(pdfPages(direct) > 4);
    QCOMPARE(pdfPages(printed), pdfPages(direct));
    const QByteArray text = pdfText(printed);
    QVERIFY(text.contains("Lantern <b>Ops</b>"));
    QVERIFY(text.contains(QStringLiteral("page %1 of %1").arg(pdfPages(direct)).toUtf8()));
}

QTEST_MAIN(TestExportGui)
#include "tst_exportgui.moc"
