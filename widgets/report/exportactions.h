// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File > Export report... and File > Export case bundle...: a dialog for the case file, the
// redaction profile and (for the report) the banner and PDF/A, a print preview of the report,
// and the same model/ and writer code as `hydrascope report|export`.

#include "analysis.h"
#include "settings.h"

#include <QDialog>
#include <QHash>

#include <QLabel>
#include <QPointer>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;

class QLineEdit;

namespace hs {

struct ExportSource;
struct ReportContent;

// The options of one export, as the dialog collects them.
class ExportDialog final : public QDialog
{
    Q_OBJECT
public:
    // Defaults: the open case, the profile last used for this kind of export (else the one of the
    // reviewer's preferences) and the banner of the preferences.
    ExportDialog(bool report, const QString& casePath, const Settings& settings, QWidget* parent);
    QString casePath() const;
    int profileIndex() const;
    QString classification() const;
    bool pdfA() const;
    // The CLI's `report --view NAME`: the saved views of the open case to choose from.
    void setViews(const QStringList& names);
    QString viewName() const; // empty: the whole case
    bool withReport() const;  // the CLI's `export --with-report`: report.pdf in the bundle
    static QString profileKey(bool report); // QSettings key of the last profile used
    // Profiles the open case refuses this user (profile name -> why, from the case's
    // mayExportProfile()): greyed out, with the reason, while the case field names that case.
    void refuseProfiles(const QHash<QString, QString>& refused);

Q_SIGNALS:
    void previewRequested();

private:
    QLineEdit* m_case = nullptr;
    QComboBox* m_profile = nullptr;
    QLineEdit* m_classification = nullptr;
    QCheckBox* m_pdfA = nullptr;
    QComboBox* m_view = nullptr;
    QCheckBox* m_withReport = nullptr;
    QLabel* m_refusal = nullptr;
    QString m_openCase;
    QHash<QString, QString> m_refused;
    void applyRefusals();
};

class ExportActions final : public QObject
{
    Q_OBJECT
public:
    struct Data
    {
        std::shared_ptr<const Investigation> investigation;
        std::shared_ptr<const Analysis> analysis;
        QString casePath; // the case open in the dashboard, if any
        Settings settings;
        QStringList views; // the open case's saved views, by name
        QHash<QString, QString> refusedProfiles; // profile -> why: what the open case does not allow
    };
    // `current` answers what is open now (both null when nothing is).
    ExportActions(QWidget* window, std::function<Data()> current);

    void exportReport();
    void exportBundle();
    // Where to save: shown the suggested path, answers the chosen one (empty: cancelled). A save
    // dialog by default; the tests answer without one.
    using Chooser = std::function<QString(const QString& title, const QString& suggested, bool folder)>;
    void setChooser(Chooser chooser) { m_choose = std::move(chooser); }
    QLabel* confirmation() const { return m_done; } // "Report saved: ... Open folder", in the status bar

private:
    void confirm(const QString& what, const QString& path, const QString& folder);
    bool open(const ExportDialog& dialog, const Data& data, ExportSource* source);
    ReportContent content(const ExportDialog& dialog, const Data& data, const ExportSource& source) const;
    QString suggestedPath(const Data& data, const QString& suffix) const; // beside the evidence
    void preview(const ExportDialog& dialog, const Data& data);
    void fail(const QString& message);

    QWidget* m_window;
    std::function<Data()> m_current;
    Chooser m_choose;
    QPointer<QLabel> m_done;
};

} // namespace hs
