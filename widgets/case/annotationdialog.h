// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Creates or edits one annotation: kind, title, what it is about (a time range, a moment, or a
// campaign, cluster, account or prompt family of the investigation), tags, severity, note.

#include "casedata.h"
#include "investigation.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;

namespace hs {

class AnnotationDialog final : public QDialog
{
    Q_OBJECT
public:
    AnnotationDialog(std::shared_ptr<const Investigation> inv, const Annotation& initial, QWidget* parent = nullptr);

    Annotation annotation() const; // valid after accept()
    QLineEdit* titleEdit() const { return m_title; }
    QLineEdit* targetEdit() const { return m_target; }
    void accept() override;

private:
    void onKindChanged();
    bool resolveTarget(std::int64_t* id) const;
    std::vector<std::pair<QString, std::int64_t>> targets(AnnotationKind kind) const;

    std::shared_ptr<const Investigation> m_inv;
    Annotation m_annotation;
    QComboBox* m_kind;
    QLineEdit* m_title;
    QStackedWidget* m_about;
    QDateTimeEdit* m_from;
    QDateTimeEdit* m_to;
    QDateTimeEdit* m_at;
    QLineEdit* m_target;
    QHash<QString, std::int64_t> m_targetIds; // completer label -> evidence id
    QLineEdit* m_tags;
    QComboBox* m_severity;
    QCheckBox* m_internal;
    QPlainTextEdit* m_note;
    QLabel* m_problem;
};

} // namespace hs
