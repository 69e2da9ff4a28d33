// SPDX-License-Identifier: GPL-3.0-or-later
// Tables, dialogs and keys (issue 12): sort arrows and default sorts, column widths, filtered
// titles, the groups filter, the annotation dialog and panel, undo, annotation subjects in the
// report and the bundle, the export dialogs, the reviewer's name, presentation slides and the
// shortcut list.
#include "analysis.h"
#include "accountspage.h"
#include "annotationdialog.h"
#include "annotationsmodel.h"
#include "annotationspanel.h"
#include "annotationsubject.h"
#include "bundlecsv.h"
#include "caseactions.h"
#include "displaytext.h"
#include "casecontroller.h"
#include "capabilitiespage.h"
#include "exportactions.h"
#include "fixturedb.h"
#include "generatorstory.h"
#include "loadjob.h"
#include "mainwindow.h"
#include "pageset.h"
#include "preferencesdialog.h"
#include "presentation.h"
#include "presentationmode.h"
#include "redaction.h"
#include "reportcontent.h"
#include "selection.h"
#include "selectionbar.h"
#include "tablepanel.h"
#include "theme.h"
#include "timelinepage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QStyleFactory>
#include <QStyleOptionHeader>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

using namespace hs;

class TestTables : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sortArrowPointsUpWhenAscending();
    void defaultSortIsLargestFirst();
    void numbersStayNearTheirLabels();
    void filteredTitleSaysHowMany();
    void groupsFilterNamesWhatIsLeftOut();
    void groupsMenuStaysOpenWhileTicking();
    void clearAllFiltersResetsEveryFilter();
    void annotationDialogStartsOnTitle();
    void undoKeepsTheEditedTime();
    void undoTextIsElided();
    void annotationSubjectsNamed_data();
    void annotationSubjectsNamed();
    void exportSuggestsRemembersConfirms();
    void newCaseReviewerIsPreferences();
    void slidesHideWorkingControls();
    void savedViewSlideSaysWhatItShows();
    void shortcutListIsComplete();
    void tablesShowTheirHeadersAt1366();

private:
    bool open(MainWindow& w);
    QTemporaryDir m_dir;
    QString m_path;
    std::shared_ptr<const Investigation> m_inv;
};

bool TestTables::open(MainWindow& w)
{
    QSignalSpy finished(w.loadJob(), &LoadJob::finished);
    w.openFile(m_path);
    return finished.wait(60000);
}

void TestTables::initTestCase()
{
    test::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("HydrascopeTests"));
    QSettings().clear();
    m_path = m_dir.filePath(QStringLiteral("evidence.db"));
    QVERIFY(test::writeTinyDb(m_path));
    const LoadResult r = loadInvestigation(m_path, {});
    QVERIFY(r.ok());
    m_inv = r.investigation;
    applyTheme(QStringLiteral("light"));
}

namespace {

TableData numbers(int rows)
{
    TableData t;
    t.headers = {QStringLiteral("Name"), QStringLiteral("Country"), QStringLiteral("Exchanges"), QStringLiteral("Accounts")};
    t.numeric = {false, false, true, true};
    for (int r = 0; r < rows; ++r) {
        t.text.push_back({QStringLiteral("row %1").arg(r), QStringLiteral("NL"), QString::number(r * 7 % 13), QString::number(r)});
        t.sortKey.push_back({QStringLiteral("row %1").arg(r), QStringLiteral("NL"), qlonglong(r * 7 % 13), qlonglong(r)});
    }
    return t;
}

// The style option a header paints a section with, as QHeaderView makes it.
class OptionHeader final : public QHeaderView
{
public:
    OptionHeader() : QHeaderView(Qt::Horizontal) {}
    QStyleOptionHeader optionFor(int section) const
    {
        QStyleOptionHeader option;
        initStyleOption(&option);
        initStyleOptionForIndex(&option, section);
        return option;
    }
};

// Rows (from the top) of the painted arrow, each the number of dark pixels in it.
QList<int> arrowRows(const QImage& image)
{
    QList<int> rows;
    for (int y = 0; y < image.height(); ++y) {
        int dark = 0;
        for (int x = 0; x < image.width(); ++x)
            dark += qGray(image.pixel(x, y)) < 160 ? 1 : 0;
        if (dark > 0)
            rows << dark;
    }
    return rows;
}

} // namespace

// Sorted ascending (smallest first), the header's arrow points up, as on Windows, macOS, KDE and
// GNOME; descending, down. Painted by the style the dashboard runs with, and measured.
void TestTables::sortArrowPointsUpWhenAscending()
{
    QTableView view;
    QStyleOptionHeader option;
    option.rect = QRect(0, 0, 24, 24);
    option.palette = QApplication::palette();
    option.state = QStyle::State_Enabled;
    for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        // What QHeaderView asks the style for (Qt 6.4, QHeaderView::initStyleOptionForIndex).
        option.sortIndicator = order == Qt::AscendingOrder ? QStyleOptionHeader::SortDown : QStyleOptionHeader::SortUp;
        QImage image(24, 24, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        QApplication::style()->drawPrimitive(QStyle::PE_IndicatorHeaderArrow, &option, &painter, view.horizontalHeader());
        painter.end();
        const QList<int> rows = arrowRows(image);
        QVERIFY2(rows.size() >= 3, "an arrow is painted");
        const bool up = rows.front() < rows.back(); // narrow at the top: the tip points up
        QCOMPARE(up, order == Qt::AscendingOrder);
    }
    // Fusion alone draws the request as written, a down arrow for ascending: the reason for the flip.
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    option.sortIndicator = QStyleOptionHeader::SortDown;
    QImage plain(24, 24, QImage::Format_RGB32);
    plain.fill(Qt::white);
    QPainter painter(&plain);
    fusion->drawPrimitive(QStyle::PE_IndicatorHeaderArrow, &option, &painter, view.horizontalHeader());
    painter.end();
    const QList<int> rows = arrowRows(plain);
    QVERIFY(rows.size() >= 3 && rows.front() > rows.back());
    // And QHeaderView asks for "down" when ascending: the premise of the style's flip.
    TableModel model;
    model.setTable(numbers(5));
    OptionHeader header;
    header.setModel(&model);
    header.setSortIndicatorShown(true);
    header.setSortIndicator(0, Qt::AscendingOrder);
    QCOMPARE(header.optionFor(0).sortIndicator, QStyleOptionHeader::SortDown);
    header.setSortIndicator(0, Qt::DescendingOrder);
    QCOMPARE(header.optionFor(0).sortIndicator, QStyleOptionHeader::SortUp);
}

// A table nobody chose an order for shows its first count largest first; a page's own order (or
// the reviewer's click) is kept when new rows come.
void TestTables::defaultSortIsLargestFirst()
{
    TablePanel panel(QStringLiteral("Numbers"));
    panel.setTable(numbers(40));
    QCOMPARE(panel.proxy()->sortColumn(), 2);
    QCOMPARE(panel.proxy()->sortOrder(), Qt::DescendingOrder);
    for (int r = 1; r < panel.proxy()->rowCount(); ++r)
        QVERIFY(panel.proxy()->index(r - 1, 2).data(TableModel::SortRole).toLongLong()
                >= panel.proxy()->index(r, 2).data(TableModel::SortRole).toLongLong());
    TablePanel chosen(QStringLiteral("Chosen"));
    chosen.view()->sortByColumn(0, Qt::AscendingOrder);
    chosen.setTable(numbers(40));
    QCOMPARE(chosen.proxy()->sortColumn(), 0);
    panel.view()->sortByColumn(3, Qt::AscendingOrder); // the reviewer's click
    panel.setTable(numbers(30));
    QCOMPARE(panel.proxy()->sortColumn(), 3);
    QCOMPARE(panel.proxy()->sortOrder(), Qt::AscendingOrder);
}

// On a wide screen the last column is as wide as its contents, not the rest of the row.
void TestTables::numbersStayNearTheirLabels()
{
    TablePanel panel(QStringLiteral("Numbers"));
    panel.resize(1900, 400);
    panel.show();
    panel.setTable(numbers(10));
    QHeaderView* header = panel.view()->horizontalHeader();
    QVERIFY(!header->stretchLastSection());
    const int last = header->count() - 1;
    QVERIFY2(header->sectionSize(last) < 200, qPrintable(QString::number(header->sectionSize(last))));
    QVERIFY(header->sectionSize(last) >= header->sectionSizeHint(last) - 1);
}

// "Accounts (12 of 25,985)" while the filter box hides rows; the count alone otherwise.
void TestTables::filteredTitleSaysHowMany()
{
    TablePanel panel(QStringLiteral("Accounts"));
    panel.setTable(numbers(1200));
    const QLocale locale;
    QCOMPARE(panel.title(), QStringLiteral("Accounts (%1)").arg(locale.toString(1200)));
    panel.setFilterText(QStringLiteral("row 11"));
    const int shown = panel.proxy()->rowCount();
    QVERIFY(shown > 1 && shown < 1200);
    QCOMPARE(panel.title(), QStringLiteral("Accounts (%1 of %2)").arg(locale.toString(shown), locale.toString(1200)));
    panel.setFilterText(QString());
    QCOMPARE(panel.title(), QStringLiteral("Accounts (%1)").arg(locale.toString(1200)));
}

// The groups button names what the selection leaves out ("without Organic baseline"), or what
// it keeps when it keeps less.
void TestTables::groupsFilterNamesWhatIsLeftOut()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w));
    auto* bar = w.findChild<SelectionBar*>();
    QToolButton* button = bar->groupsButton();
    const auto inv = w.investigation();
    const std::uint32_t n = inv->groupCount();
    QCOMPARE(button->text(), QStringLiteral("Groups: %1 of %1").arg(n));
    std::vector<bool> groups(n, true);
    groups[inv->baselineGroup()] = false;
    w.selection()->setGroups(groups);
    QCOMPARE(button->text(), QStringLiteral("Groups: %1 of %2 (without Organic baseline)").arg(n - 1).arg(n));
    groups.assign(n, false);
    groups[0] = true;
    w.selection()->setGroups(groups);
    QCOMPARE(button->text(), QStringLiteral("Groups: 1 of %1 (only %2)").arg(n).arg(isolated(inv->campaigns[0].name)));
    QVERIFY(button->toolTip().contains(QStringLiteral("Left out:")));
    QVERIFY(button->minimumWidth() >= button->fontMetrics().horizontalAdvance(button->text()));
}

// Ticking a group in the menu leaves the menu open for the next one; each tick changes the
// selection at once.
void TestTables::groupsMenuStaysOpenWhileTicking()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w));
    auto* bar = w.findChild<SelectionBar*>();
    QMenu* menu = bar->groupsButton()->menu();
    menu->popup(bar->groupsButton()->mapToGlobal(QPoint(0, bar->groupsButton()->height())));
    QVERIFY(QTest::qWaitForWindowExposed(menu));
    const QList<QAction*> actions = menu->actions();
    QVERIFY(actions.size() >= 3);
    for (int i : {0, 1}) {
        const QRect r = menu->actionGeometry(actions[i]);
        QTest::mouseClick(menu, Qt::LeftButton, {}, r.center());
        QVERIFY(menu->isVisible());
        QVERIFY(!actions[i]->isChecked());
        QVERIFY(!w.selection()->current().hasGroup(std::uint32_t(i)));
    }
    menu->setActiveAction(actions[0]);
    QTest::keyClick(menu, Qt::Key_Space);
    QVERIFY(menu->isVisible());
    QVERIFY(w.selection()->current().hasGroup(0));
    menu->close();
}

// "Clear all filters": every group, the whole period, every model and capability, in one step.
void TestTables::clearAllFiltersResetsEveryFilter()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w));
    auto* bar = w.findChild<SelectionBar*>();
    QVERIFY(!bar->clearAllAction()->isEnabled());
    std::vector<bool> groups(w.investigation()->groupCount(), true);
    groups[0] = false;
    w.selection()->setGroups(groups);
    w.selection()->setRange(TimeRange{story::kStart, story::kStart + 86400});
    w.selection()->setModel(1u);
    w.selection()->setCapability(2u);
    QVERIFY(bar->clearAllAction()->isEnabled());
    bar->clearAllAction()->trigger();
    const Selection& s = w.selection()->current();
    QVERIFY(!s.range && !s.model && !s.capability);
    for (std::uint32_t g = 0; g < w.investigation()->groupCount(); ++g)
        QVERIFY(s.hasGroup(g));
    QVERIFY(!bar->clearAllAction()->isEnabled());
    QVERIFY(w.selection()->canGoBack()); // Back brings the filters back
}

void TestTables::annotationDialogStartsOnTitle()
{
    for (const AnnotationKind kind : {AnnotationKind::Range, AnnotationKind::Campaign}) {
        Annotation a;
        a.kind = kind;
        a.from = story::kStart;
        a.to = story::kStart + 3600;
        AnnotationDialog dialog(m_inv, a);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* title = qobject_cast<QLineEdit*>(dialog.focusWidget());
        QVERIFY(title);
        QCOMPARE(title->accessibleName(), QStringLiteral("Title"));
    }
}

// Undoing an edit puts back the annotation as it was, its edited time included.
void TestTables::undoKeepsTheEditedTime()
{
    CaseController cases;
    QString error;
    const QString path = m_dir.filePath(QStringLiteral("undo.hcase"));
    QVERIFY2(cases.create(path, m_inv->evidence, QStringLiteral("reviewer"), QStringLiteral("Undo"), &error), qPrintable(error));
    Annotation a;
    a.kind = AnnotationKind::Range;
    a.title = QStringLiteral("First");
    a.from = story::kStart;
    a.to = story::kStart + 3600;
    cases.addAnnotation(a);
    QCOMPARE(cases.annotations().size(), std::size_t(1));
    // Last edited yesterday, as an annotation made on another day is.
    Annotation before = cases.annotations().front();
    before.editedAt -= 86400;
    QVERIFY(cases.caseFile()->revertAnnotation(before));
    const Annotation stored = *cases.caseFile()->annotation(before.id);
    QCOMPARE(stored.editedAt, before.editedAt);
    Annotation after = stored;
    after.title = QStringLiteral("Second");
    cases.editAnnotation(after);
    QVERIFY(cases.caseFile()->annotation(before.id)->editedAt > before.editedAt);
    cases.undoStack()->undo();
    const Annotation undone = *cases.caseFile()->annotation(before.id);
    QCOMPARE(undone.title, QStringLiteral("First"));
    QCOMPARE(undone.editedAt, before.editedAt);
    cases.undoStack()->redo();
    QCOMPARE(cases.caseFile()->annotation(before.id)->title, QStringLiteral("Second"));
}

// Edit > Undo names the annotation; a long title is cut with an ellipsis.
void TestTables::undoTextIsElided()
{
    CaseController cases;
    QString error;
    QVERIFY(cases.create(m_dir.filePath(QStringLiteral("elide.hcase")), m_inv->evidence, QStringLiteral("r"), QStringLiteral("t"), &error));
    Annotation a;
    a.kind = AnnotationKind::Point;
    a.title = QStringLiteral("A very long title that goes on well past forty characters");
    a.from = story::kStart;
    cases.addAnnotation(a);
    const QString text = cases.undoStack()->undoText();
    QVERIFY2(text.contains(QChar(0x2026)), qPrintable(text));
    QVERIFY(!text.contains(a.title));
    QVERIFY(text.contains(a.title.left(30)));
}

void TestTables::annotationSubjectsNamed_data()
{
    QTest::addColumn<int>("profile");
    QTest::addRow("internal") << int(RedactionProfile::Internal);
    QTest::addRow("policy") << int(RedactionProfile::Policy);
}

// The report's annotation list and annotations.csv name a campaign annotation by the campaign's
// name and an account annotation by the account's reference, its pseudonym under policy.
void TestTables::annotationSubjectsNamed()
{
    QFETCH(int, profile);
    Redactor redactor{RedactionProfile(profile)};
    QString error;
    QVERIFY2(redactor.prepare(*m_inv, nullptr, &error), qPrintable(error));
    const CampaignInfo& campaign = m_inv->campaigns.back();
    const AccountInfo& account = m_inv->accounts.back();
    std::vector<Annotation> notes(2);
    notes[0].id = 1;
    notes[0].kind = AnnotationKind::Campaign;
    notes[0].target = campaign.id;
    notes[0].title = QStringLiteral("campaign note");
    notes[1].id = 2;
    notes[1].kind = AnnotationKind::Account;
    notes[1].target = account.id;
    notes[1].title = QStringLiteral("account note");
    const QString accountName = redactor.account(account.externalRef);
    QCOMPARE(accountName.startsWith(QStringLiteral("ACCT-")), profile == int(RedactionProfile::Policy));
    CaseSnapshot snapshot;
    snapshot.annotations = notes;
    const ReportContent report = buildReport(*m_inv, analyze(*m_inv), &snapshot, redactor, {});
    QStringList details;
    for (const AnnotationReport& r : report.annotations)
        details << r.details;
    const QString all = details.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("campaign %1").arg(campaign.name)), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("account %1").arg(accountName)), qPrintable(all));
    QVERIFY(!all.contains(QStringLiteral(" id ")));
    const QString csv = QString::fromUtf8(annotationsCsv(*m_inv, redactor, redactor.annotations(notes)));
    QVERIFY2(csv.contains(QStringLiteral(",campaign %1,").arg(campaign.name)), qPrintable(csv));
    QVERIFY2(csv.contains(QStringLiteral(",account %1,").arg(accountName)), qPrintable(csv));
    QVERIFY(!csv.contains(QStringLiteral(" id ")));
    if (profile == int(RedactionProfile::Policy))
        QVERIFY(!csv.contains(account.externalRef) && !all.contains(account.externalRef));
    // Only a thing the evidence lacks keeps its id, and says so.
    Annotation dangling = notes[0];
    dangling.target = 999999;
    QVERIFY(annotationSubjectText(*m_inv, dangling, redactor).contains(QStringLiteral("not in the evidence")));
}

namespace {

// Accepts the export dialog once it shows, choosing the given profile (and the report option).
void acceptExportDialog(int profile, bool withReport)
{
    QTimer::singleShot(0, [profile, withReport] {
        auto* dialog = qobject_cast<ExportDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return acceptExportDialog(profile, withReport);
        dialog->findChildren<QComboBox*>().front()->setCurrentIndex(profile);
        if (auto* box = dialog->findChild<QAbstractButton*>(QStringLiteral("exportWithReport")))
            box->setChecked(withReport);
        dialog->accept();
    });
}

} // namespace

// The export dialogs suggest a name beside the evidence, offer --view and --with-report,
// remember the profile per kind of export, and confirm in the status bar with a link to the folder.
void TestTables::exportSuggestsRemembersConfirms()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w));
    auto* exports = w.findChild<ExportActions*>();
    QVERIFY(exports);
    QString suggested;
    QString target;
    exports->setChooser([&](const QString&, const QString& s, bool) {
        suggested = s;
        return target;
    });
    const QString folder = QFileInfo(m_path).absolutePath();
    target = m_dir.filePath(QStringLiteral("out/report.pdf"));
    QDir().mkpath(m_dir.filePath(QStringLiteral("out")));
    acceptExportDialog(1, false);
    exports->exportReport();
    QCOMPARE(QFileInfo(suggested).absolutePath(), folder);
    QCOMPARE(QFileInfo(suggested).fileName(), QStringLiteral("evidence-report-policy.pdf"));
    QVERIFY(QFileInfo::exists(target));
    QLabel* done = exports->confirmation();
    QVERIFY(done && done->isVisibleTo(&w));
    QVERIFY(done->text().contains(target.toHtmlEscaped()));
    QVERIFY(done->text().contains(QUrl::fromLocalFile(QFileInfo(target).absolutePath()).toString(QUrl::FullyEncoded)));
    QVERIFY(done->text().contains(QStringLiteral("Open folder")));
    // Remembered per kind: the report's next dialog starts on policy, the bundle's on the preference.
    ExportDialog report(true, QString(), Settings{}, nullptr);
    QCOMPARE(report.profileIndex(), 1);
    ExportDialog bundle(false, QString(), Settings{}, nullptr);
    QCOMPARE(bundle.profileIndex(), 0);
    QVERIFY(bundle.findChild<QAbstractButton*>(QStringLiteral("exportWithReport"))->isVisibleTo(&bundle));
    QVERIFY(report.findChild<QComboBox*>(QStringLiteral("exportView"))->isVisibleTo(&report));
    report.setViews({QStringLiteral("Pivot day")});
    report.findChild<QComboBox*>(QStringLiteral("exportView"))->setCurrentIndex(1);
    QCOMPARE(report.viewName(), QStringLiteral("Pivot day"));
    // The bundle, with the report in it.
    target = m_dir.filePath(QStringLiteral("bundle"));
    acceptExportDialog(2, true);
    exports->exportBundle();
    QCOMPARE(QFileInfo(suggested).fileName(), QStringLiteral("evidence-bundle-external"));
    QVERIFY(QFileInfo::exists(target + QStringLiteral("/report.pdf")));
    QVERIFY(QFileInfo::exists(target + QStringLiteral("/annotations.csv")));
    QVERIFY(exports->confirmation()->text().contains(QStringLiteral("Case bundle saved")));
    ExportDialog again(false, QString(), Settings{}, nullptr);
    QCOMPARE(again.profileIndex(), 2);
}

// A new case is given the reviewer name that Edit > Preferences shows.
void TestTables::newCaseReviewerIsPreferences()
{
    for (const QString& name : {QString(), QStringLiteral("A. Reviewer")}) {
        Settings s = Settings::load();
        s.reviewer = name;
        s.save();
        PreferencesDialog dialog(Settings::load(), nullptr);
        auto* field = dialog.findChild<QLineEdit*>(QStringLiteral("reviewerName"));
        QVERIFY(field);
        QVERIFY(!field->text().isEmpty());
        QCOMPARE(field->text(), CaseActions::defaultReviewer());
        if (!name.isEmpty())
            QCOMPARE(field->text(), name);
    }
}

// On a slide the working controls are hidden: every table's filter box and "Save CSV...", the
// charts' "Save image...", the capability hint; a filtered table's title says how many it shows.
void TestTables::slidesHideWorkingControls()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w));
    PresentationMode* p = w.presentation();
    QVERIFY(p->enter());
    QTest::keyClick(&w, Qt::Key_End); // the network slide, and the one before it: the cluster
    QTest::keyClick(&w, Qt::Key_Left);
    QCOMPARE(w.pages()->currentWidget(), static_cast<QWidget*>(w.accountsPage()));
    TablePanel* clusters = w.accountsPage()->clusters();
    QTRY_COMPARE(clusters->proxy()->rowCount(), 1);
    QTRY_VERIFY(clusters->model()->rowCount() > 1);
    QVERIFY2(clusters->title().contains(QStringLiteral("(1 of ")), qPrintable(clusters->title()));
    for (int page = 0; page < w.pages()->count(); ++page) {
        w.pages()->setCurrentIndex(page);
        QCoreApplication::processEvents();
        for (QLineEdit* edit : w.pages()->widget(page)->findChildren<QLineEdit*>())
            QVERIFY2(!edit->isVisibleTo(&w) || !edit->placeholderText().startsWith(QStringLiteral("Filter")),
                     qPrintable(edit->placeholderText()));
        for (QPushButton* button : w.pages()->widget(page)->findChildren<QPushButton*>())
            QVERIFY2(!button->isVisibleTo(&w) || !button->text().startsWith(QStringLiteral("Save")),
                     qPrintable(w.pages()->widget(page)->objectName() + QStringLiteral(": ") + button->text()));
        for (QLabel* label : w.pages()->widget(page)->findChildren<QLabel*>())
            QVERIFY2(!label->isVisibleTo(&w) || !label->text().startsWith(QStringLiteral("Click a capability")), qPrintable(label->text()));
    }
    p->leave();
    QVERIFY(w.capabilitiesPage()->findChild<QPushButton*>()->isVisibleTo(&w) || w.pages()->currentWidget() != w.capabilitiesPage());
}

// A saved view's slide says which groups and which range it shows.
void TestTables::savedViewSlideSaysWhatItShows()
{
    SavedView v;
    v.name = QStringLiteral("Pivot day");
    v.page = PageId::Timeline;
    v.allGroups = false;
    v.campaignIds = {m_inv->campaigns.front().id};
    v.baseline = false;
    v.from = story::kPivotRelease - 3600;
    v.to = story::kPivotRelease + 86400;
    const std::vector<Slide> slides = presentationSlides(*m_inv, analyze(*m_inv), {v});
    QCOMPARE(slides.size(), std::size_t(1));
    const QString scope = slides.front().scope;
    QVERIFY2(scope.startsWith(m_inv->campaigns.front().name + QLatin1Char(';')), qPrintable(scope));
    QVERIFY(!scope.contains(QStringLiteral("baseline")));
    QVERIFY2(scope.contains(QStringLiteral("2026-01-27 13:37")), qPrintable(scope));
    v.allGroups = true;
    v.from.reset();
    v.to.reset();
    QCOMPARE(slideScope(*m_inv, v), QStringLiteral("Every group; the whole period"));
}

// F1 lists every key: the menus', Back and Forward, Clear range, the views (Ctrl+1..6), the
// exports and presentation mode's slide keys.
void TestTables::shortcutListIsComplete()
{
    MainWindow w;
    const QList<QPair<QString, QString>> rows = shortcutRows(&w);
    QStringList names, keys;
    for (const auto& [name, key] : rows) {
        names << name;
        keys << key;
    }
    const QString all = names.join(QLatin1Char('\n'));
    for (const char* name : {"Back", "Forward", "Clear range", "Clear all filters", "Export report...", "Export case bundle...",
                             "Presentation: next slide", "Presentation: previous slide", "Presentation: leave",
                             "Presentation mode", "Keyboard shortcuts"})
        QVERIFY2(all.contains(QLatin1String(name)), name);
    for (int i = 1; i <= 6; ++i)
        QVERIFY2(keys.contains(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + i)).toString(QKeySequence::NativeText)), qPrintable(QString::number(i)));
    QVERIFY(keys.contains(QKeySequence(Qt::CTRL | Qt::Key_E).toString(QKeySequence::NativeText)));
    QVERIFY(all.contains(QStringLiteral("Accounts & infrastructure")));
    // Every key the window answers to is listed, once.
    QSet<QString> listed(keys.begin(), keys.end());
    for (QAction* a : w.findChildren<QAction*>())
        if (!a->shortcuts().isEmpty() && !a->text().isEmpty() && a->shortcutContext() == Qt::WindowShortcut)
            QVERIFY2(listed.contains(a->shortcuts().front().toString(QKeySequence::NativeText)) ||
                         std::any_of(keys.begin(), keys.end(), [&](const QString& k) {
                             return k.contains(a->shortcuts().front().toString(QKeySequence::NativeText));
                         }),
                     qPrintable(a->text()));
    // Ctrl+3 shows the third view.
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(w.pages()->currentIndex(), 2);
}

// At 1366x768 every table's headers show their whole text.
void TestTables::tablesShowTheirHeadersAt1366()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w));
    for (int page = 0; page < w.pages()->count(); ++page) {
        w.pages()->setCurrentIndex(page);
        for (TablePanel* panel : w.pages()->widget(page)->findChildren<TablePanel*>()) {
            QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowCount() > 0 || panel->model()->table().headers.isEmpty(), 20000);
            QHeaderView* header = panel->view()->horizontalHeader();
            for (int c = 0; c < header->count(); ++c) {
                const QString text = panel->model()->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
                QVERIFY2(header->sectionSize(c) >= header->fontMetrics().horizontalAdvance(text),
                         qPrintable(panel->title() + QStringLiteral(": ") + text));
            }
        }
    }
}

QTEST_MAIN(TestTables)
#include "tst_tables.moc"
