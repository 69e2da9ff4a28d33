// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard on a server case (issue 16), a real MainWindow against a real PostgreSQL 15
// (pgserver.h): File > Open case with a server location (the password never shown, the recent
// list keeping the location without it), another reviewer's edit arriving with its author, two
// reviewers editing one annotation, the server going away and coming back, and a reader.
//
// With HYDRASCOPE_SHOTS_DIR set, every state is also saved as NAME-light.png and NAME-dark.png
// (QWidget::grab) for a person to look at: run under xvfb-run, see docs/user-guide.md.
#include "annotationdialog.h"
#include "annotationspanel.h"
#include "caseactions.h"
#include "casecontroller.h"
#include "caselocation.h"
#include "exportactions.h"
#include "loadjob.h"
#include "mainwindow.h"
#include "opencasedialog.h"
#include "pageid.h"
#include "pgcase.h"
#include "theme.h"
#include "timelinepage.h"

#include "fixturedb.h"
#include "pgserver.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace hs;

namespace {

const QString kSecret = QStringLiteral("s3cret");

// Saves `w` as NAME-light.png and NAME-dark.png when HYDRASCOPE_SHOTS_DIR is set.
void shoot(QWidget* w, const QString& name)
{
    const QString dir = qEnvironmentVariable("HYDRASCOPE_SHOTS_DIR");
    if (dir.isEmpty())
        return;
    for (const char* theme : {"light", "dark"}) {
        applyTheme(QLatin1String(theme));
        QTest::qWait(150); // plots restyle on the palette change
        QVERIFY(w->grab().save(QStringLiteral("%1/%2-%3.png").arg(dir, name, QLatin1String(theme))));
    }
    applyTheme(QStringLiteral("light"));
}

// Every text a person could see in `root` and the windows open beside it: titles, labels, fields,
// buttons, menus, tooltips (a dialog closed but not yet deleted shows nothing).
QStringList shownTexts(QWidget* root)
{
    QStringList out{root->windowTitle()};
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    for (QWidget* top : QApplication::topLevelWidgets())
        if (top->isVisible() && top != root)
            widgets << top << top->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        if (!w->window()->isVisible() && !qobject_cast<QMenu*>(w->window()))
            continue;
        out << w->windowTitle() << w->toolTip() << w->statusTip() << w->accessibleName();
        if (auto* l = qobject_cast<QLabel*>(w))
            out << l->text();
        if (auto* e = qobject_cast<QLineEdit*>(w))
            out << e->text();
        if (auto* b = qobject_cast<QAbstractButton*>(w))
            out << b->text();
        if (auto* m = qobject_cast<QMessageBox*>(w))
            out << m->text() << m->informativeText();
        for (QAction* a : w->actions())
            out << a->text() << a->toolTip() << a->statusTip();
    }
    return out;
}

// Text shown with its evidence bidi-isolated (displaytext.h), compared without the isolates.
QString withoutIsolates(QString text) { return text.remove(QChar(0x2068)).remove(QChar(0x2069)); }

QAction* menuAction(QMainWindow& w, const QString& text)
{
    for (QAction* a : w.menuBar()->findChildren<QAction*>())
        if (a->text() == text)
            return a;
    return nullptr;
}

QMessageBox* shownBox()
{
    for (QWidget* top : QApplication::topLevelWidgets())
        if (auto* box = qobject_cast<QMessageBox*>(top); box && box->isVisible())
            return box;
    return nullptr;
}

} // namespace

class TestCasePgGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!test::PgServer::available())
            QSKIP("PostgreSQL 15 server binaries are not installed (packaging/install-deps.sh installs postgresql)");
        QVERIFY(m_dir.isValid() && m_serverDir.isValid());
        test::isolateSettings(m_dir.path());
        applyTheme(QStringLiteral("light"));
        QVERIFY(m_server.start(m_serverDir.path()));
        m_evidence = m_dir.filePath(QStringLiteral("tiny.db"));
        QVERIFY(test::writeTinyDb(m_evidence));
        QProcess p; // the first case creates the schema and the group roles
        p.start(QStringLiteral(HYDRASCOPE_APP), {QStringLiteral("case"), QStringLiteral("new"), m_evidence, QStringLiteral("-o"),
                                                 m_server.uri() + QStringLiteral("#case-17"), QStringLiteral("--reviewer"),
                                                 QStringLiteral("lead")});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(m_server.exec(QStringLiteral("CREATE ROLE alice LOGIN IN ROLE hydrascope_reviewer;"
                                             "CREATE ROLE bob LOGIN IN ROLE hydrascope_reviewer;"
                                             "CREATE ROLE policy_staff LOGIN IN ROLE hydrascope_reader;")));
        QString error;
        m_alice = openCase(location(QStringLiteral("alice")), CaseBackend::Mode::ReadWrite, &error);
        QVERIFY2(m_alice, qPrintable(error));
        m_alice->setActor(QStringLiteral("alice"));
    }

    // 1. File > Open case with a password in the URI: the case opens with its evidence, and the
    // password is nowhere on screen nor in the recent list (which keeps the location without it).
    void openCaseFromTheDialog()
    {
        m_bob = std::make_unique<MainWindow>();
        MainWindow& w = *m_bob;
        const QSize screen = QGuiApplication::primaryScreen()->availableGeometry().size();
        w.resize(screen.boundedTo(QSize(1920, 1080)));
        w.show();
        QAction* open = menuAction(w, QStringLiteral("Open &case..."));
        QVERIFY(open);
        open->trigger();
        auto* dialog = w.findChild<OpenCaseDialog*>(QStringLiteral("openCaseDialog"));
        QVERIFY(dialog && dialog->isVisible());
        const QString typed = location(QStringLiteral("bob:") + kSecret);
        auto* note = dialog->findChild<QLabel*>(QStringLiteral("passwordNote"));
        QVERIFY(note && !note->isVisible());
        dialog->findChild<QLineEdit*>(QStringLiteral("caseLocation"))->setText(typed);
        QVERIFY(note->isVisible()); // typed in clear: told where a password belongs
        QTest::qWait(50);
        for (QLabel* label : dialog->findChildren<QLabel*>()) // wrapped, not cut
            QVERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(label->text()));
        shoot(dialog, QStringLiteral("1-open-case-dialog"));
        QSignalSpy loaded(w.loadJob(), &LoadJob::finished);
        dialog->accept();
        QVERIFY(loaded.wait(60000));
        QTRY_VERIFY(w.investigation());
        CaseController* cases = w.caseActions()->controller();
        QVERIFY(cases->isOpen());
        const QString title = withoutIsolates(w.windowTitle());
        QVERIFY2(title.startsWith(QStringLiteral("case-17 on 127.0.0.1 — Synthetic")), qPrintable(title));
        auto* status = w.statusBar()->findChildren<QLabel*>().front();
        QVERIFY2(status->text().contains(QStringLiteral("case-17 on 127.0.0.1")), qPrintable(status->text()));
        const QString remembered = QStringLiteral("postgresql://bob@127.0.0.1:%1/postgres#case-17").arg(m_server.port());
        QVERIFY2(w.recentFiles().contains(remembered), qPrintable(w.recentFiles().join(QLatin1Char(' ')))); // and its evidence
        QVERIFY(!w.recentFiles().join(QLatin1Char(' ')).contains(QStringLiteral("***")));
        QVERIFY(!QSettings().allKeys().isEmpty());
        for (const QString& key : QSettings().allKeys())
            QVERIFY2(!QSettings().value(key).toString().contains(kSecret), qPrintable(key));
        for (QMenu* menu : w.menuBar()->findChildren<QMenu*>())
            Q_EMIT menu->aboutToShow(); // File > Open recent fills itself
        QVERIFY(menuAction(w, remembered)); // offered as it is kept
        for (const QString& text : shownTexts(&w))
            QVERIFY2(!text.contains(kSecret), qPrintable(text));
        // The export dialog names the open case without the password, and exports from it.
        bool seen = false;
        QTimer::singleShot(200, this, [&] {
            if (auto* exportDialog = w.findChild<ExportDialog*>()) {
                seen = true;
                QVERIFY(!shownTexts(&w).join(QLatin1Char('\n')).contains(kSecret));
                QCOMPARE(exportDialog->casePath(), typed); // what the export connects with
                exportDialog->reject();
            }
        });
        menuAction(w, QStringLiteral("Export &report..."))->trigger();
        QVERIFY(seen);
    }

    // 2. Alice's edit appears in bob's dashboard within a second: the panel names her, the
    // timeline draws it, and the status bar says who changed what.
    void anotherReviewersEditArrives()
    {
        MainWindow& w = *m_bob;
        const auto& hours = w.investigation()->aggregates.hours;
        Annotation a;
        a.kind = AnnotationKind::Range;
        a.from = hours[hours.size() / 2].hour * 3600;
        a.to = a.from + 6 * 86400;
        a.title = QStringLiteral("Refusal probing burst 请求");
        a.severity = AnnotationSeverity::KeyEvidence;
        QTest::qWait(300);
        QElapsedTimer shown;
        shown.start();
        const std::optional<Annotation> stored = m_alice->addAnnotation(a);
        QVERIFY(stored);
        m_id = stored->id;
        AnnotationsPanel* panel = w.caseActions()->panel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->view()->model()->rowCount(), 1, 1000);
        QVERIFY2(shown.elapsed() < 1000, "not shown within a second");
        QCOMPARE(panel->view()->model()->index(0, 5).data().toString(), QStringLiteral("alice"));
        QTRY_VERIFY(w.timelinePage()->annotationMarks() >= 1);
        QCOMPARE(withoutIsolates(w.statusBar()->currentMessage()), QStringLiteral("alice created range annotation \"%1\"").arg(a.title));
        w.showPage(PageId::Timeline);
        shoot(&w, QStringLiteral("2-edit-arrives"));
    }

    // 3. Bob edits the annotation while alice saves a newer version: bob is told who and when,
    // and chooses to keep hers (nothing of his is written) or to overwrite with his.
    void twoReviewersOneAnnotation()
    {
        MainWindow& w = *m_bob;
        AnnotationsPanel* panel = w.caseActions()->panel();
        panel->view()->selectRow(0);
        auto* edit = panel->findChildren<QPushButton*>().at(1);
        QCOMPARE(edit->text(), QStringLiteral("&Edit..."));
        QVERIFY(edit->isEnabled());
        edit->click();
        auto* dialog = w.findChild<AnnotationDialog*>(QStringLiteral("annotationDialog"));
        QVERIFY(dialog);
        Annotation newer = *m_alice->annotation(m_id);
        newer.note = QStringLiteral("alice: the burst continues into the next week");
        QVERIFY(m_alice->updateAnnotation(newer));
        CaseController* cases = w.caseActions()->controller();
        QTRY_COMPARE_WITH_TIMEOUT(cases->annotations().front().note, newer.note, 1000);
        dialog->findChild<QPlainTextEdit*>()->setPlainText(QStringLiteral("bob: only the first day"));
        dialog->accept();
        QTRY_VERIFY(shownBox());
        QMessageBox* box = shownBox();
        QCOMPARE(box->objectName(), QStringLiteral("conflictBox"));
        const QRegularExpression said(QStringLiteral("^Your edit of \"Refusal probing burst 请求\" was not saved: annotation %1 "
                                                     "was changed by alice at \\d\\d:\\d\\d UTC; reload or overwrite\\.$").arg(m_id));
        QVERIFY2(said.match(withoutIsolates(box->text())).hasMatch(), qPrintable(box->text()));
        auto* overwrite = box->findChild<QPushButton*>(QStringLiteral("overwrite"));
        QVERIFY(overwrite && box->findChild<QPushButton*>(QStringLiteral("reload")));
        QCOMPARE(box->defaultButton(), box->findChild<QPushButton*>(QStringLiteral("reload"))); // Enter keeps theirs
        shoot(box, QStringLiteral("3-conflict"));
        QCOMPARE(cases->annotations().front().note, newer.note); // nothing of bob's was written
        QCOMPARE(m_alice->annotation(m_id)->note, newer.note);
        overwrite->click();
        QTRY_COMPARE(m_alice->annotation(m_id)->note, QStringLiteral("bob: only the first day"));
        QCOMPARE(cases->annotations().front().author, QStringLiteral("alice")); // her annotation, his edit
        QCOMPARE(m_alice->audit().back().actor, QStringLiteral("bob"));      // recorded as his, not the case creator's
        QVERIFY(w.caseActions()->controller()->undoStack()->canUndo());
    }

    // 4. The server goes away: the dashboard says so, keeps the case, refuses edits and says why;
    // it reconnects by itself when the server is back.
    void serverAwayAndBack()
    {
        MainWindow& w = *m_bob;
        CaseController* cases = w.caseActions()->controller();
        AnnotationsPanel* panel = w.caseActions()->panel();
        QAction* annotate = menuAction(w, QStringLiteral("&Annotate..."));
        QVERIFY(annotate && annotate->isEnabled());
        QVERIFY(m_server.stop());
        QTRY_VERIFY_WITH_TIMEOUT(!cases->isConnected(), 5000);
        auto* status = w.statusBar()->findChildren<QLabel*>().front();
        QVERIFY2(status->text().contains(QStringLiteral("SERVER UNREACHABLE")), qPrintable(status->text()));
        QCOMPARE(panel->view()->model()->rowCount(), 1);
        QVERIFY(!annotate->isEnabled());
        QVERIFY2(annotate->toolTip().contains(QStringLiteral("cannot be reached")), qPrintable(annotate->toolTip()));
        for (QPushButton* b : panel->findChildren<QPushButton*>()) {
            QVERIFY(!b->isEnabled());
            QVERIFY2(b->toolTip().contains(QStringLiteral("cannot be reached")), qPrintable(b->text()));
        }
        auto* range = w.timelinePage()->findChild<QPushButton*>(QStringLiteral("annotateRange"));
        QVERIFY(range->isVisibleTo(&w) && !range->isEnabled());
        QVERIFY2(range->toolTip().contains(QStringLiteral("cannot be reached")), qPrintable(range->toolTip()));
        QVERIFY2(w.statusBar()->currentMessage().startsWith(QStringLiteral("Lost the connection to case-17 on 127.0.0.1")),
                 qPrintable(w.statusBar()->currentMessage()));
        shoot(&w, QStringLiteral("4-server-away"));
        Annotation a = cases->annotations().front();
        a.id = 0;
        cases->addAnnotation(a); // a keyboard shortcut or a dialog open before: refused
        QCOMPARE(cases->annotations().size(), std::size_t(1));
        QTRY_VERIFY(shownBox());
        QVERIFY2(shownBox()->text().contains(QStringLiteral("not made")), qPrintable(shownBox()->text()));
        shownBox()->accept();
        QVERIFY(m_server.restart());
        QTRY_VERIFY_WITH_TIMEOUT(cases->isConnected(), 10000);
        QVERIFY(annotate->isEnabled());
        QVERIFY(!status->text().contains(QStringLiteral("UNREACHABLE")));
        QVERIFY2(w.statusBar()->currentMessage().startsWith(QStringLiteral("Reconnected to case-17 on 127.0.0.1")),
                 qPrintable(w.statusBar()->currentMessage()));
        QVERIFY(range->toolTip().startsWith(QStringLiteral("Add an annotation")));
        QString error;
        std::unique_ptr<CaseBackend> check = openCase(location(QStringLiteral("alice")), CaseBackend::Mode::ReadOnly, &error);
        QVERIFY2(check, qPrintable(error));
        QCOMPARE(check->annotations().size(), std::size_t(1)); // nothing was written while away
        QVERIFY(m_alice->reconnect());
        shoot(&w, QStringLiteral("4-server-back"));
    }

    // 5. A reader (policy staff): what the role cannot do is greyed out with the reason, the
    // internal export profile too, and the pseudonym mapping is not readable.
    void readerSeesWhy()
    {
        m_bob.reset();
        MainWindow w;
        w.resize(QGuiApplication::primaryScreen()->availableGeometry().size().boundedTo(QSize(1920, 1080)));
        w.show();
        QSignalSpy loaded(w.loadJob(), &LoadJob::finished);
        w.openFile(location(QStringLiteral("policy_staff")));
        QVERIFY(loaded.wait(60000));
        CaseController* cases = w.caseActions()->controller();
        QVERIFY(cases->isOpen());
        QTRY_COMPARE(w.caseActions()->panel()->view()->model()->rowCount(), 1);
        const QString why = QStringLiteral("may read this case but not annotate it");
        QAction* annotate = menuAction(w, QStringLiteral("&Annotate..."));
        QVERIFY(!annotate->isEnabled());
        QVERIFY2(annotate->toolTip().contains(why), qPrintable(annotate->toolTip()));
        AnnotationsPanel* panel = w.caseActions()->panel();
        panel->view()->selectRow(0);
        for (QPushButton* b : panel->findChildren<QPushButton*>()) {
            QVERIFY(!b->isEnabled());
            QVERIFY2(b->toolTip().contains(why), qPrintable(b->text()));
        }
        w.showPage(PageId::Timeline);
        auto* range = w.timelinePage()->findChild<QPushButton*>(QStringLiteral("annotateRange"));
        QVERIFY(range->isVisibleTo(&w) && !range->isEnabled());
        QVERIFY2(range->toolTip().contains(why), qPrintable(range->toolTip()));
        auto* said = panel->findChild<QLabel*>(QStringLiteral("caseStatus"));
        QVERIFY(said->text().contains(QStringLiteral("you are policy_staff")) && said->text().contains(why));
        QVERIFY2(w.minimumSizeHint().width() <= 1366, "the reason makes the window wider than a 1366-pixel screen");
        QVERIFY(said->height() >= said->heightForWidth(said->width())); // wrapped, not cut
        QVERIFY(!static_cast<PgCase*>(cases->caseFile())->allPseudonyms().has_value());
        shoot(&w, QStringLiteral("5-reader"));

        // File > Export report: internal greyed out with the reason; no password in the dialog.
        bool seen = false;
        QTimer::singleShot(200, this, [&] {
            auto* dialog = w.findChild<ExportDialog*>();
            if (!dialog)
                return;
            seen = true;
            auto* items = qobject_cast<QStandardItemModel*>(dialog->findChildren<QComboBox*>().front()->model());
            QVERIFY(items && !items->item(0)->isEnabled());
            QVERIFY(items->item(0)->toolTip().contains(QStringLiteral("policy or external profile")));
            QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("exportRefusal"))->isVisible());
            shoot(dialog, QStringLiteral("5-reader-export"));
            dialog->reject();
        });
        menuAction(w, QStringLiteral("Export &report..."))->trigger();
        QVERIFY(seen);
    }

    // What the recent list keeps of a location: everything but the password.
    void locationWithoutPassword_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("kept");
        const QString plain = QStringLiteral("postgresql://bob@db.example:5432/hs#case-17");
        QTest::newRow("none") << plain << plain;
        QTest::newRow("userinfo") << QStringLiteral("postgresql://bob:s3cr%40t@db.example:5432/hs#case-17") << plain;
        QTest::newRow("masked") << QStringLiteral("postgresql://bob:***@db.example:5432/hs#case-17") << plain;
        QTest::newRow("query only") << QStringLiteral("postgres://bob@db.example/hs?password=x#c") << QStringLiteral("postgres://bob@db.example/hs#c");
        QTest::newRow("query, more")
            << QStringLiteral("postgresql://bob@h/hs?sslmode=require&PASSWORD=x&application_name=a#c")
            << QStringLiteral("postgresql://bob@h/hs?sslmode=require&application_name=a#c");
        QTest::newRow("a file") << QStringLiteral("/cases/a:b@c.hcase") << QStringLiteral("/cases/a:b@c.hcase");
    }
    void locationWithoutPassword()
    {
        QFETCH(QString, given);
        QFETCH(QString, kept);
        QCOMPARE(hs::locationWithoutPassword(given), kept);
    }

    void cleanupTestCase()
    {
        m_bob.reset();
        m_alice.reset();
        m_server.stop();
    }

private:
    QString location(const QString& user) const { return m_server.uri(user) + QStringLiteral("#case-17"); }

    QTemporaryDir m_dir;
    QTemporaryDir m_serverDir;
    test::PgServer m_server;
    QString m_evidence;
    std::unique_ptr<CaseBackend> m_alice;
    std::unique_ptr<MainWindow> m_bob;
    std::int64_t m_id = 0;
};

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    TestCasePgGui test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_casepg_gui.moc"
