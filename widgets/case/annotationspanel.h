// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Annotations dock: the case's annotations in a sortable table, filtered by kind, severity,
// tag, author and text. Double-click (or Enter) jumps to the annotated thing; the buttons ask
// for a new annotation, an edit or a deletion, which CaseActions carries out.

#include "casedata.h"
#include "viewstate.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace hs {

class AnnotationsModel;
class AnnotationFilterProxy;

class AnnotationsPanel final : public QWidget, public ViewStatePart
{
    Q_OBJECT
public:
    AnnotationsPanel(AnnotationsModel* model, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    AnnotationFilterProxy* proxy() const { return m_proxy; }
    QLineEdit* textFilter() const { return m_text; }
    void setCaseOpen(bool open, const QString& description);
    // Whether the open case may be edited by this user (a server case: the role, the server), and
    // if not why: the buttons say it in their tooltips and the status line is emphasised.
    void setEditable(bool editable, const QString& why = {});
    const Annotation* current() const;

    PageState viewState() const final; // the table's columns and sort, the filters
    void restoreViewState(const PageState& state) final;
    void setPresenting(bool) final {} // its dock is hidden then

Q_SIGNALS:
    void newRequested();
    void editRequested(const hs::Annotation& a);
    void deleteRequested(std::int64_t id);
    void jumpRequested(const hs::Annotation& a);

private:
    void updateButtons();
    void applyFilters();

    AnnotationsModel* m_model;
    AnnotationFilterProxy* m_proxy;
    QTableView* m_view;
    QComboBox* m_kind;
    QComboBox* m_severity;
    QLineEdit* m_tag;
    QLineEdit* m_author;
    QLineEdit* m_text;
    QPushButton* m_new;
    QPushButton* m_edit;
    QPushButton* m_delete;
    QLabel* m_status;
    bool m_open = false;
    bool m_editable = true;
    QString m_why;
};

} // namespace hs
