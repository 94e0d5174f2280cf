#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace coffer::ui {

enum class RemovalChoice { KeepData, DeleteData, Cancel };

// The questions the connections view asks the user. A seam: the application answers with
// window-modal dialogs (DialogConnectionPrompts), tests answer directly. Answers arrive through
// callbacks, so no implementation needs a nested event loop.
class ConnectionPrompts {
public:
    virtual ~ConnectionPrompts() = default;

    // Calls onAccepted with the chosen name; not at all when the user cancels.
    virtual void askConnectionName(QWidget* parent, const QString& suggestedName,
                                   std::function<void(const QString& name)> onAccepted) = 0;
    // Calls onChosen exactly once, with Cancel when the user backs out.
    virtual void askRemoval(QWidget* parent, const QString& connectionName,
                            std::function<void(RemovalChoice choice)> onChosen) = 0;
};

} // namespace coffer::ui
