// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The open case of the dashboard: its case (a .hcase file or a server case), the undo stack of annotation edits, and change
// signals for the views. Every edit goes through an undo command and is committed to the case
// file before the call returns; a failed write is reported and leaves no command behind.

#include "casebackend.h"

#include <QObject>

#include <memory>

class QSocketNotifier;
class QTimer;
class QUndoStack;

namespace hs {

class CaseController final : public QObject
{
    Q_OBJECT
public:
    explicit CaseController(QObject* parent = nullptr);
    ~CaseController() override;

    bool isOpen() const { return m_case != nullptr; }
    CaseBackend* caseFile() const { return m_case.get(); }
    QUndoStack* undoStack() const { return m_undo; }

    bool create(const QString& path, const EvidenceFile& evidence, const QString& reviewer, const QString& title,
                QString* error);
    bool open(const QString& path, QString* error);
    void close();

    const std::vector<Annotation>& annotations() const { return m_annotations; }
    void addAnnotation(const Annotation& a);
    void editAnnotation(const Annotation& after); // the stored one with this id is the "before"
    void removeAnnotation(std::int64_t id);
    std::int64_t shownRevision(std::int64_t id) const; // the revision of the annotation as last read

    std::vector<SavedView> views() const;
    bool saveView(const SavedView& view);

    // Used by the undo commands: run one case-file operation, refresh, report failure.
    // `conflictOffered`: a conflict is not reported here, the caller offers reload or overwrite.
    bool apply(bool ok, bool conflictOffered = false);

    // A server case: false while the server cannot be reached (the case stays shown as last
    // read, edits are refused, and the controller reconnects by itself every two seconds).
    bool isConnected() const { return m_connected; }
    // Whether this user may edit the open case, and if not why (read-only role, server away).
    bool mayEdit(QString* why) const;
    // Writes `mine` over the revision stored now (after conflicted()); undoable like any edit.
    void overwrite(Annotation mine);
    void reportConflict(const Annotation& mine); // used by the edit command

Q_SIGNALS:
    void caseChanged(); // opened, created or closed
    void annotationsChanged();
    void viewsChanged();
    void editFailed(const QString& message);
    void connectionChanged(bool connected); // a server case's server went away or came back
    // Another reviewer's edit arrived (and is shown): "alice edited range annotation "Burst"".
    void changedElsewhere(const QString& summary);
    // Another reviewer saved a newer revision of the annotation this user edited: nothing of
    // `mine` was written; overwrite() writes it over theirs, or the user keeps theirs.
    void conflicted(const hs::Annotation& mine, const QString& message);

private:
    void adopt(std::unique_ptr<CaseBackend> c);
    void refresh();
    void watch(); // a server case: its notifications and its connection
    void onNotified();
    void checkConnection();
    QString news(); // others' edits since the last look, for changedElsewhere()

    std::unique_ptr<CaseBackend> m_case;
    QUndoStack* m_undo;
    std::vector<Annotation> m_annotations;
    QSocketNotifier* m_notifier = nullptr;
    QTimer* m_connectionTimer;
    bool m_connected = true;
    std::int64_t m_seenSeq = 0; // the last audit entry read: what others did after it is news
};

} // namespace hs
