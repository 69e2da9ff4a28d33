// SPDX-License-Identifier: GPL-3.0-or-later
// Annotations: the timeline layout, the panel's model and filters, saved views, undo/redo
// through the case file, and the dashboard driven as a reviewer annotates a dragged range.
#include "annotationdialog.h"
#include "annotationlayout.h"
#include "annotationsmodel.h"
#include "annotationspanel.h"
#include "caseactions.h"
#include "caseaudit.h"
#include "casecontroller.h"
#include "casefile.h"
#include "fixturedb.h"
#include "generator.h"
#include "generatorstory.h"
#include "loader.h"
#include "loadjob.h"
#include "mainwindow.h"
#include "qcustomplotshim.h"
#include "savedviews.h"
#include "selection.h"
#include "timelinepage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace hs;

namespace {

// Annotations from a small text form: "r FROM TO SEVERITY TITLE" or "p AT SEVERITY TITLE",
// separated by ';'. Severities: i, n, k.
std::vector<Annotation> parseAnnotations(const QString& text)
{
    std::vector<Annotation> out;
    for (const QString& item : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList f = item.trimmed().split(QLatin1Char(' '));
        Annotation a;
        a.id = static_cast<std::int64_t>(out.size()) + 1;
        const bool range = f.at(0) == QLatin1String("r");
        a.kind = range ? AnnotationKind::Range : AnnotationKind::Point;
        a.from = f.at(1).toLongLong();
        a.to = range ? f.at(2).toLongLong() : a.from;
        const QString severity = f.at(range ? 3 : 2);
        a.severity = severity == QLatin1String("k") ? AnnotationSeverity::KeyEvidence
                     : severity == QLatin1String("n") ? AnnotationSeverity::Notable : AnnotationSeverity::Info;
        a.title = f.mid(range ? 4 : 3).join(QLatin1Char(' '));
        out.push_back(a);
    }
    return out;
}

// Marks as "FROM-TO xCOUNT LANE LABEL" lines, for readable comparisons.
QStringList describe(const std::vector<AnnotationMark>& marks)
{
    QStringList out;
    for (const AnnotationMark& m : marks)
        out << QStringLiteral("%1-%2 x%3 %4 %5").arg(m.from).arg(m.to).arg(m.count).arg(m.lane).arg(m.label);
    return out;
}

} // namespace

class TestAnnotations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void layout_data();
    void layout();
    void layoutThousandsStaysBounded();
    void modelUnderTester();
    void filters_data();
    void filters();
    void savedViewRoundTrip();
    void undoRedo();
    void dragRangeAndAnnotate();
    void evidenceMismatchIsRecorded();
    void openingACaseOverOtherEvidenceIsNoMismatch();
    void doubleClickJumps();
    void panelShowsTitlesInFull_data();
    void panelShowsTitlesInFull();

private:
    bool open(MainWindow& w, const QString& path);
    QTemporaryDir m_dir;
    QString m_evidence;
    std::shared_ptr<const Investigation> m_inv;
    int m_cases = 0;
    QString nextCase() { return m_dir.filePath(QStringLiteral("case-%1.hcase").arg(++m_cases)); }
};

void TestAnnotations::initTestCase()
{
    test::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("HydrascopeTests"));
    QSettings().clear();
    m_evidence = m_dir.filePath(QStringLiteral("evidence.db"));
    QVERIFY(test::writeTinyDb(m_evidence));
    const LoadResult r = loadInvestigation(m_evidence, {});
    QVERIFY(r.ok());
    m_inv = r.investigation;
}

bool TestAnnotations::open(MainWindow& w, const QString& path)
{
    QSignalSpy finished(w.loadJob(), &LoadJob::finished);
    w.openFile(path);
    return finished.wait(60000);
}

void TestAnnotations::layout_data()
{
    QTest::addColumn<QString>("annotations");
    QTest::addColumn<qint64>("viewTo"); // the view is [0, viewTo) over 1000 pixels
    QTest::addColumn<QStringList>("marks");
    QTest::addRow("apart") << QStringLiteral("r 0 100 i A; p 500 i B") << qint64(1000)
                           << QStringList{QStringLiteral("0-100 x1 0 A"), QStringLiteral("500-500 x1 0 B")};
    QTest::addRow("nearby ranges merge") << QStringLiteral("r 0 100 i A; r 5 200 i B") << qint64(1000)
                                         << QStringList{QStringLiteral("0-200 x2 0 A (+1 more)")};
    QTest::addRow("range inside a range merges") << QStringLiteral("r 0 100 i A; r 50 60 i B") << qint64(1000)
                                                 << QStringList{QStringLiteral("0-100 x2 0 A (+1 more)")};
    QTest::addRow("overlapping ranges far apart stay apart")
        << QStringLiteral("r 0 100 i A; r 50 200 i B") << qint64(1000)
        << QStringList{QStringLiteral("0-100 x1 0 A"), QStringLiteral("50-200 x1 0 B")};
    // Evenly dense points do not chain into one mark across the view.
    QTest::addRow("no chaining") << QStringLiteral("p 0 i A; p 4 i B; p 8 i C; p 12 i D") << qint64(1000)
                                 << QStringList{QStringLiteral("0-4 x2 0 A (+1 more)"), QStringLiteral("8-12 x2 1 C (+1 more)")};
    // 6 pixels at 10 s a pixel: points 50 s apart merge, 70 s apart do not.
    QTest::addRow("close points merge") << QStringLiteral("p 1000 i A; p 1050 i B; p 1120 i C") << qint64(10000)
                                        << QStringList{QStringLiteral("1000-1050 x2 0 A (+1 more)"),
                                                       QStringLiteral("1120-1120 x1 1 C")};
    QTest::addRow("most severe title leads") << QStringLiteral("p 10 i minor; p 11 k Pivot; p 12 n other") << qint64(1000)
                                             << QStringList{QStringLiteral("10-12 x3 0 Pivot (+2 more)")};
    QTest::addRow("outside the view") << QStringLiteral("r 2000 3000 i A; p 5000 i B") << qint64(1000) << QStringList{};
    QTest::addRow("range reaching into view") << QStringLiteral("r -500 10 i A") << qint64(1000)
                                              << QStringList{QStringLiteral("-500-10 x1 0 A")};
    // Labels need room: a fourth crowded label finds no lane and is left out (the mark stays).
    QTest::addRow("lanes run out") << QStringLiteral("p 0 i AAAAAAAAAA; p 10 i BBBBBBBBBB; p 20 i CCCCCCCCCC; p 30 i DDDDDDDDDD")
                                   << qint64(1000)
                                   << QStringList{QStringLiteral("0-0 x1 0 AAAAAAAAAA"), QStringLiteral("10-10 x1 1 BBBBBBBBBB"),
                                                  QStringLiteral("20-20 x1 2 CCCCCCCCCC"), QStringLiteral("30-30 x1 -1 ")};
    QTest::addRow("long title shortened")
        << QStringLiteral("p 0 i %1").arg(QString(40, QLatin1Char('x'))) << qint64(1000)
        << QStringList{QStringLiteral("0-0 x1 0 %1\u2026").arg(QString(31, QLatin1Char('x')))};
}

void TestAnnotations::layout()
{
    QFETCH(QString, annotations);
    QFETCH(qint64, viewTo);
    QFETCH(QStringList, marks);
    AnnotationView view;
    view.from = 0;
    view.to = viewTo;
    view.pixels = 1000;
    QCOMPARE(describe(layoutAnnotations(parseAnnotations(annotations), view)), marks);
}

void TestAnnotations::layoutThousandsStaysBounded()
{
    std::vector<Annotation> many;
    for (int i = 0; i < 5000; ++i) {
        Annotation a;
        a.id = i + 1;
        a.kind = i % 2 ? AnnotationKind::Point : AnnotationKind::Range;
        a.from = std::int64_t(i) * 977 % 8000000;
        a.to = a.from + 3600;
        a.title = QStringLiteral("note %1").arg(i);
        many.push_back(a);
    }
    AnnotationView view;
    view.from = 0;
    view.to = 8000000;
    view.pixels = 1200;
    const std::vector<AnnotationMark> marks = layoutAnnotations(many, view);
    QVERIFY(marks.size() <= 1200 / 6 + 1); // no more marks than the width can separate
    int total = 0;
    for (const AnnotationMark& m : marks)
        total += m.count;
    QCOMPARE(total, 5000); // every annotation is in exactly one mark
}

void TestAnnotations::modelUnderTester()
{
    AnnotationsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AnnotationFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<Annotation> list = parseAnnotations(QStringLiteral("r 0 3600 k <b>bold</b>; p 7200 i second"));
    Annotation campaign;
    campaign.id = 3;
    campaign.kind = AnnotationKind::Campaign;
    campaign.target = m_inv->campaigns.front().id;
    campaign.title = QStringLiteral("campaign");
    list.push_back(campaign);
    model.setAnnotations(list, m_inv);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, AnnotationsModel::TitleColumn).data().toString(), QStringLiteral("<b>bold</b>"));
    QCOMPARE(model.index(0, AnnotationsModel::SeverityColumn).data().toString(), QStringLiteral("Key evidence"));
    QVERIFY(model.index(2, AnnotationsModel::SubjectColumn).data().toString().startsWith(m_inv->campaigns.front().name));
    QCOMPARE(model.rowOf(3), 2);
    proxy.sort(AnnotationsModel::SeverityColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, AnnotationsModel::TitleColumn).data().toString(), QStringLiteral("<b>bold</b>"));
    model.setAnnotations({}, m_inv);
    QCOMPARE(proxy.rowCount(), 0);
}

void TestAnnotations::filters_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("titles");
    QTest::addRow("none") << QString() << QString() << QStringList{QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma")};
    QTest::addRow("kind point") << QStringLiteral("kind") << QStringLiteral("point") << QStringList{QStringLiteral("beta")};
    QTest::addRow("severity key") << QStringLiteral("severity") << QStringLiteral("key-evidence") << QStringList{QStringLiteral("alpha")};
    QTest::addRow("tag, any case") << QStringLiteral("tag") << QStringLiteral("PIVOT") << QStringList{QStringLiteral("alpha"), QStringLiteral("gamma")};
    QTest::addRow("author") << QStringLiteral("author") << QStringLiteral("dan") << QStringList{QStringLiteral("beta")};
    QTest::addRow("text in note") << QStringLiteral("text") << QStringLiteral("proxy") << QStringList{QStringLiteral("gamma")};
    QTest::addRow("text matches nothing") << QStringLiteral("text") << QStringLiteral("zzz") << QStringList{};
}

void TestAnnotations::filters()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QStringList, titles);
    std::vector<Annotation> list = parseAnnotations(QStringLiteral("r 0 3600 k alpha; p 7200 i beta; r 100 200 n gamma"));
    list[0].tags = {QStringLiteral("pivot")};
    list[2].tags = {QStringLiteral("Pivot"), QStringLiteral("other")};
    list[1].author = QStringLiteral("Dana");
    list[2].note = QStringLiteral("seen through the proxy network");
    AnnotationsModel model;
    model.setAnnotations(list, m_inv);
    AnnotationFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AnnotationKind kind;
    AnnotationSeverity severity;
    if (field == QLatin1String("kind") && parseKind(value, &kind))
        proxy.setKind(kind);
    else if (field == QLatin1String("severity") && parseSeverity(value, &severity))
        proxy.setSeverity(severity);
    else if (field == QLatin1String("tag"))
        proxy.setTag(value);
    else if (field == QLatin1String("author"))
        proxy.setAuthor(value);
    else if (field == QLatin1String("text"))
        proxy.setText(value);
    QStringList shown;
    for (int r = 0; r < proxy.rowCount(); ++r)
        shown << proxy.index(r, AnnotationsModel::TitleColumn).data().toString();
    QCOMPARE(shown, titles);
}

void TestAnnotations::savedViewRoundTrip()
{
    Selection s;
    s.groups.assign(m_inv->groupCount(), false);
    s.groups[1] = true;
    s.range = TimeRange{story::kPivotRelease - 3600, story::kPivotRelease + 86400};
    s.model = 0;
    const SavedView v = savedViewFromSelection(*m_inv, s, QStringLiteral("pivot"), PageId::Timeline);
    QCOMPARE(v.campaignIds, std::vector<std::int64_t>{m_inv->campaigns[1].id});
    QVERIFY(!v.baseline);
    QStringList warnings;
    QCOMPARE(selectionFromSavedView(*m_inv, v, &warnings), s);
    QVERIFY(warnings.isEmpty());
    SavedView gone = v;
    gone.campaignIds.push_back(987654);
    selectionFromSavedView(*m_inv, gone, &warnings);
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.front().contains(QStringLiteral("987654")));
}

void TestAnnotations::undoRedo()
{
    CaseController controller;
    QString error;
    QVERIFY2(controller.create(nextCase(), m_inv->evidence, QStringLiteral("alice"), QString(), &error), qPrintable(error));
    QUndoStack* undo = controller.undoStack();
    Annotation a = parseAnnotations(QStringLiteral("r 0 3600 i first")).front();
    a.id = 0;
    controller.addAnnotation(a);
    QCOMPARE(controller.annotations().size(), std::size_t(1));
    Annotation edited = controller.annotations().front();
    edited.title = QStringLiteral("renamed");
    controller.editAnnotation(edited);
    const std::int64_t id = edited.id;
    controller.removeAnnotation(id);
    QVERIFY(controller.annotations().empty());
    QCOMPARE(undo->count(), 3);
    undo->undo(); // the deletion
    QCOMPARE(controller.caseFile()->annotation(id)->title, QStringLiteral("renamed"));
    undo->undo(); // the edit
    QCOMPARE(controller.caseFile()->annotation(id)->title, QStringLiteral("first"));
    undo->undo(); // the addition
    QVERIFY(controller.caseFile()->annotations().empty());
    undo->redo();
    QCOMPARE(controller.caseFile()->annotation(id)->title, QStringLiteral("first")); // same id again
    undo->redo();
    undo->redo();
    QVERIFY(controller.caseFile()->annotations().empty());
    // Every step is in the audit log, and the chain and contents check out.
    QCOMPARE(controller.caseFile()->audit().size(), std::size_t(1 + 3 + 3 + 3));
    QVERIFY(verifyCase(controller.caseFile()->snapshot()).tampering.isEmpty());
}

void TestAnnotations::dragRangeAndAnnotate()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w, m_evidence));
    const QString casePath = nextCase();
    w.caseActions()->createCase(casePath, QStringLiteral("reviewer"));
    CaseController* controller = w.caseActions()->controller();
    QVERIFY(controller->isOpen());
    TimelinePage* timeline = w.timelinePage();
    w.pages()->setCurrentWidget(timeline);
    timeline->zoomTo(story::kPivotRelease - 5 * 86400, story::kPivotRelease + 5 * 86400);
    auto* annotate = timeline->findChild<QPushButton*>(QStringLiteral("annotateRange"));
    QVERIFY(annotate && annotate->isVisible());
    QVERIFY(!annotate->isEnabled()); // no range yet
    QCustomPlot* plot = timeline->plot();
    const int y = plot->axisRect()->center().y();
    const int x1 = int(plot->xAxis->coordToPixel(double(story::kPivotRelease)));
    const int x2 = int(plot->xAxis->coordToPixel(double(story::kPivotRelease + 86400)));
    QTest::mousePress(plot, Qt::LeftButton, Qt::ShiftModifier, QPoint(x1, y));
    QTest::mouseMove(plot, QPoint(x2, y));
    QTest::mouseRelease(plot, Qt::LeftButton, Qt::ShiftModifier, QPoint(x2, y));
    const std::optional<TimeRange> range = w.selection()->current().range;
    QVERIFY(range);
    QVERIFY(annotate->isEnabled());
    QTest::mouseClick(annotate, Qt::LeftButton);
    AnnotationDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = w.findChild<AnnotationDialog*>(QStringLiteral("annotationDialog"))));
    QTest::keyClicks(dialog->titleEdit(), QStringLiteral("Pivot day"));
    dialog->accept();
    QCOMPARE(controller->annotations().size(), std::size_t(1));
    const Annotation a = controller->annotations().front();
    QCOMPARE(a.kind, AnnotationKind::Range);
    QCOMPARE(a.title, QStringLiteral("Pivot day"));
    QCOMPARE(a.from, range->from);
    QCOMPARE(a.to, range->to);
    QCOMPARE(timeline->annotationMarks(), std::size_t(1)); // drawn on the timeline
    QCOMPARE(w.caseActions()->panel()->view()->model()->rowCount(), 1);
    // Undo from the Edit menu removes it from the file, the panel and the timeline; redo restores it.
    controller->undoStack()->undo();
    QVERIFY(controller->caseFile()->annotations().empty());
    QCOMPARE(timeline->annotationMarks(), std::size_t(0));
    controller->undoStack()->redo();
    QCOMPARE(controller->caseFile()->annotations().size(), std::size_t(1));
    QCOMPARE(timeline->annotationMarks(), std::size_t(1));
}

void TestAnnotations::evidenceMismatchIsRecorded()
{
    // A case made for the evidence, then a different file opened while the case is open.
    const QString other = m_dir.filePath(QStringLiteral("other.db"));
    QVERIFY(test::writeTinyDb(other, 99));
    const QString casePath = nextCase();
    {
        QString error;
        QVERIFY(CaseFile::create(casePath, m_inv->evidence, QStringLiteral("alice"), QString(), &error));
    }
    MainWindow w;
    w.show();
    w.openFile(casePath); // opens the case, which opens its evidence
    QSignalSpy loaded(w.loadJob(), &LoadJob::finished);
    QVERIFY(loaded.wait(60000));
    CaseBackend* c = w.caseActions()->controller()->caseFile();
    QVERIFY(c);
    auto count = [c](const char* action) {
        int n = 0;
        for (const AuditEntry& e : c->audit())
            n += e.action == QLatin1String(action);
        return n;
    };
    QCOMPARE(count("opened"), 1);
    QCOMPARE(count("evidence-mismatch"), 0);
    QVERIFY(open(w, other));
    QCOMPARE(count("evidence-mismatch"), 1);
    QVERIFY(w.caseActions()->evidenceStatus().contains(QStringLiteral("DOES NOT MATCH")));
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = w.findChild<QMessageBox*>()));
    QVERIFY(box->text().contains(m_inv->evidence.sha256)); // told plainly, with both hashes
    box->close();
    QVERIFY(verifyCase(c->snapshot(), false).tampering.isEmpty());
}

// Evidence A is open; a case made for B is opened: the case's own evidence is loaded and checked,
// and nothing is recorded against A, which the case was never about.
void TestAnnotations::openingACaseOverOtherEvidenceIsNoMismatch()
{
    const QString other = m_dir.filePath(QStringLiteral("other-evidence.db"));
    QVERIFY(test::writeTinyDb(other, 7));
    const LoadResult b = loadInvestigation(other, {});
    QVERIFY(b.ok());
    const QString casePath = nextCase();
    {
        QString error;
        QVERIFY(CaseFile::create(casePath, b.investigation->evidence, QStringLiteral("alice"), QString(), &error));
    }
    MainWindow w;
    w.show();
    QVERIFY(open(w, m_evidence)); // A
    QSignalSpy loaded(w.loadJob(), &LoadJob::finished);
    w.caseActions()->openCase(casePath);
    QVERIFY(loaded.wait(60000)); // B, the case's own
    QCOMPARE(w.investigation()->evidence.sha256, b.investigation->evidence.sha256);
    for (const AuditEntry& e : w.caseActions()->controller()->caseFile()->audit())
        QVERIFY2(e.action != QLatin1String("evidence-mismatch"), qPrintable(e.detail));
    QVERIFY(!w.caseActions()->evidenceStatus().contains(QStringLiteral("DOES NOT MATCH")));
    QVERIFY(!w.findChild<QMessageBox*>());
}

void TestAnnotations::doubleClickJumps()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w, m_evidence));
    w.caseActions()->createCase(nextCase(), QStringLiteral("reviewer"));
    CaseController* controller = w.caseActions()->controller();
    Annotation range = parseAnnotations(QStringLiteral("r 0 1 k jump")).front();
    range.id = 0;
    range.from = story::kPivotRelease + 600; // not on the hour: the selection snaps outwards
    range.to = story::kPivotRelease + 7200;
    controller->addAnnotation(range);
    QTableView* view = w.caseActions()->panel()->view();
    w.caseActions()->dock()->raise();
    const QRect cell = view->visualRect(view->model()->index(0, AnnotationsModel::TitleColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_COMPARE(w.pages()->currentWidget(), static_cast<QWidget*>(w.timelinePage()));
    const std::optional<TimeRange> selected = w.selection()->current().range;
    QVERIFY(selected);
    QCOMPARE(selected->from, story::kPivotRelease - story::kPivotRelease % 3600);
    QVERIFY(selected->to >= range.to && selected->to % 3600 == 0);
}

void TestAnnotations::panelShowsTitlesInFull_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("rows"); // at least this many rows visible at once
    QTest::addRow("1920x1080") << QSize(1920, 1080) << 6;
    QTest::addRow("1366x768") << QSize(1366, 768) << 3;
}

// The issue: at 1920x1080 the panel showed about two rows and gave half its width to "Edited".
// Ordinary titles, as reviewers write them, are shown whole, and the dock lists several rows.
void TestAnnotations::panelShowsTitlesInFull()
{
    QFETCH(QSize, size);
    QFETCH(int, rows);
    QSettings().remove(QStringLiteral("window")); // no layout left by an earlier window
    MainWindow w;
    w.resize(size);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(open(w, m_evidence));
    w.caseActions()->createCase(nextCase(), QStringLiteral("reviewer"));
    const QStringList titles = {
        QStringLiteral("Hydra Tide pivots to atlas-3 within a day of the release"),
        QStringLiteral("Copperline ramps up through reseller accounts in the first week"),
        QStringLiteral("Proxy cluster shared by Hydra Tide and Copperline accounts"),
        QStringLiteral("Payment fingerprint reused across forty accounts after the bans"),
        QStringLiteral("Replacement accounts created within hours of each ban wave"),
        QStringLiteral("Chain-of-thought extraction prompts dominate the second month"),
        QStringLiteral("Organic baseline unchanged while the campaign doubles"),
        QStringLiteral("Tool-use traffic moves to the mini model after its release"),
    };
    for (int i = 0; i < titles.size(); ++i) {
        Annotation a = parseAnnotations(QStringLiteral("r 0 1 n x")).front();
        a.id = 0;
        a.from = story::kPivotRelease + i * 3600;
        a.to = a.from + 7200;
        a.title = titles.at(i);
        a.tags = {QStringLiteral("pivot")};
        w.caseActions()->controller()->addAnnotation(a);
    }
    w.caseActions()->dock()->raise();
    QTableView* view = w.caseActions()->panel()->view();
    QTRY_COMPARE(view->model()->rowCount(), int(titles.size()));
    QCoreApplication::processEvents();
    const int titleWidth = view->columnWidth(AnnotationsModel::TitleColumn);
    const int margin = 2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
    int needed = 0;
    for (const QString& t : titles)
        needed = std::max(needed, view->fontMetrics().horizontalAdvance(t) + margin);
    if (size.width() >= 1920)
        QVERIFY2(titleWidth >= needed, qPrintable(QStringLiteral("title column %1 px, the longest title needs %2 px").arg(titleWidth).arg(needed)));
    // Whatever the size, the title has more room than the edited time.
    QVERIFY(titleWidth > view->columnWidth(AnnotationsModel::EditedColumn));
    const int visible = view->viewport()->height() / view->rowHeight(0);
    QVERIFY2(visible >= rows, qPrintable(QStringLiteral("%1 rows visible").arg(visible)));
    // The whole title in the tooltip, where the column would elide it.
    const QString tip = view->model()->data(view->model()->index(0, AnnotationsModel::TitleColumn), Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(view->model()->index(0, AnnotationsModel::TitleColumn).data().toString()));
}

QTEST_MAIN(TestAnnotations)
#include "tst_annotations.moc"
