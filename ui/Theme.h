#pragma once

#include "model/Snapshots.h"

#include <QColor>
#include <QString>

namespace coffer::ui {

// The few colours Coffer adds to the platform palette. Each has a light and a dark variant so text
// stays readable whichever palette the desktop uses.
class Theme {
public:
    static bool isDark();
    static QColor negativeAmount();
    static QColor pendingText();
    static QColor pendingNegativeAmount();
    // Style sheets for a QLabel; both set foreground and background, so they read on any palette.
    static QString errorBoxStyleSheet();
    static QString statePillStyleSheet(model::ConnectionState state);
    static QString cardStyleSheet();
    // Header sections lined up with PaddedItemDelegate's cell padding.
    static QString tableStyleSheet();
};

} // namespace coffer::ui
