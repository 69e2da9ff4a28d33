// SPDX-License-Identifier: GPL-3.0-or-later
// Without a mouse or without sight: every control of every page has an accessible name (a
// screen reader has something to say), and Tab alone reaches every control of a page.
#include "fixturedb.h"
#include "generator.h"
#include "loadjob.h"
#include "mainwindow.h"
#include "qcustomplotshim.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace hs;

namespace {

// The name a screen reader announces: the accessible name, else a button's own text.
QString spoken(const QWidget* w)
{
    if (!w->accessibleName().isEmpty())
        return w->accessibleName();
    if (const auto* button = qobject_cast<const QAbstractButton*>(w))
        return button->text().remove(QLatin1Char('&'));
    return {};
}

bool isControl(const QWidget* w)
{
    return qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QComboBox*>(w)
           || qobject_cast<const QLineEdit*>(w) || qobject_cast<const QAbstractItemView*>(w)
           || qobject_cast<const QAbstractSpinBox*>(w) || qobject_cast<const QPlainTextEdit*>(w)
           || qobject_cast<const QCustomPlot*>(w) || qobject_cast<const QChartView*>(w);
}

// The controls of `page` a person can see and use, leaving out the insides of composite widgets
// (a combo box's line edit, a spin box's buttons, a table's corner button).
QList<QWidget*> controls(QWidget* page)
{
    QList<QWidget*> out;
    for (QWidget* w : page->findChildren<QWidget*>()) {
        if (!isControl(w) || !w->isVisibleTo(page) || !w->isEnabled())
            continue;
        const QWidget* parent = w->parentWidget();
        if (qobject_cast<const QComboBox*>(parent) || qobject_cast<const QAbstractSpinBox*>(parent)
            || qobject_cast<const QAbstractItemView*>(parent))
            continue;
        out << w;
    }
    return out;
}

QString describe(const QWidget* w)
{
    return QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void namedControls_data();
    void namedControls();
    void tabReachesEveryControl_data() { namedControls_data(); }
    void tabReachesEveryControl();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestAccessibility::initTestCase()
{
    test::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    const QString path = m_dir.filePath(QStringLiteral("evidence.db"));
    QVERIFY(test::writeTinyDb(path));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QSignalSpy loaded(m_window->loadJob(), &LoadJob::finished);
    m_window->openFile(path);
    QVERIFY(loaded.wait(60000));
}

void TestAccessibility::namedControls_data()
{
    QTest::addColumn<int>("page");
    for (int i = 0; i < kPageIds; ++i)
        QTest::addRow("%d", i) << i;
}

void TestAccessibility::namedControls()
{
    QFETCH(int, page);
    m_window->pages()->setCurrentIndex(page);
    QWidget* current = m_window->pages()->currentWidget();
    QTest::qWait(50);
    const QList<QWidget*> list = controls(current);
    QVERIFY2(!list.isEmpty(), qPrintable(current->objectName()));
    for (QWidget* w : list)
        QVERIFY2(!spoken(w).trimmed().isEmpty(), qPrintable(describe(w) + QStringLiteral(" on ") + current->objectName()));
}

void TestAccessibility::tabReachesEveryControl()
{
    QFETCH(int, page);
    m_window->pages()->setCurrentIndex(page);
    QWidget* current = m_window->pages()->currentWidget();
    QTest::qWait(50);
    QList<QWidget*> wanted;
    for (QWidget* w : controls(current))
        if (w->focusPolicy() & Qt::TabFocus)
            wanted << w;
    QVERIFY(!wanted.isEmpty());
    wanted.front()->setFocus(Qt::TabFocusReason);
    QSet<QWidget*> reached;
    for (int i = 0; i < 200 && reached.size() < wanted.size(); ++i) {
        if (QWidget* f = QApplication::focusWidget())
            for (QWidget* w : wanted)
                if (f == w || w->isAncestorOf(f))
                    reached.insert(w);
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(), Qt::Key_Tab);
    }
    for (QWidget* w : wanted)
        QVERIFY2(reached.contains(w), qPrintable(describe(w) + QStringLiteral(" is never reached with Tab on ")
                                                 + current->objectName()));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
