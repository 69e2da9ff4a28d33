// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File > Import logs...: `hydrascope import` with a form (model/logimport/importer.h). The import
// runs on a worker thread with progress and Cancel; on success the dialog emits imported(path)
// and the window opens the new investigation. Nothing is written when it fails or is cancelled.
// File > Detect campaigns in logs... is the same form in Mode::Detect: `hydrascope detect`
// (model/detect/detectrun.h), with an optional thresholds file, writing campaigns and flag_reasons.

#include "importer.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;

namespace hs {

class ImportDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Import, Detect };
    explicit ImportDialog(QWidget* parent = nullptr, Mode mode = Mode::Import);
    ~ImportDialog() override;

    // For tests and callers that know the files already.
    void setInputs(const QStringList& inputs);
    void setOutput(const QString& path);
    void setSideFiles(const QString& accounts, const QString& models, const QString& map);
    void setThresholds(const QString& detectToml); // Mode::Detect only
    QString statusText() const;

    void start();   // the Import button
    void cancel();  // the Cancel button while running

Q_SIGNALS:
    void imported(const QString& path);

protected:
    void reject() override;

private:
    // What the worker returns: the import's result, and in Mode::Detect what detection found.
    struct Outcome
    {
        logimport::ImportResult import;
        std::int64_t campaigns = 0, flaggedAccounts = 0, reasons = 0;
    };
    QWidget* fileRow(QLineEdit* edit, const QString& caption, const QString& filter, bool save);
    logimport::ImportOptions options(QString* problem) const;
    void onProgress(const QString& phase, double fraction);
    void onFinished();
    void setRunning(bool running);

    QListWidget* m_inputs;
    QLineEdit* m_output;
    QComboBox* m_format;
    QLineEdit* m_accounts;
    QLineEdit* m_models;
    QLineEdit* m_map;
    QLineEdit* m_rules;
    QLineEdit* m_title;
    QCheckBox* m_useFrom;
    QCheckBox* m_useTo;
    QDateTimeEdit* m_from;
    QDateTimeEdit* m_to;
    QCheckBox* m_force;
    QProgressBar* m_progress;
    QLabel* m_status;
    QDialogButtonBox* m_buttons;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    Mode m_mode;
    QLineEdit* m_thresholds;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace hs
