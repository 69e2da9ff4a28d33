// SPDX-License-Identifier: GPL-3.0-or-later
// Attacker-controlled text is never interpreted as markup anywhere in the GUI. An investigation
// whose every text (title, campaigns, models, capabilities, clusters, accounts, indicators,
// templates) ends in markup, a link, an ampersand, U+202E and control characters is opened in the
// dashboard; every view is walked; then each kind of surface is checked: labels are plain text
// or escaped, item views show the text unchanged through plain delegates, Qt Charts (which
// renders HTML) gets it escaped, QCustomPlot text stays literal, tooltips are escaped, the window
// title is literal, menu entries keep their ampersand. Hidden characters (U+202E, BEL, ESC, TAB)
// reach no plain-text surface as themselves, only as markers.
#include "displaytext.h"
#include "fixturedb.h"
#include "loadjob.h"
#include "mainwindow.h"
#include "qcustomplotshim.h"
#include "timelinepage.h"

#include <QAbstractItemView>
#include <QAbstractSeries>
#include <QAction>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QPercentBarSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

#include <functional>
#include <memory>

using namespace hs;

namespace {

// The suffix every evidence text gets, and the same as an SQL expression.
const QString kSuffix = QStringLiteral(" <b>bold</b><img src=x><a href=\"https://evil.example/\">link</a> & ") +
                        QChar(0x202E) + QStringLiteral("evil") + QChar(7) + QChar(27) + QLatin1Char('\t');
const QString kSuffixSql = QStringLiteral(
    "' <b>bold</b><img src=x><a href=\"https://evil.example/\">link</a> & ' || char(8238) || 'evil' || char(7, 27, 9)");

// Markup from the evidence, as written: where it can be rendered, it must not appear like this.
bool hasRawMarkup(const QString& text)
{
    return text.contains(QLatin1String("<b>bold")) || text.contains(QLatin1String("<img src=x")) ||
           text.contains(QLatin1String("<a href=\"https://evil"));
}
bool hasEscapedMarkup(const QString& text) { return text.contains(QLatin1String("&lt;b&gt;bold")); }

// The evidence's hidden characters (U+202E, BEL, ESC, TAB) never reach a plain-text surface as
// themselves: they show as markers ("⟨RLO⟩"); only item views hold them raw, for the marker delegate.
bool hidesNothing(const QString& text)
{
    for (const char16_t c : {char16_t(0x202E), char16_t(7), char16_t(27), char16_t(9)})
        if (text.contains(QChar(c)))
            return false;
    return true;
}


// A right-to-left override from the evidence must not reach the words Hydrascope writes after it:
// after the last U+202E comes only the rest of the evidence text, or the isolate that ends it.
bool overrideContained(const QString& text)
{
    const qsizetype at = text.lastIndexOf(QChar(0x202E));
    if (at < 0)
        return true;
    const QString rest = text.mid(at + 1);
    return rest.contains(QChar(0x2069)) || kSuffix.mid(kSuffix.indexOf(QChar(0x202E)) + 1).startsWith(rest);
}

// What one kind of surface found: texts that break the rule, and how many showed evidence text
// (so a check that saw nothing fails instead of passing vacuously).
struct Surface
{
    QStringList violations;
    int evidenceShown = 0;
};

void check(Surface& f, bool ok, const QString& where, const QString& text)
{
    if (!ok)
        f.violations << where + QStringLiteral(": ") + text.left(120);
}

} // namespace

class TestMarkup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void noMarkupAnywhere_data();
    void noMarkupAnywhere();
    void cleanupTestCase();

private:
    void walkEveryView();
    Surface labels() const;
    Surface itemViews() const;
    Surface tooltips() const;
    Surface charts() const;
    Surface plot() const;
    Surface windowTitle() const;
    Surface menusAndLists() const;

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_timelineTooltip;
};

void TestMarkup::initTestCase()
{
    test::isolateSettings(m_dir.path()); // recent files stay here
    QFile updates(QStringLiteral(HYDRASCOPE_FIXTURES "/hostile-text.sql"));
    QVERIFY(updates.open(QIODevice::ReadOnly));
    const QString hostile = QString::fromUtf8(updates.readAll()).replace(QStringLiteral("HOSTILE"), kSuffixSql);
    // The file name carries markup too: the status bar shows it and its tooltip the path.
    const QString path = m_dir.filePath(QStringLiteral("evidence <b>bold<img src=x>.db") /* no slash: a file name */);
    QVERIFY(test::writeDb(path, test::validSql() + hostile));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1366, 768);
    m_window->show();
    QSignalSpy finished(m_window->loadJob(), &LoadJob::finished);
    m_window->openFile(path);
    QVERIFY(finished.wait(60000));
    QVERIFY(m_window->investigation());
    QVERIFY(m_window->investigation()->campaigns[1].name.endsWith(kSuffix)); // the fixture is what it says
    walkEveryView();
}

void TestMarkup::cleanupTestCase() { m_window.reset(); }

// Every page, every tab inside it, a prompt family selected (its sample shown), and a hover over
// the timeline at the pivot (its tooltip names every series).
void TestMarkup::walkEveryView()
{
    QTabWidget* pages = m_window->pages();
    for (int i = 0; i < pages->count(); ++i) {
        pages->setCurrentIndex(i);
        QTest::qWait(50);
        for (QTabWidget* inner : pages->widget(i)->findChildren<QTabWidget*>())
            for (int k = 0; k < inner->count(); ++k) {
                inner->setCurrentIndex(k);
                QTest::qWait(10);
            }
        for (QAbstractItemView* view : pages->widget(i)->findChildren<QAbstractItemView*>())
            if (view->model() && view->model()->rowCount() > 0 && view->isVisible())
                view->setCurrentIndex(view->model()->index(0, 0));
    }
    pages->setCurrentWidget(m_window->timelinePage());
    QTest::qWait(50);
    QCustomPlot* plot = m_window->timelinePage()->plot();
    m_window->timelinePage()->zoomTo(1700001000 - 86400, 1700001000 + 86400);
    const QPoint at(int(plot->xAxis->coordToPixel(1700001000 + 1800)), plot->axisRect()->center().y());
    QTest::mouseMove(plot, at);
    QTest::qWait(50);
    m_timelineTooltip = QToolTip::text();
}

void TestMarkup::noMarkupAnywhere_data()
{
    QTest::addColumn<int>("surface");
    const char* names[] = {"labels", "item views", "tooltips", "Qt Charts", "QCustomPlot", "window title", "menus and lists"};
    for (int i = 0; i < 7; ++i)
        QTest::addRow("%s", names[i]) << i;
}

void TestMarkup::noMarkupAnywhere()
{
    QFETCH(int, surface);
    const std::function<Surface()> checks[] = {
        [this] { return labels(); },      [this] { return itemViews(); },   [this] { return tooltips(); },
        [this] { return charts(); },      [this] { return plot(); },        [this] { return windowTitle(); },
        [this] { return menusAndLists(); }};
    const Surface f = checks[surface]();
    QVERIFY2(f.violations.isEmpty(), qPrintable(f.violations.join(QLatin1Char('\n'))));
    QVERIFY2(f.evidenceShown > 0, "no evidence text reached this kind of surface: the walk missed it");
}

// Plain-text labels show the markup literally; any other label must not hold it unescaped.
Surface TestMarkup::labels() const
{
    Surface f;
    for (const QLabel* label : m_window->findChildren<QLabel*>()) {
        const bool plain = label->textFormat() == Qt::PlainText;
        check(f, plain || !hasRawMarkup(label->text()), QStringLiteral("QLabel %1").arg(label->objectName()), label->text());
        check(f, !hasEscapedMarkup(label->text()) || !plain, QStringLiteral("QLabel shows entities"), label->text());
        check(f, overrideContained(label->text()), QStringLiteral("QLabel lets U+202E run on"), label->text());
        check(f, hidesNothing(label->text()), QStringLiteral("QLabel shows a hidden character unmarked"), label->text());
        f.evidenceShown += hasRawMarkup(label->text()) && plain ? 1 : 0;
    }
    return f;
}

// Views paint DisplayRole as plain text with the standard delegate: the model must hand it over
// unchanged (escaping there would show "&lt;" to the reviewer).
Surface TestMarkup::itemViews() const
{
    Surface f;
    for (const QAbstractItemView* view : m_window->findChildren<QAbstractItemView*>()) {
        if (qobject_cast<const QHeaderView*>(view))
            continue;
        const QString name = view->accessibleName();
        // The standard delegate, the one of a combo box's list, or ours that draws hidden
        // characters as markers (a QTextLayout of the plain text): all paint plain text.
        const QString delegate = QString::fromLatin1(view->itemDelegate()->metaObject()->className());
        check(f, delegate == QLatin1String("QStyledItemDelegate") || delegate == QLatin1String("QComboMenuDelegate")
                     || delegate == QLatin1String("hs::MarkerDelegate"),
              QStringLiteral("delegate of %1").arg(name), delegate);
        const QAbstractItemModel* m = view->model();
        for (int r = 0; m && r < m->rowCount(); ++r)
            for (int c = 0; c < m->columnCount(); ++c) {
                const QString text = m->index(r, c).data(Qt::DisplayRole).toString();
                check(f, !hasEscapedMarkup(text), QStringLiteral("cell of %1").arg(name), text);
                f.evidenceShown += text.contains(kSuffix) ? 1 : 0;
            }
    }
    return f;
}

// Tooltips guess rich text from their content: evidence text in one must be escaped.
Surface TestMarkup::tooltips() const
{
    Surface f;
    for (const QWidget* w : m_window->findChildren<QWidget*>()) {
        check(f, !hasRawMarkup(w->toolTip()), QStringLiteral("tooltip of %1").arg(QString::fromLatin1(w->metaObject()->className())), w->toolTip());
        check(f, hidesNothing(w->toolTip()), QStringLiteral("tooltip of %1 unmarked").arg(QString::fromLatin1(w->metaObject()->className())), w->toolTip());
        f.evidenceShown += hasEscapedMarkup(w->toolTip()) ? 1 : 0;
    }
    for (const QAbstractItemView* view : m_window->findChildren<QAbstractItemView*>()) {
        const QAbstractItemModel* m = view->model();
        for (int r = 0; m && r < m->rowCount(); ++r)
            for (int c = 0; c < m->columnCount(); ++c) {
                const QString tip = m->index(r, c).data(Qt::ToolTipRole).toString();
                check(f, !hasRawMarkup(tip), QStringLiteral("item tooltip of %1").arg(view->accessibleName()), tip);
                f.evidenceShown += hasEscapedMarkup(tip) ? 1 : 0;
            }
    }
    check(f, !hasRawMarkup(m_timelineTooltip), QStringLiteral("timeline tooltip"), m_timelineTooltip);
    check(f, hidesNothing(m_timelineTooltip), QStringLiteral("timeline tooltip unmarked"), m_timelineTooltip);
    check(f, hasEscapedMarkup(m_timelineTooltip), QStringLiteral("timeline tooltip without the series names"), m_timelineTooltip);
    return f;
}

// Qt Charts lays out titles, axis labels and legend entries as HTML: evidence text goes in escaped.
Surface TestMarkup::charts() const
{
    Surface f;
    for (const QChartView* view : m_window->findChildren<QChartView*>()) {
        QStringList texts{view->chart()->title()};
        for (QAbstractAxis* axis : view->chart()->axes()) {
            texts << axis->titleText();
            if (auto* categories = qobject_cast<QBarCategoryAxis*>(axis))
                texts << categories->categories();
        }
        for (const QLegendMarker* marker : view->chart()->legend()->markers())
            texts << marker->label();
        for (QAbstractSeries* series : view->chart()->series()) {
            texts << series->name();
            if (const auto* bars = qobject_cast<const QAbstractBarSeries*>(series))
                for (const QBarSet* set : bars->barSets())
                    texts << set->label();
        }
        for (const QString& text : texts) {
            check(f, !hasRawMarkup(text), QStringLiteral("chart %1").arg(view->objectName()), text);
            check(f, hidesNothing(text), QStringLiteral("chart %1 unmarked").arg(view->objectName()), text);
            f.evidenceShown += hasEscapedMarkup(text) ? 1 : 0;
        }
    }
    return f;
}

// QCustomPlot paints item text and legend names with drawText: literal, so never escaped.
Surface TestMarkup::plot() const
{
    Surface f;
    for (QCustomPlot* plot : m_window->findChildren<QCustomPlot*>()) {
        QStringList texts;
        for (int i = 0; i < plot->itemCount(); ++i)
            if (const auto* text = qobject_cast<const QCPItemText*>(plot->item(i)))
                texts << text->text();
        for (int i = 0; i < plot->plottableCount(); ++i)
            texts << plot->plottable(i)->name();
        texts << plot->xAxis->label() << plot->yAxis->label();
        for (const QString& text : texts) {
            check(f, !hasEscapedMarkup(text), QStringLiteral("plot text"), text);
            check(f, overrideContained(text), QStringLiteral("plot text lets U+202E run on"), text);
            check(f, hidesNothing(text), QStringLiteral("plot text unmarked"), text);
            f.evidenceShown += hasRawMarkup(text) ? 1 : 0; // literal, cut to fit (markers checked above)
        }
    }
    return f;
}

Surface TestMarkup::windowTitle() const
{
    Surface f;
    const QString title = m_window->windowTitle();
    const QString evidence = m_window->investigation()->title();
    check(f, evidence == QString(QStringLiteral("Small test investigation") + kSuffix).trimmed(), QStringLiteral("meta.title"), evidence);
    check(f, title.contains(markInvisibles(evidence).text), QStringLiteral("window title not literal, markers aside"), title);
    check(f, hidesNothing(title), QStringLiteral("window title unmarked"), title);
    f.evidenceShown += title.contains(markInvisibles(evidence).text) ? 1 : 0;
    return f;
}

// Menu entries and list items are plain text, but an ampersand in a menu makes a mnemonic.
Surface TestMarkup::menusAndLists() const
{
    Surface f;
    for (const QAction* action : m_window->findChildren<QAction*>()) {
        if (!action->text().contains(QLatin1String("bold")))
            continue;
        // Every ampersand doubled: a single one would vanish into a mnemonic.
        check(f, !QString(action->text()).remove(QStringLiteral("&&")).contains(QLatin1Char('&')) && !hasEscapedMarkup(action->text()),
              QStringLiteral("menu entry"), action->text());
        check(f, hidesNothing(action->text()), QStringLiteral("menu entry unmarked"), action->text());
        ++f.evidenceShown;
    }
    for (const QComboBox* box : m_window->findChildren<QComboBox*>())
        for (int i = 0; i < box->count(); ++i) {
            check(f, !hasEscapedMarkup(box->itemText(i)), QStringLiteral("list entry"), box->itemText(i));
            check(f, hidesNothing(box->itemText(i)), QStringLiteral("list entry unmarked"), box->itemText(i));
            f.evidenceShown += hasRawMarkup(box->itemText(i)) ? 1 : 0;
        }
    return f;
}

QTEST_MAIN(TestMarkup)
#include "tst_markup.moc"
