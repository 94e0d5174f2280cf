#pragma once

#include <QString>
#include <QWidget>

namespace coffer::ui {

// Every widget gets a stable objectName (tests, style sheets) and an accessible name (screen
// readers) in one call, so neither is forgotten.
inline void setIdentity(QWidget* widget, const QString& objectName, const QString& accessibleName)
{
    widget->setObjectName(objectName);
    widget->setAccessibleName(accessibleName);
}

} // namespace coffer::ui
