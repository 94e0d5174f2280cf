#pragma once

#include <QDialog>
#include <QHash>
#include <QMap>
#include <QPair>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

class DesktopPreferences;
class LoginStartup;

// What the settings dialog shows and edits: the engine's settings (the same keys as
// `cofferctl settings`) and this desktop's own preferences.
struct SettingsValues {
    QString dataFolder;
    QMap<QString, QString> engine; // key -> value, as store::userSettings() describes them
    bool trayAvailable = false;
    bool closeToTray = true;
    bool startAtLogin = false;
};

// Settings: data folder (with "Open folder"), notification thresholds, default schedule of new
// connections, retention, webhook receiver (and its public tunnel address), log level, and the desktop's tray and login
// options. Every value is checked by the same rules as the engine's (store::checkUserSetting) before OK is allowed;
// what changed is written through EngineHost::setSetting.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(const SettingsValues& values, QWidget* parent = nullptr);

    // Reads the current settings, shows the dialog (window-modal, without a nested event loop) and
    // applies what the user changed on OK; onApplied runs after. An error message when the
    // engine's settings cannot be read (the engine has not opened its database).
    static QString edit(QWidget* parent, EngineHost& host, DesktopPreferences& preferences, LoginStartup& loginStartup,
                        std::function<void(const SettingsValues&)> onApplied);

    SettingsValues values() const;
    // Engine settings whose value differs from what the dialog was opened with.
    QList<QPair<QString, QString>> changedEngineSettings() const;

private:
    QWidget* createGeneralTab();
    QWidget* createNotificationsTab();
    QWidget* createSyncTab();
    QWidget* createAdvancedTab();
    QSpinBox* spinFor(const QString& key, const QString& objectName, const QString& accessibleName);
    void validate();

    SettingsValues m_initial;
    QTabWidget* m_tabs = nullptr;
    QHash<QString, QSpinBox*> m_spins; // engine key -> its editor
    QLineEdit* m_schedule = nullptr;
    QLabel* m_scheduleHint = nullptr;
    QCheckBox* m_webhookEnabled = nullptr;
    QLineEdit* m_webhookUrl = nullptr; // the public tunnel address given to Plaid
    QLabel* m_webhookUrlHint = nullptr;
    QComboBox* m_logLevel = nullptr;
    QCheckBox* m_closeToTray = nullptr;
    QCheckBox* m_startAtLogin = nullptr;
    QPushButton* m_okButton = nullptr;
};

} // namespace coffer::ui
