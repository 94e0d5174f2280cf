#pragma once

#include "connections/ConnectionPrompts.h"

#include <QCoreApplication>

namespace coffer::ui {

// Asks with window-modal dialogs opened by open(), never exec(): the window keeps painting and
// the engine's signals keep arriving while the user decides.
class DialogConnectionPrompts : public ConnectionPrompts {
    Q_DECLARE_TR_FUNCTIONS(coffer::ui::DialogConnectionPrompts)
public:
    void askConnectionName(QWidget* parent, const QString& suggestedName,
                           std::function<void(const QString& name)> onAccepted) override;
    void askRemoval(QWidget* parent, const QString& connectionName,
                    std::function<void(RemovalChoice choice)> onChosen) override;
};

} // namespace coffer::ui
