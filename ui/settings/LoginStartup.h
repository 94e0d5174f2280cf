#pragma once

#include "model/Result.h"

#include <QString>

namespace coffer::ui {

// Starting Coffer at login, minimized to the tray (`--minimized`), the way each platform does it:
// Linux and other XDG desktops an autostart entry ($XDG_CONFIG_HOME/autostart/coffer.desktop),
// Windows the HKCU Run key, macOS a LaunchAgent plist. Whether it is on is read back from there,
// so it stays true to what the system will do.
class LoginStartup {
public:
    // executable: what to start (default: this program).
    explicit LoginStartup(QString executable = {});

    bool enabled() const;
    model::Status setEnabled(bool on);
    // The file or registry entry it writes, for messages and tests.
    QString location() const;

private:
    QString m_executable;
};

} // namespace coffer::ui
