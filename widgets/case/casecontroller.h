// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The open case of the dashboard: its CaseFile, the undo stack of annotation edits, and change
// signals for the views. Every edit goes through an undo command and is committed to the case
// file before the call returns; a failed write is reported and leaves no command behind.

#include "casefile.h"

#include <QObject>

#include <memory>

class QUndoStack;

namespace hs {

class CaseController final : public QObject
{
    Q_OBJECT
public:
    explicit CaseController(QObject* parent = nullptr);
    ~CaseController() override;

    bool isOpen() const { return m_case != nullptr; }
    CaseFile* caseFile() const { return m_case.get(); }
    QUndoStack* undoStack() const { return m_undo; }

    bool create(const QString& path, const EvidenceFile& evidence, const QString& reviewer, const QString& title,
                QString* error);
    bool open(const QString& path, QString* error);
    void close();

    const std::vector<Annotation>& annotations() const { return m_annotations; }
    void addAnnotation(const Annotation& a);
    void editAnnotation(const Annotation& after); // the stored one with this id is the "before"
    void removeAnnotation(std::int64_t id);

    std::vector<SavedView> views() const;
    bool saveView(const SavedView& view);

    // Used by the undo commands: run one case-file operation, refresh, report failure.
    bool apply(bool ok);

Q_SIGNALS:
    void caseChanged(); // opened, created or closed
    void annotationsChanged();
    void viewsChanged();
    void editFailed(const QString& message);

private:
    void adopt(std::unique_ptr<CaseFile> c);
    void refresh();

    std::unique_ptr<CaseFile> m_case;
    QUndoStack* m_undo;
    std::vector<Annotation> m_annotations;
};

} // namespace hs
