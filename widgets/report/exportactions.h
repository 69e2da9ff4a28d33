// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File > Export report... and File > Export case bundle...: a dialog for the case file, the
// redaction profile and (for the report) the banner and PDF/A, a print preview of the report,
// and the same model/ and writer code as `hydrascope report|export`.

#include "analysis.h"
#include "settings.h"

#include <QDialog>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace hs {

struct ExportSource;
struct ReportContent;

// The options of one export, as the dialog collects them.
class ExportDialog final : public QDialog
{
    Q_OBJECT
public:
    // Defaults: the open case, and the profile and banner of the reviewer's preferences.
    ExportDialog(bool report, const QString& casePath, const Settings& settings, QWidget* parent);
    QString casePath() const;
    int profileIndex() const;
    QString classification() const;
    bool pdfA() const;

Q_SIGNALS:
    void previewRequested();

private:
    QLineEdit* m_case = nullptr;
    QComboBox* m_profile = nullptr;
    QLineEdit* m_classification = nullptr;
    QCheckBox* m_pdfA = nullptr;
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
    };
    // `current` answers what is open now (both null when nothing is).
    ExportActions(QWidget* window, std::function<Data()> current);

    void exportReport();
    void exportBundle();

private:
    bool open(const ExportDialog& dialog, const Data& data, ExportSource* source);
    ReportContent content(const ExportDialog& dialog, const Data& data, const ExportSource& source) const;
    void preview(const ExportDialog& dialog, const Data& data);
    void fail(const QString& message);

    QWidget* m_window;
    std::function<Data()> m_current;
};

} // namespace hs
