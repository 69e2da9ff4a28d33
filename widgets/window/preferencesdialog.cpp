// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSet>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace hs {

PreferencesDialog::PreferencesDialog(const Settings& settings, QWidget* parent) : QDialog(parent), m_settings(settings)
{
    setWindowTitle(tr("Preferences"));
    // The name a new case is given (the login name until one is typed): shown as text, not as a
    // grey placeholder that reads as "not set".
    m_reviewer = new QLineEdit(settings.reviewerOrUser(), this);
    m_reviewer->setObjectName(QStringLiteral("reviewerName"));
    m_reviewer->setPlaceholderText(systemUserName());
    m_organisation = new QLineEdit(settings.organisation, this);
    m_classification = new QLineEdit(settings.classification, this);
    m_threshold = new QDoubleSpinBox(this);
    m_threshold->setRange(0.01, 1.0);
    m_threshold->setSingleStep(0.05);
    m_threshold->setDecimals(2);
    m_threshold->setValue(settings.threshold);
    m_redaction = new QComboBox(this);
    m_redaction->addItems({QStringLiteral("internal"), QStringLiteral("policy"), QStringLiteral("external")});
    m_redaction->setCurrentText(settings.redaction);
    m_theme = new QComboBox(this);
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(m_theme->findData(settings.theme));
    auto* form = new QFormLayout;
    form->addRow(tr("&Reviewer name:"), m_reviewer);
    form->addRow(tr("&Organisation:"), m_organisation);
    form->addRow(tr("&Classification banner:"), m_classification);
    form->addRow(tr("Pivot &threshold (hourly share):"), m_threshold);
    form->addRow(tr("Default &redaction profile:"), m_redaction);
    form->addRow(tr("T&heme:"), m_theme);
    for (QWidget* w : std::initializer_list<QWidget*>{m_reviewer, m_organisation, m_classification, m_threshold,
                                                      m_redaction, m_theme})
        w->setAccessibleName(form->labelForField(w) ? static_cast<QLabel*>(form->labelForField(w))->text().remove(QLatin1Char('&'))
                                                    : QString());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

Settings PreferencesDialog::settings() const
{
    Settings s = m_settings;
    s.reviewer = m_reviewer->text().trimmed();
    s.organisation = m_organisation->text().trimmed();
    s.classification = m_classification->text().trimmed();
    s.threshold = m_threshold->value();
    s.redaction = m_redaction->currentText();
    s.theme = m_theme->currentData().toString();
    return s;
}

namespace {

// Menu text without its mnemonic marks; "&&" is a literal ampersand.
QString plain(QString text)
{
    return text.replace(QStringLiteral("&&"), QStringLiteral("\x01")).remove(QLatin1Char('&')).replace(QLatin1Char('\x01'), QLatin1Char('&'));
}

QString keysText(const QAction* a)
{
    QStringList keys;
    for (const QKeySequence& k : a->shortcuts())
        keys << k.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

void collect(QMenu* menu, const QString& path, QList<QPair<QString, QString>>* rows, QSet<const QAction*>* seen)
{
    for (QAction* a : menu->actions()) {
        const QString name = path + QStringLiteral(" > ") + plain(a->text());
        if (a->menu())
            collect(a->menu(), name, rows, seen);
        else if (!a->shortcuts().isEmpty() && !seen->contains(a)) {
            rows->append({name, keysText(a)});
            seen->insert(a);
        }
    }
}

} // namespace

QList<QPair<QString, QString>> shortcutRows(QWidget* window)
{
    QList<QPair<QString, QString>> rows;
    QSet<const QAction*> seen;
    if (auto* bar = window->findChild<QMenuBar*>())
        for (QAction* top : bar->actions())
            if (top->menu())
                collect(top->menu(), plain(top->text()), &rows, &seen);
    // Keys that live outside the menus: the selection toolbar's (Back, Forward, Clear range) and
    // the window's own (presentation mode's slide keys, enabled only while it runs).
    for (QAction* a : window->findChildren<QAction*>()) {
        if (seen.contains(a) || a->shortcuts().isEmpty() || a->text().isEmpty()
            || (a->shortcutContext() != Qt::WindowShortcut && a->shortcutContext() != Qt::ApplicationShortcut))
            continue;
        QString name = plain(a->text());
        for (QObject* o : a->associatedObjects())
            if (auto* toolbar = qobject_cast<QToolBar*>(o))
                name = toolbar->windowTitle() + QStringLiteral(" > ") + name;
        rows.append({name, keysText(a)});
        seen.insert(a);
    }
    const QString mouse = QObject::tr("Timeline (mouse)");
    rows.append({mouse + QObject::tr(": zoom"), QObject::tr("Wheel")});
    rows.append({mouse + QObject::tr(": pan"), QObject::tr("Drag")});
    rows.append({mouse + QObject::tr(": select a time range for every view"), QObject::tr("Shift+Drag")});
    rows.append({QObject::tr("Tables: copy the selected rows"), QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText)});
    rows.append({QObject::tr("Annotations: jump to the annotated thing"), QObject::tr("Double-click or Enter")});
    rows.append({QObject::tr("Annotations: delete the selected one"), QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText)});
    rows.append({QObject::tr("Groups menu: tick or untick the highlighted group (the menu stays open)"), QObject::tr("Space")});
    return rows;
}

void showShortcuts(QWidget* window)
{
    const QList<QPair<QString, QString>> rows = shortcutRows(window);
    QDialog dialog(window);
    dialog.setWindowTitle(QObject::tr("Keyboard shortcuts"));
    auto* table = new QTableWidget(int(rows.size()), 2, &dialog);
    table->setObjectName(QStringLiteral("shortcutTable"));
    table->setHorizontalHeaderLabels({QObject::tr("Action"), QObject::tr("Shortcut")});
    table->setAccessibleName(QObject::tr("Keyboard shortcuts"));
    for (int r = 0; r < rows.size(); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(rows[r].first));
        table->setItem(r, 1, new QTableWidgetItem(rows[r].second));
    }
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->resizeColumnToContents(1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog.resize(620, 520);
    dialog.exec();
}

void showAbout(QWidget* window)
{
    QMessageBox box(window);
    box.setWindowTitle(QObject::tr("About Hydrascope"));
    box.setIconPixmap(window->windowIcon().pixmap(64, 64));
    box.setTextFormat(Qt::RichText); // our own fixed text, no evidence in it
    box.setText(QObject::tr("<h3>Hydrascope %1</h3>"
                            "<p>An investigation dashboard for flagged distillation campaigns.</p>"
                            "<p>Copyright the Hydrascope authors. Licensed under the GNU General Public License, "
                            "version 3 or later: you may redistribute and change it under its terms. There is "
                            "NO WARRANTY, to the extent permitted by law.</p>"
                            "<p>Built with Qt %2, Qt Charts, QCustomPlot and SQLite.</p>")
                    .arg(QStringLiteral(HYDRASCOPE_VERSION), QString::fromLatin1(qVersion())));
    box.exec();
}

} // namespace hs
