#include "DesktopPreferences.h"

#include <QSettings>

namespace coffer::ui {

namespace {
const QString kCloseToTray = QStringLiteral("desktop/closeToTray");
const QString kTrayNoticeShown = QStringLiteral("desktop/trayNoticeShown");
} // namespace

bool DesktopPreferences::closeToTray() const
{
    return QSettings().value(kCloseToTray, true).toBool();
}

void DesktopPreferences::setCloseToTray(bool on)
{
    QSettings().setValue(kCloseToTray, on);
}

bool DesktopPreferences::trayNoticeShown() const
{
    return QSettings().value(kTrayNoticeShown, false).toBool();
}

void DesktopPreferences::setTrayNoticeShown(bool shown)
{
    QSettings().setValue(kTrayNoticeShown, shown);
}

} // namespace coffer::ui
