// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"

#include "detectconfig.h"
#include "detectrun.h"
#include "job.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace hs {

ImportDialog::ImportDialog(QWidget* parent, Mode mode)
    : QDialog(parent), m_inputs(new QListWidget(this)), m_output(new QLineEdit(this)), m_format(new QComboBox(this)),
      m_accounts(new QLineEdit(this)), m_models(new QLineEdit(this)), m_map(new QLineEdit(this)),
      m_rules(new QLineEdit(this)), m_title(new QLineEdit(this)),
      m_useFrom(new QCheckBox(tr("From"), this)), m_useTo(new QCheckBox(tr("To"), this)),
      m_from(new QDateTimeEdit(this)), m_to(new QDateTimeEdit(this)),
      m_force(new QCheckBox(tr("Replace the output if it exists"), this)), m_progress(new QProgressBar(this)),
      m_status(new QLabel(this)), m_buttons(new QDialogButtonBox(this)), m_cancel(std::make_shared<std::atomic<bool>>(false)),
      m_mode(mode), m_thresholds(new QLineEdit(this))
{
    const bool detect = m_mode == Mode::Detect;
    setWindowTitle(detect ? tr("Detect campaigns in logs") : tr("Import logs"));
    auto* addFiles = new QPushButton(tr("Add files..."), this);
    auto* addFolder = new QPushButton(tr("Add folder..."), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    connect(addFiles, &QPushButton::clicked, this, [this] {
        m_inputs->addItems(QFileDialog::getOpenFileNames(this, tr("Log files"), {},
                                                         tr("Logs (*.csv *.jsonl *.json *.gz *.zst);;All files (*)")));
    });
    connect(addFolder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder of log files"));
        if (!dir.isEmpty())
            m_inputs->addItem(dir);
    });
    connect(remove, &QPushButton::clicked, this, [this] { qDeleteAll(m_inputs->selectedItems()); });
    auto* inputButtons = new QVBoxLayout;
    inputButtons->addWidget(addFiles);
    inputButtons->addWidget(addFolder);
    inputButtons->addWidget(remove);
    inputButtons->addStretch();
    auto* inputs = new QHBoxLayout;
    inputs->addWidget(m_inputs, 1);
    inputs->addLayout(inputButtons);
    m_inputs->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_inputs->setMinimumHeight(90);
    m_inputs->setToolTip(tr("LiteLLM spend logs (CSV or JSON lines), OpenTelemetry OTLP/JSON, or JSONL/CSV with a map; "
                            ".gz and .zst too"));

    m_format->addItem(tr("Decide from the content"), QStringLiteral("auto"));
    m_format->addItem(tr("LiteLLM spend logs"), QStringLiteral("litellm"));
    m_format->addItem(tr("OpenTelemetry OTLP/JSON"), QStringLiteral("otlp-json"));
    m_format->addItem(tr("JSON lines with a map"), QStringLiteral("jsonl"));
    m_format->addItem(tr("CSV with a map"), QStringLiteral("csv"));
    for (QDateTimeEdit* edit : {m_from, m_to}) {
        edit->setTimeSpec(Qt::UTC); // evidence times are UTC, and so is the form
        edit->setDateTime(QDateTime::currentDateTimeUtc());
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
    }
    connect(m_useFrom, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useTo, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    auto* range = new QHBoxLayout;
    range->addWidget(m_useFrom);
    range->addWidget(m_from, 1);
    range->addWidget(m_useTo);
    range->addWidget(m_to, 1);

    auto* form = new QFormLayout;
    form->addRow(tr("Logs:"), inputs);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Accounts CSV:"), fileRow(m_accounts, tr("Accounts CSV"), tr("CSV (*.csv)"), false));
    form->addRow(tr("Models CSV:"), fileRow(m_models, tr("Models CSV"), tr("CSV (*.csv)"), false));
    form->addRow(tr("Field map:"), fileRow(m_map, tr("Field map"), tr("TOML (*.toml)"), false));
    form->addRow(tr("Capability rules:"), fileRow(m_rules, tr("Capability rules"), tr("Text (*.txt);;All files (*)"), false));
    if (detect) {
        form->addRow(tr("Detection thresholds:"), fileRow(m_thresholds, tr("Detection thresholds"), tr("TOML (*.toml)"), false));
        m_thresholds->setPlaceholderText(tr("optional: DETECT.toml overriding the thresholds (docs/detection.md)"));
    } else {
        m_thresholds->hide();
    }
    form->addRow(tr("Time range:"), range);
    form->addRow(tr("Title:"), m_title);
    form->addRow(tr("Investigation:"), fileRow(m_output, tr("Write the investigation to"), tr("Databases (*.db)"), true));
    form->addRow(QString(), m_force);
    m_accounts->setPlaceholderText(tr("optional: account, payment_fingerprint, email_domain, org_name, status..."));
    m_models->setPlaceholderText(tr("optional: name, released_at (else first appearance in the logs)"));
    m_map->setPlaceholderText(tr("needed for JSONL/CSV of other shapes"));
    m_rules->setPlaceholderText(tr("optional: instead of the built-in rules"));
    m_title->setPlaceholderText(tr("optional: \"Imported gateway logs (N files)\""));

    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setTextFormat(Qt::PlainText); // file names and log text are data, not markup
    m_buttons->addButton(detect ? tr("Detect") : tr("Import"), QDialogButtonBox::AcceptRole);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ImportDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &ImportDialog::onFinished);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(720, sizeHint().height());
}

ImportDialog::~ImportDialog()
{
    m_cancel->store(true);
    m_watcher.waitForFinished();
}

QWidget* ImportDialog::fileRow(QLineEdit* edit, const QString& caption, const QString& filter, bool save)
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* browse = new QPushButton(tr("Choose..."), row);
    connect(browse, &QPushButton::clicked, this, [this, edit, caption, filter, save] {
        const QString path = save ? QFileDialog::getSaveFileName(this, caption, edit->text(), filter)
                                  : QFileDialog::getOpenFileName(this, caption, edit->text(), filter);
        if (!path.isEmpty())
            edit->setText(path);
    });
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}

void ImportDialog::setInputs(const QStringList& inputs)
{
    m_inputs->clear();
    m_inputs->addItems(inputs);
}

void ImportDialog::setOutput(const QString& path) { m_output->setText(path); }

void ImportDialog::setSideFiles(const QString& accounts, const QString& models, const QString& map)
{
    m_accounts->setText(accounts);
    m_models->setText(models);
    m_map->setText(map);
}

void ImportDialog::setThresholds(const QString& detectToml) { m_thresholds->setText(detectToml); }

QString ImportDialog::statusText() const { return m_status->text(); }

logimport::ImportOptions ImportDialog::options(QString* problem) const
{
    logimport::ImportOptions o;
    for (int i = 0; i < m_inputs->count(); ++i)
        o.inputs.push_back(m_inputs->item(i)->text().toStdString());
    if (o.inputs.empty())
        *problem = tr("Add at least one log file or folder.");
    else if (m_output->text().isEmpty())
        *problem = tr("Choose where to write the investigation.");
    logimport::parseLogFormat(m_format->currentData().toString().toStdString(), &o.format);
    o.output = m_output->text().toStdString();
    o.accountsCsv = m_accounts->text().toStdString();
    o.modelsCsv = m_models->text().toStdString();
    o.mapFile = m_map->text().toStdString();
    o.rulesFile = m_rules->text().toStdString();
    o.title = m_title->text().toStdString();
    if (m_useFrom->isChecked())
        o.from = m_from->dateTime().toSecsSinceEpoch();
    if (m_useTo->isChecked())
        o.to = m_to->dateTime().toSecsSinceEpoch();
    o.force = m_force->isChecked();
    return o;
}

void ImportDialog::start()
{
    if (m_watcher.isRunning())
        return;
    QString problem;
    const logimport::ImportOptions o = options(&problem);
    if (!problem.isEmpty()) {
        m_status->setText(problem);
        return;
    }
    m_cancel->store(false);
    setRunning(true);
    m_status->setText(tr("Reading..."));
    QPointer<ImportDialog> self(this);
    const ProgressCallback progress = [self](const QString& phase, double fraction) {
        // From the worker: queued to the dialog, dropped if it is gone.
        QMetaObject::invokeMethod(qApp, [self, phase, fraction] {
            if (self)
                self->onProgress(phase, fraction);
        }, Qt::QueuedConnection);
    };
    const auto cancel = m_cancel;
    if (m_mode == Mode::Import) {
        m_watcher.setFuture(QtConcurrent::run(jobPool(), [o, progress, cancel] {
            return Outcome{logimport::importLogs(o, progress, cancel.get())};
        }));
        return;
    }
    // The thresholds are read here, before anything runs: a bad file writes nothing.
    detect::DetectConfig thresholds;
    if (!m_thresholds->text().isEmpty()) {
        std::string error;
        if (!detect::loadDetectConfig(m_thresholds->text().toStdString(), &thresholds, &error)) {
            setRunning(false);
            m_status->setText(tr("Nothing was written: %1").arg(QString::fromStdString(error)));
            return;
        }
    }
    m_watcher.setFuture(QtConcurrent::run(jobPool(), [o, thresholds, progress, cancel] {
        detect::DetectRun run = detect::detectLogs(o, thresholds, progress, cancel.get());
        return Outcome{std::move(run.import), std::int64_t(run.detect.campaigns.size()), run.flaggedAccounts, run.reasons};
    }));
}

void ImportDialog::cancel()
{
    m_cancel->store(true);
    m_status->setText(tr("Cancelling..."));
}

void ImportDialog::reject()
{
    if (m_watcher.isRunning()) {
        cancel(); // the dialog closes when the worker has stopped and removed its temporary file
        return;
    }
    QDialog::reject();
}

void ImportDialog::onProgress(const QString& phase, double fraction)
{
    m_progress->setValue(int(fraction * 1000));
    if (!m_cancel->load())
        m_status->setText(phase);
}

void ImportDialog::onFinished()
{
    const Outcome outcome = m_watcher.result();
    const logimport::ImportResult& r = outcome.import;
    setRunning(false);
    if (!r.ok) {
        m_status->setText(r.cancelled ? tr("Cancelled; nothing was written.")
                                      : tr("Nothing was written: %1").arg(QString::fromStdString(r.error)));
        if (r.cancelled)
            QDialog::reject();
        return;
    }
    QString text = m_mode == Mode::Detect
        ? tr("%1 exchanges, %2 accounts, %3 flagged in %4 campaigns, %5 flag reasons, %6 prompt families.")
              .arg(r.requests).arg(r.accounts).arg(outcome.flaggedAccounts).arg(outcome.campaigns).arg(outcome.reasons).arg(r.templates)
        : tr("%1 exchanges, %2 accounts (all unflagged), %3 prompt families.").arg(r.requests).arg(r.accounts).arg(r.templates);
    if (!r.issues.empty())
        text += QLatin1Char(' ') + tr("%1 records could not be read and were skipped.").arg(r.issues.total());
    m_status->setText(text);
    Q_EMIT imported(QString::fromStdString(m_output->text().toStdString()));
    accept();
}

void ImportDialog::setRunning(bool running)
{
    m_progress->setVisible(running);
    m_progress->setValue(0);
    m_buttons->buttons().front()->setEnabled(!running);
    for (QWidget* w : std::initializer_list<QWidget*>{m_inputs, m_output, m_format, m_accounts, m_models, m_map, m_rules, m_title, m_force, m_thresholds})
        w->setEnabled(!running);
}

} // namespace hs
