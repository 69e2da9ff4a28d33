// SPDX-License-Identifier: GPL-3.0-or-later
#include "casecontroller.h"

#include "displaytext.h"
#include "investigation.h"

#include <QSocketNotifier>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>

namespace hs {
namespace {

// Undo and Redo name the annotation in the Edit menu: a long title is cut with an ellipsis, so the
// menu says that there is more.
QString menuText(const QString& title)
{
    constexpr int kMax = 40;
    return title.size() <= kMax ? title : title.left(kMax - 1).trimmed() + QChar(0x2026);
}

// Adds an annotation; undo deletes it, redo restores it with the same id.
class AddAnnotation final : public QUndoCommand
{
public:
    AddAnnotation(CaseController* c, Annotation a) : m_c(c), m_a(std::move(a))
    {
        setText(QObject::tr("add annotation \"%1\"").arg(menuText(m_a.title)));
    }
    void redo() final
    {
        if (m_a.id == 0) {
            const auto stored = m_c->caseFile()->addAnnotation(m_a);
            if (stored)
                m_a = *stored;
            setObsolete(!m_c->apply(stored.has_value()));
        } else {
            setObsolete(!m_c->apply(m_c->caseFile()->restoreAnnotation(m_a)));
        }
    }
    void undo() final { setObsolete(!m_c->apply(m_c->caseFile()->removeAnnotation(m_a.id))); }

private:
    CaseController* m_c;
    Annotation m_a;
};

class EditAnnotation final : public QUndoCommand
{
public:
    EditAnnotation(CaseController* c, Annotation before, Annotation after)
        : m_c(c), m_before(std::move(before)), m_after(std::move(after))
    {
        setText(QObject::tr("edit annotation \"%1\"").arg(menuText(m_after.title)));
    }
    // The first redo carries the revision the reviewer edited; later ones the revision now shown.
    // Either way, a newer revision saved by someone else on a server is a conflict, not overwritten.
    void redo() final
    {
        if (m_done)
            m_after.revision = m_c->shownRevision(m_after.id);
        m_done = true;
        const bool ok = m_c->apply(m_c->caseFile()->updateAnnotation(m_after), true);
        if (!ok && m_c->caseFile()->lastWasConflict())
            m_c->reportConflict(m_after);
        setObsolete(!ok);
    }
    void undo() final
    {
        m_before.revision = m_c->shownRevision(m_before.id);
        setObsolete(!m_c->apply(m_c->caseFile()->revertAnnotation(m_before)));
    }

private:
    CaseController* m_c;
    Annotation m_before, m_after;
    bool m_done = false;
};

class RemoveAnnotation final : public QUndoCommand
{
public:
    RemoveAnnotation(CaseController* c, Annotation a) : m_c(c), m_a(std::move(a))
    {
        setText(QObject::tr("delete annotation \"%1\"").arg(menuText(m_a.title)));
    }
    void redo() final { setObsolete(!m_c->apply(m_c->caseFile()->removeAnnotation(m_a.id))); }
    void undo() final { setObsolete(!m_c->apply(m_c->caseFile()->restoreAnnotation(m_a))); }

private:
    CaseController* m_c;
    Annotation m_a;
};

} // namespace

CaseController::CaseController(QObject* parent)
    : QObject(parent), m_undo(new QUndoStack(this)), m_connectionTimer(new QTimer(this))
{
    m_connectionTimer->setInterval(2000);
    connect(m_connectionTimer, &QTimer::timeout, this, &CaseController::checkConnection);
}
CaseController::~CaseController() = default;

bool CaseController::create(const QString& path, const EvidenceFile& evidence, const QString& reviewer,
                            const QString& title, QString* error)
{
    auto c = createCase(path, evidence, reviewer, title, error);
    if (!c)
        return false;
    adopt(std::move(c));
    return true;
}

bool CaseController::open(const QString& path, QString* error)
{
    auto c = openCase(path, CaseBackend::Mode::ReadWrite, error);
    if (!c)
        return false;
    adopt(std::move(c));
    return true;
}

void CaseController::close() { adopt(nullptr); }

void CaseController::adopt(std::unique_ptr<CaseBackend> c)
{
    m_undo->clear(); // undo never reaches into another case
    delete m_notifier;
    m_notifier = nullptr;
    m_case = std::move(c);
    m_connected = true;
    m_seenSeq = 0;
    if (m_case && m_case->changeSocket() >= 0) { // a shared case: news starts after what is open now
        const std::vector<AuditEntry> log = m_case->audit();
        m_seenSeq = log.empty() ? 0 : log.back().seq;
    }
    watch();
    refresh();
    Q_EMIT caseChanged();
    Q_EMIT viewsChanged();
}

void CaseController::watch()
{
    delete m_notifier;
    m_notifier = nullptr;
    const int socket = m_case ? m_case->changeSocket() : -1;
    if (socket >= 0) {
        m_notifier = new QSocketNotifier(socket, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &CaseController::onNotified);
        m_connectionTimer->start();
    } else {
        m_connectionTimer->stop();
    }
}

void CaseController::onNotified()
{
    if (!m_case)
        return;
    const bool changed = m_case->takeChanges();
    if (!m_case->isConnected()) { // the socket was readable because it closed
        checkConnection();
        return;
    }
    if (changed) {
        refresh();
        Q_EMIT viewsChanged();
        Q_EMIT changedElsewhere(news());
    }
}

void CaseController::checkConnection()
{
    if (!m_case)
        return;
    if (m_connected && !m_case->isConnected()) {
        m_connected = false;
        delete m_notifier; // a closed socket stays readable: stop listening to it
        m_notifier = nullptr;
        Q_EMIT connectionChanged(false);
    }
    if (!m_connected && m_case->reconnect()) {
        m_connected = true;
        watch();
        refresh(); // what others did meanwhile (shown; not announced one by one)
        news();
        Q_EMIT viewsChanged();
        Q_EMIT connectionChanged(true);
    }
}

bool CaseController::mayEdit(QString* why) const
{
    if (!m_case) {
        *why = tr("no case is open");
        return false;
    }
    return m_case->mayEdit(why);
}

void CaseController::refresh()
{
    // A server case whose server is away keeps the last copy read: the case stays readable.
    if (!m_case || m_case->isConnected())
        m_annotations = m_case ? m_case->annotations() : std::vector<Annotation>{};
    Q_EMIT annotationsChanged();
}

bool CaseController::apply(bool ok, bool conflictOffered)
{
    if (!ok && !(conflictOffered && m_case->lastWasConflict())) // that one is told by reportConflict(), with a choice
        Q_EMIT editFailed(m_case->lastError());
    if (!ok && !m_case->isConnected())
        checkConnection();
    refresh();
    return ok;
}

void CaseController::addAnnotation(const Annotation& a)
{
    if (m_case)
        m_undo->push(new AddAnnotation(this, a));
}

void CaseController::editAnnotation(const Annotation& after)
{
    if (!m_case)
        return;
    if (const std::optional<Annotation> before = m_case->annotation(after.id))
        m_undo->push(new EditAnnotation(this, *before, after));
}

void CaseController::removeAnnotation(std::int64_t id)
{
    if (!m_case)
        return;
    if (const std::optional<Annotation> a = m_case->annotation(id))
        m_undo->push(new RemoveAnnotation(this, *a));
}

void CaseController::reportConflict(const Annotation& mine) { Q_EMIT conflicted(mine, m_case->lastError()); }

void CaseController::overwrite(Annotation mine)
{
    if (!m_case)
        return;
    if (const std::optional<Annotation> stored = m_case->annotation(mine.id)) {
        mine.revision = stored->revision; // theirs, seen and overwritten on purpose
        m_undo->push(new EditAnnotation(this, *stored, mine));
    }
}

// What the audit log says others did since it was last read: the newest change to an annotation
// or a view, with its author, and how many more there were.
QString CaseController::news()
{
    const std::vector<AuditEntry> entries = m_case->auditAfter(m_seenSeq);
    QStringList changes;
    for (const AuditEntry& e : entries) {
        m_seenSeq = std::max(m_seenSeq, e.seq);
        const bool content = e.subject.startsWith(QLatin1String("annotation:")) || e.subject.startsWith(QLatin1String("view:"));
        if (content && e.actor != m_case->actor()) // this dashboard's own edits are no news
            changes << tr("%1 %2 %3").arg(e.actor, e.action, shownEvidence(e.detail, 160)); // titles may quote evidence
    }
    if (changes.isEmpty())
        return {};
    return changes.size() == 1 ? changes.back() : tr("%1 (and %n more change(s))", nullptr, int(changes.size() - 1)).arg(changes.back());
}

std::int64_t CaseController::shownRevision(std::int64_t id) const
{
    for (const Annotation& a : m_annotations)
        if (a.id == id)
            return a.revision;
    return 0;
}

std::vector<SavedView> CaseController::views() const { return m_case ? m_case->views() : std::vector<SavedView>{}; }

bool CaseController::saveView(const SavedView& view)
{
    if (!m_case)
        return false;
    const bool ok = m_case->saveView(view).has_value();
    if (!ok)
        Q_EMIT editFailed(m_case->lastError());
    Q_EMIT viewsChanged();
    return ok;
}

} // namespace hs
