#pragma once

#include <QIcon>
#include <QList>

namespace coffer::ui {

// Coffer's own icon: resources/icons/coffer.svg rendered at build time into the sizes window
// systems ask for (title bars, task bars, Alt+Tab), compiled into coffer_ui as :/icons/coffer-<N>.png.
class AppIcon {
public:
    // The pixel sizes compiled in, smallest first.
    static const QList<int>& sizes();
    static QIcon icon();
    // Sets it as every window's icon (QGuiApplication::setWindowIcon); call once, after the
    // application object exists.
    static void install();
};

} // namespace coffer::ui
