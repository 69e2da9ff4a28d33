// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Annotations panel's table: one row per annotation of the case, with what it points at
// named from the investigation, and a filter proxy (kind, severity, tag, author, text).
// Titles, notes and names are shown as plain text.

#include "casedata.h"
#include "investigation.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <memory>
#include <optional>
#include <vector>

namespace hs {

// "Hydra Tide (campaign 2)", "2026-02-11 14:00 UTC to 2026-02-12 14:00 UTC", ...
QString annotationSubjectLabel(const Investigation* inv, const Annotation& a);

class AnnotationsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, KindColumn, TitleColumn, SubjectColumn, TagsColumn, AuthorColumn, EditedColumn, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int SortRole = Qt::UserRole + 2;
    using QAbstractTableModel::QAbstractTableModel;

    void setAnnotations(std::vector<Annotation> annotations, std::shared_ptr<const Investigation> inv);
    const std::vector<Annotation>& annotations() const { return m_annotations; }
    const Annotation* annotationAt(int row) const;
    int rowOf(std::int64_t id) const; // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const final;

private:
    std::vector<Annotation> m_annotations;
    std::vector<QString> m_subjects; // per row, resolved once
};

class AnnotationFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AnnotationFilterProxy(QObject* parent = nullptr);

    void setKind(std::optional<AnnotationKind> kind);
    void setSeverity(std::optional<AnnotationSeverity> severity);
    void setTag(const QString& tag);       // exact tag, case-insensitive; empty: any
    void setAuthor(const QString& author); // substring, case-insensitive
    void setText(const QString& text);     // substring of title, note or subject

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const final;

private:
    std::optional<AnnotationKind> m_kind;
    std::optional<AnnotationSeverity> m_severity;
    QString m_tag, m_author, m_text;
};

} // namespace hs
