// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotationdialog.h"

#include "annotationsmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QStringListModel>
#include <QTimeZone>
#include <QVBoxLayout>

namespace hs {
namespace {

QDateTimeEdit* utcEdit(std::int64_t seconds, QWidget* parent)
{
    auto* edit = new QDateTimeEdit(QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()), parent);
    edit->setTimeSpec(Qt::UTC); // evidence times are UTC, whatever the workstation's zone
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    edit->setCalendarPopup(true);
    return edit;
}

} // namespace

AnnotationDialog::AnnotationDialog(std::shared_ptr<const Investigation> inv, const Annotation& initial, QWidget* parent)
    : QDialog(parent), m_inv(std::move(inv)), m_annotation(initial)
{
    setWindowTitle(initial.id ? tr("Edit annotation") : tr("New annotation"));
    m_kind = new QComboBox(this);
    for (int k = 0; k < kAnnotationKinds; ++k)
        m_kind->addItem(kindName(static_cast<AnnotationKind>(k)));
    m_kind->setCurrentIndex(static_cast<int>(initial.kind));
    m_kind->setAccessibleName(tr("Kind"));
    m_title = new QLineEdit(initial.title, this);
    m_title->setAccessibleName(tr("Title"));

    const bool hasHours = m_inv && !m_inv->aggregates.hours.empty();
    const std::int64_t start = initial.from ? initial.from : (hasHours ? m_inv->aggregates.hours.front().hour * 3600 : 0);
    m_from = utcEdit(start, this);
    m_to = utcEdit(initial.to > start ? initial.to : start + 3600, this);
    m_at = utcEdit(start, this);
    auto* range = new QWidget(this);
    auto* rangeLayout = new QHBoxLayout(range);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    rangeLayout->addWidget(m_from);
    rangeLayout->addWidget(new QLabel(tr("to"), range));
    rangeLayout->addWidget(m_to);
    m_target = new QLineEdit(this);
    m_target->setPlaceholderText(tr("Type a name or an id"));
    m_target->setAccessibleName(tr("Annotated item"));
    m_target->setCompleter(new QCompleter(new QStringListModel(this), this));
    m_target->completer()->setFilterMode(Qt::MatchContains);
    m_target->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_about = new QStackedWidget(this);
    m_about->addWidget(range);
    m_about->addWidget(m_at);
    m_about->addWidget(m_target);

    m_tags = new QLineEdit(initial.tags.join(QStringLiteral(", ")), this);
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. pivot, atlas-3"));
    m_tags->setAccessibleName(tr("Tags"));
    m_severity = new QComboBox(this);
    for (int s = 0; s < kSeverities; ++s)
        m_severity->addItem(severityLabel(static_cast<AnnotationSeverity>(s)));
    m_severity->setCurrentIndex(static_cast<int>(initial.severity));
    m_severity->setAccessibleName(tr("Severity"));
    m_internal = new QCheckBox(tr("Internal (left out of external exports)"), this);
    m_internal->setChecked(initial.internal);
    m_note = new QPlainTextEdit(this); // plain text only: notes may quote attacker text
    m_note->setPlainText(initial.note);
    m_note->setAccessibleName(tr("Note"));
    m_problem = new QLabel(this);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&About:"), m_about);
    form->addRow(tr("Ta&gs:"), m_tags);
    form->addRow(tr("&Severity:"), m_severity);
    form->addRow(QString(), m_internal);
    form->addRow(tr("&Note:"), m_note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &AnnotationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AnnotationDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    connect(m_kind, qOverload<int>(&QComboBox::currentIndexChanged), this, &AnnotationDialog::onKindChanged);
    onKindChanged();
    if (!isTimeKind(initial.kind) && initial.target)
        for (auto it = m_targetIds.cbegin(); it != m_targetIds.cend(); ++it)
            if (it.value() == initial.target)
                m_target->setText(it.key());
    resize(560, 460);
    m_title->setFocus(); // the title is what every annotation needs first: typing starts there
}

std::vector<std::pair<QString, std::int64_t>> AnnotationDialog::targets(AnnotationKind kind) const
{
    std::vector<std::pair<QString, std::int64_t>> out;
    if (!m_inv)
        return out;
    auto add = [&](std::int64_t id) {
        Annotation a;
        a.kind = kind;
        a.target = id;
        out.emplace_back(annotationSubjectLabel(m_inv.get(), a), id);
    };
    if (kind == AnnotationKind::Campaign)
        for (const CampaignInfo& c : m_inv->campaigns)
            add(c.id);
    else if (kind == AnnotationKind::Cluster)
        for (const ClusterInfo& c : m_inv->clusters)
            add(c.id);
    else if (kind == AnnotationKind::Account)
        for (const AccountInfo& a : m_inv->accounts)
            add(a.id);
    else if (kind == AnnotationKind::Family)
        for (const TemplateInfo& t : m_inv->templates)
            add(t.id);
    return out;
}

void AnnotationDialog::onKindChanged()
{
    const auto kind = static_cast<AnnotationKind>(m_kind->currentIndex());
    m_about->setCurrentIndex(kind == AnnotationKind::Range ? 0 : (kind == AnnotationKind::Point ? 1 : 2));
    if (isTimeKind(kind))
        return;
    m_targetIds.clear();
    QStringList labels;
    for (const auto& [label, id] : targets(kind)) {
        labels << label;
        m_targetIds.insert(label, id);
    }
    static_cast<QStringListModel*>(m_target->completer()->model())->setStringList(labels);
    m_target->clear();
}

bool AnnotationDialog::resolveTarget(std::int64_t* id) const
{
    const QString text = m_target->text().trimmed();
    if (const auto it = m_targetIds.constFind(text); it != m_targetIds.cend()) {
        *id = it.value();
        return true;
    }
    bool number = false;
    const std::int64_t asId = text.toLongLong(&number);
    for (auto it = m_targetIds.cbegin(); it != m_targetIds.cend(); ++it) {
        if ((number && it.value() == asId) || it.key().startsWith(text + QStringLiteral(" ("))) {
            *id = it.value();
            return true;
        }
    }
    return false;
}

void AnnotationDialog::accept()
{
    Annotation a = m_annotation;
    a.kind = static_cast<AnnotationKind>(m_kind->currentIndex());
    a.title = m_title->text().trimmed();
    a.severity = static_cast<AnnotationSeverity>(m_severity->currentIndex());
    a.internal = m_internal->isChecked();
    a.note = m_note->toPlainText();
    a.tags.clear();
    for (const QString& t : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty())
            a.tags << t.trimmed();
    a.from = a.to = a.target = 0;
    QString problem;
    if (a.kind == AnnotationKind::Range) {
        a.from = m_from->dateTime().toSecsSinceEpoch();
        a.to = m_to->dateTime().toSecsSinceEpoch();
        if (a.to <= a.from)
            problem = tr("The range must end after it starts.");
    } else if (a.kind == AnnotationKind::Point) {
        a.from = a.to = m_at->dateTime().toSecsSinceEpoch();
    } else if (!resolveTarget(&a.target)) {
        problem = tr("Choose the %1 from the list, or type its id.").arg(kindName(a.kind));
    }
    if (a.title.isEmpty())
        problem = tr("Give the annotation a title.");
    m_problem->setText(problem);
    if (!problem.isEmpty())
        return;
    m_annotation = a;
    QDialog::accept();
}

Annotation AnnotationDialog::annotation() const { return m_annotation; }

} // namespace hs
