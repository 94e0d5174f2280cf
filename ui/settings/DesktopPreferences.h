#pragma once

#include <QString>

namespace coffer::ui {

// Preferences of this desktop session that the engine never needs, kept in QSettings (the
// platform's usual place: ~/.config/Coffer, the registry, a plist). Engine settings live in the
// database instead (store::userSettings()).
class DesktopPreferences {
public:
    // Closing the window keeps Coffer syncing in the tray. Default: on (where there is a tray).
    bool closeToTray() const;
    void setCloseToTray(bool on);
    // The "Coffer keeps running in the tray" notice was shown once.
    bool trayNoticeShown() const;
    void setTrayNoticeShown(bool shown);
};

} // namespace coffer::ui
