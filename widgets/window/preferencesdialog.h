// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edit > Preferences: the typed settings (settings.h) in one form.

#include "settings.h"

#include <QDialog>
#include <QList>
#include <QPair>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;

namespace hs {

class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(const Settings& settings, QWidget* parent = nullptr);
    Settings settings() const;

private:
    Settings m_settings;
    QLineEdit* m_reviewer;
    QLineEdit* m_organisation;
    QLineEdit* m_classification;
    QDoubleSpinBox* m_threshold;
    QComboBox* m_redaction;
    QComboBox* m_theme;
};

// Help > Keyboard shortcuts: every action of the window's menus that has one, and the mouse.
void showShortcuts(QWidget* window);
// The rows the shortcut list shows: every menu action with a key, the toolbar's and the window's
// own keys (Back, Forward, Clear range, presentation mode), then the mouse and table gestures.
QList<QPair<QString, QString>> shortcutRows(QWidget* window);
// Help > About: version, licence, and the libraries it is built on.
void showAbout(QWidget* window);

} // namespace hs
