// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotationsmodel.h"

#include "timeutil.h"

namespace hs {
namespace {

template<typename T>
QString nameOf(const std::vector<T>& items, std::int64_t id, QString T::*field)
{
    for (const T& item : items)
        if (item.id == id)
            return item.*field;
    return {};
}

} // namespace

QString annotationSubjectLabel(const Investigation* inv, const Annotation& a)
{
    switch (a.kind) {
    case AnnotationKind::Range: return QStringLiteral("%1 to %2").arg(shortUtc(a.from), shortUtc(a.to));
    case AnnotationKind::Point: return shortUtc(a.from);
    default: break;
    }
    QString name;
    if (inv) {
        if (a.kind == AnnotationKind::Campaign)
            name = nameOf(inv->campaigns, a.target, &CampaignInfo::name);
        else if (a.kind == AnnotationKind::Cluster)
            name = nameOf(inv->clusters, a.target, &ClusterInfo::name);
        else if (a.kind == AnnotationKind::Account)
            name = nameOf(inv->accounts, a.target, &AccountInfo::externalRef);
        else
            name = nameOf(inv->templates, a.target, &TemplateInfo::fingerprint);
    }
    const QString ref = QStringLiteral("%1 %2").arg(kindName(a.kind)).arg(a.target);
    return name.isEmpty() ? ref : QStringLiteral("%1 (%2)").arg(name, ref);
}

void AnnotationsModel::setAnnotations(std::vector<Annotation> annotations, std::shared_ptr<const Investigation> inv)
{
    beginResetModel();
    m_annotations = std::move(annotations);
    m_subjects.clear();
    for (const Annotation& a : m_annotations)
        m_subjects.push_back(annotationSubjectLabel(inv.get(), a));
    endResetModel();
}

const Annotation* AnnotationsModel::annotationAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_annotations[static_cast<std::size_t>(row)] : nullptr;
}

int AnnotationsModel::rowOf(std::int64_t id) const
{
    for (std::size_t i = 0; i < m_annotations.size(); ++i)
        if (m_annotations[i].id == id)
            return static_cast<int>(i);
    return -1;
}

int AnnotationsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_annotations.size());
}

int AnnotationsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AnnotationsModel::data(const QModelIndex& index, int role) const
{
    const Annotation* a = index.isValid() ? annotationAt(index.row()) : nullptr;
    if (!a)
        return {};
    if (role == IdRole)
        return QVariant(qlonglong(a->id));
    const auto column = static_cast<Column>(index.column());
    if (role == SortRole) {
        if (column == SeverityColumn)
            return static_cast<int>(a->severity);
        if (column == EditedColumn)
            return QVariant(qlonglong(a->editedAt));
        if (column == SubjectColumn && isTimeKind(a->kind))
            return QVariant(qlonglong(a->from));
        role = Qt::DisplayRole;
    }
    if (role == Qt::ToolTipRole && column == TitleColumn) {
        // The whole title (the column may elide it) and the note. Tooltips guess rich text from
        // the content: escaped inside a paragraph, so the text stays literal.
        const QString tip = a->note.isEmpty() ? a->title : a->title + QStringLiteral("\n\n") + a->note;
        return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(tip.toHtmlEscaped());
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case SeverityColumn: return severityLabel(a->severity);
    case KindColumn: return kindName(a->kind);
    case TitleColumn: return a->title;
    case SubjectColumn: return m_subjects[static_cast<std::size_t>(index.row())];
    case TagsColumn: return a->tags.join(QStringLiteral(", "));
    case AuthorColumn: return a->author;
    case EditedColumn: return shortUtc(a->editedAt);
    case ColumnCount: break;
    }
    return {};
}

QVariant AnnotationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char* const names[ColumnCount] = {"Severity", "Kind", "Title", "About", "Tags", "Author", "Edited"};
    return section >= 0 && section < ColumnCount ? QVariant(tr(names[section])) : QVariant();
}

AnnotationFilterProxy::AnnotationFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(AnnotationsModel::SortRole);
}

void AnnotationFilterProxy::setKind(std::optional<AnnotationKind> kind)
{
    m_kind = kind;
    invalidateFilter();
}

void AnnotationFilterProxy::setSeverity(std::optional<AnnotationSeverity> severity)
{
    m_severity = severity;
    invalidateFilter();
}

void AnnotationFilterProxy::setTag(const QString& tag)
{
    m_tag = tag.trimmed();
    invalidateFilter();
}

void AnnotationFilterProxy::setAuthor(const QString& author)
{
    m_author = author.trimmed();
    invalidateFilter();
}

void AnnotationFilterProxy::setText(const QString& text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool AnnotationFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const auto* model = qobject_cast<const AnnotationsModel*>(sourceModel());
    const Annotation* a = model && !sourceParent.isValid() ? model->annotationAt(sourceRow) : nullptr;
    if (!a)
        return false;
    if ((m_kind && a->kind != *m_kind) || (m_severity && a->severity != *m_severity))
        return false;
    if (!m_tag.isEmpty() && !a->tags.contains(m_tag, Qt::CaseInsensitive))
        return false;
    if (!m_author.isEmpty() && !a->author.contains(m_author, Qt::CaseInsensitive))
        return false;
    if (m_text.isEmpty())
        return true;
    const QString subject = model->index(sourceRow, AnnotationsModel::SubjectColumn).data().toString();
    return a->title.contains(m_text, Qt::CaseInsensitive) || a->note.contains(m_text, Qt::CaseInsensitive)
           || subject.contains(m_text, Qt::CaseInsensitive);
}

} // namespace hs
