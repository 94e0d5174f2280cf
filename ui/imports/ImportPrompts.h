#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

namespace coffer::ui {

// The questions importing asks outside its own dialog. A seam: the application answers with
// window-modal dialogs (DialogImportPrompts), tests answer directly. Answers arrive through
// callbacks, so no implementation needs a nested event loop.
class ImportPrompts {
public:
    virtual ~ImportPrompts() = default;

    // Which files to import; onChosen is not called when the user cancels.
    virtual void askFiles(QWidget* parent, std::function<void(const QStringList& paths)> onChosen) = 0;
    // question says what undoing will take back; onConfirmed only when the user agrees.
    virtual void confirmUndo(QWidget* parent, const QString& question, std::function<void()> onConfirmed) = 0;
};

} // namespace coffer::ui
