// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotationspanel.h"

#include "annotationsmodel.h"
#include "markerdelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace hs {

AnnotationsPanel::AnnotationsPanel(AnnotationsModel* model, QWidget* parent) : QWidget(parent), m_model(model)
{
    m_proxy = new AnnotationFilterProxy(this);
    m_proxy->setSourceModel(model);
    m_view = new QTableView(this);
    m_view->setTabKeyNavigation(false); // Tab leaves the table for the next control; arrows move within
    m_view->setObjectName(QStringLiteral("annotationsView"));
    m_view->setAccessibleName(tr("Annotations"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new MarkerDelegate(m_view)); // hidden characters as markers
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AnnotationsModel::SeverityColumn, Qt::DescendingOrder); // key evidence first
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Rows one line high, so the dock lists as many annotations as its height allows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    // The title has the room: the short columns (severity, kind, tags, author, edited time) take
    // what their contents need, "About" a width the reviewer can drag, and the title, shown last,
    // stretches over the rest (a stretched last section keeps its saved width while the dock is
    // hidden, where a Stretch column in the middle would not).
    QHeaderView* header = m_view->horizontalHeader();
    header->setMinimumSectionSize(40);
    for (int c : {AnnotationsModel::SeverityColumn, AnnotationsModel::KindColumn, AnnotationsModel::TagsColumn,
                  AnnotationsModel::AuthorColumn, AnnotationsModel::EditedColumn})
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AnnotationsModel::SubjectColumn, QHeaderView::Interactive);
    m_view->setColumnWidth(AnnotationsModel::SubjectColumn, 300);
    header->moveSection(header->visualIndex(AnnotationsModel::TitleColumn), header->count() - 1);
    header->setStretchLastSection(true);

    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Any kind"));
    for (int k = 0; k < kAnnotationKinds; ++k)
        m_kind->addItem(kindName(static_cast<AnnotationKind>(k)));
    m_kind->setAccessibleName(tr("Filter by kind"));
    m_severity = new QComboBox(this);
    m_severity->addItem(tr("Any severity"));
    for (int s = 0; s < kSeverities; ++s)
        m_severity->addItem(severityLabel(static_cast<AnnotationSeverity>(s)));
    m_severity->setAccessibleName(tr("Filter by severity"));
    auto lineEdit = [this](const QString& placeholder) {
        auto* e = new QLineEdit(this);
        e->setPlaceholderText(placeholder);
        e->setAccessibleName(placeholder);
        e->setClearButtonEnabled(true);
        connect(e, &QLineEdit::textChanged, this, &AnnotationsPanel::applyFilters);
        return e;
    };
    m_tag = lineEdit(tr("Tag"));
    m_author = lineEdit(tr("Author"));
    m_text = lineEdit(tr("Search title, note, subject"));
    connect(m_kind, qOverload<int>(&QComboBox::currentIndexChanged), this, &AnnotationsPanel::applyFilters);
    connect(m_severity, qOverload<int>(&QComboBox::currentIndexChanged), this, &AnnotationsPanel::applyFilters);

    m_new = new QPushButton(tr("&New..."), this);
    m_edit = new QPushButton(tr("&Edit..."), this);
    m_delete = new QPushButton(tr("&Delete"), this);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    // Wrapped: a reader's reason is long, and an unwrapped label would make the window wider than
    // a 1366-pixel screen.
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("caseStatus"));
    connect(m_new, &QPushButton::clicked, this, &AnnotationsPanel::newRequested);
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (const Annotation* a = current())
            Q_EMIT editRequested(*a);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (const Annotation* a = current())
            Q_EMIT deleteRequested(a->id);
    });
    connect(m_view, &QTableView::activated, this, [this] { // double-click or Enter
        if (const Annotation* a = current())
            Q_EMIT jumpRequested(*a);
    });
    auto* del = new QShortcut(QKeySequence::Delete, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, m_delete, &QPushButton::click);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AnnotationsPanel::updateButtons);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AnnotationsPanel::updateButtons);

    // Filters and buttons on one row, so the rows of the table get the height.
    auto* controls = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{m_kind, m_severity, m_tag, m_author})
        controls->addWidget(w);
    controls->addWidget(m_text, 1);
    for (QWidget* w : std::initializer_list<QWidget*>{m_new, m_edit, m_delete})
        controls->addWidget(w);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    setCaseOpen(false, QString());
}

void AnnotationsPanel::setCaseOpen(bool open, const QString& description)
{
    m_open = open;
    m_status->setText(open ? description : tr("No case open: File > New case... keeps annotations beside the evidence."));
    updateButtons();
}

const Annotation* AnnotationsPanel::current() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || !m_view->selectionModel()->isSelected(index))
        return nullptr;
    return m_model->annotationAt(m_proxy->mapToSource(index).row());
}

void AnnotationsPanel::setEditable(bool editable, const QString& why)
{
    m_editable = editable;
    m_why = editable ? QString() : why;
    QFont font = m_status->font();
    font.setBold(m_open && !editable); // read only or the server away: not to be missed
    m_status->setFont(font);
    updateButtons();
}

void AnnotationsPanel::updateButtons()
{
    // The status line says what stands in the way (no case, read only, server unreachable); an
    // open case the reviewer may edit is named in the status bar already.
    m_status->setVisible(!m_open || !m_editable);
    m_new->setEnabled(m_open && m_editable);
    m_edit->setEnabled(m_open && m_editable && current());
    m_delete->setEnabled(m_open && m_editable && current());
    const QString why = m_open && !m_editable ? tr("Not possible now: %1").arg(m_why) : QString();
    m_new->setToolTip(why.isEmpty() ? tr("Add an annotation (Case > Annotate...)") : why);
    m_edit->setToolTip(why.isEmpty() ? tr("Edit the selected annotation") : why);
    m_delete->setToolTip(why.isEmpty() ? tr("Delete the selected annotation (Edit > Undo brings it back)") : why);
}

void AnnotationsPanel::applyFilters()
{
    const int kind = m_kind->currentIndex() - 1;
    const int severity = m_severity->currentIndex() - 1;
    m_proxy->setKind(kind < 0 ? std::nullopt : std::optional<AnnotationKind>(static_cast<AnnotationKind>(kind)));
    m_proxy->setSeverity(severity < 0 ? std::nullopt
                                      : std::optional<AnnotationSeverity>(static_cast<AnnotationSeverity>(severity)));
    m_proxy->setTag(m_tag->text());
    m_proxy->setAuthor(m_author->text());
    m_proxy->setText(m_text->text());
}

PageState AnnotationsPanel::viewState() const
{
    PageState state;
    state.tables = {tableState(m_view)};
    state.values = {m_kind->currentIndex(), m_severity->currentIndex(), m_tag->text(), m_author->text(), m_text->text()};
    return state;
}

void AnnotationsPanel::restoreViewState(const PageState& state)
{
    if (!state.tables.empty()) {
        restoreTableState(m_view, state.tables.front());
    }
    if (state.values.size() != 5)
        return;
    m_kind->setCurrentIndex(state.values[0].toInt());
    m_severity->setCurrentIndex(state.values[1].toInt());
    m_tag->setText(state.values[2].toString());
    m_author->setText(state.values[3].toString());
    m_text->setText(state.values[4].toString());
}

} // namespace hs
