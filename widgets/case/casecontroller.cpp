// SPDX-License-Identifier: GPL-3.0-or-later
#include "casecontroller.h"

#include "investigation.h"

#include <QUndoCommand>
#include <QUndoStack>

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
    void redo() final { setObsolete(!m_c->apply(m_c->caseFile()->updateAnnotation(m_after))); }
    void undo() final { setObsolete(!m_c->apply(m_c->caseFile()->revertAnnotation(m_before))); }

private:
    CaseController* m_c;
    Annotation m_before, m_after;
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

CaseController::CaseController(QObject* parent) : QObject(parent), m_undo(new QUndoStack(this)) {}
CaseController::~CaseController() = default;

bool CaseController::create(const QString& path, const EvidenceFile& evidence, const QString& reviewer,
                            const QString& title, QString* error)
{
    auto c = CaseFile::create(path, evidence, reviewer, title, error);
    if (!c)
        return false;
    adopt(std::move(c));
    return true;
}

bool CaseController::open(const QString& path, QString* error)
{
    auto c = CaseFile::open(path, CaseFile::Mode::ReadWrite, error);
    if (!c)
        return false;
    adopt(std::move(c));
    return true;
}

void CaseController::close() { adopt(nullptr); }

void CaseController::adopt(std::unique_ptr<CaseFile> c)
{
    m_undo->clear(); // undo never reaches into another case
    m_case = std::move(c);
    refresh();
    Q_EMIT caseChanged();
    Q_EMIT viewsChanged();
}

void CaseController::refresh()
{
    m_annotations = m_case ? m_case->annotations() : std::vector<Annotation>{};
    Q_EMIT annotationsChanged();
}

bool CaseController::apply(bool ok)
{
    if (!ok)
        Q_EMIT editFailed(m_case->lastError());
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
