#include "SettingsDialog.h"

#include "DesktopPreferences.h"
#include "EngineHost.h"
#include "LoginStartup.h"
#include "WidgetIdentity.h"
#include "schedule/Schedule.h"
#include "store/EngineStateReader.h"
#include "store/UserSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace coffer::ui {

namespace key = store::settingKey;

SettingsDialog::SettingsDialog(const SettingsValues& values, QWidget* parent)
    : QDialog(parent)
    , m_initial(values)
{
    setIdentity(this, QStringLiteral("settingsDialog"), tr("Settings"));
    setWindowTitle(tr("Settings"));
    m_tabs = new QTabWidget(this);
    setIdentity(m_tabs, QStringLiteral("settingsTabs"), tr("Settings sections"));
    m_tabs->addTab(createGeneralTab(), tr("General"));
    m_tabs->addTab(createNotificationsTab(), tr("Notifications"));
    m_tabs->addTab(createSyncTab(), tr("Sync and Retention"));
    m_tabs->addTab(createAdvancedTab(), tr("Advanced"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    setIdentity(buttons, QStringLiteral("settingsButtons"), tr("Dialog buttons"));
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    setIdentity(m_okButton, QStringLiteral("settingsOkButton"), tr("Save the settings"));
    setIdentity(buttons->button(QDialogButtonBox::Cancel), QStringLiteral("settingsCancelButton"),
                tr("Close without saving"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    validate();
    // Wrapped notes need their height for the width they get, not for their one-line size hint.
    constexpr int kWidth = 600;
    setMinimumWidth(kWidth);
    resize(kWidth, std::max(sizeHint().height(), heightForWidth(kWidth)) + 24);
}

QSpinBox* SettingsDialog::spinFor(const QString& settingKey, const QString& objectName, const QString& accessibleName)
{
    auto* spin = new QSpinBox;
    setIdentity(spin, objectName, accessibleName);
    if (const store::UserSetting* s = store::findUserSetting(settingKey)) {
        spin->setRange(s->min, s->max);
        spin->setValue(m_initial.engine.value(settingKey, s->defaultShown()).toInt());
    }
    m_spins.insert(settingKey, spin);
    return spin;
}

QWidget* SettingsDialog::createGeneralTab()
{
    auto* page = new QWidget;
    setIdentity(page, QStringLiteral("settingsGeneralPage"), tr("General"));
    auto* folder = new QLineEdit(QDir::toNativeSeparators(m_initial.dataFolder), page);
    setIdentity(folder, QStringLiteral("dataFolderEdit"), tr("Data folder"));
    folder->setReadOnly(true);
    auto* open = new QPushButton(tr("Open Folder"), page);
    setIdentity(open, QStringLiteral("openDataFolderButton"), tr("Open the data folder"));
    connect(open, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_initial.dataFolder)); });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folder, 1);
    folderRow->addWidget(open);

    m_closeToTray = new QCheckBox(tr("Keep syncing in the tray when the window is closed"), page);
    setIdentity(m_closeToTray, QStringLiteral("closeToTrayCheck"), tr("Keep syncing in the tray"));
    m_closeToTray->setChecked(m_initial.closeToTray && m_initial.trayAvailable);
    m_closeToTray->setEnabled(m_initial.trayAvailable);
    if (!m_initial.trayAvailable)
        m_closeToTray->setToolTip(tr("This desktop has no system tray."));
    m_startAtLogin = new QCheckBox(tr("Start Coffer when I log in, minimized"), page);
    setIdentity(m_startAtLogin, QStringLiteral("startAtLoginCheck"), tr("Start at login"));
    m_startAtLogin->setChecked(m_initial.startAtLogin);

    auto* note = new QLabel(tr("The database, its backups, archives and logs are kept in this folder."), page);
    setIdentity(note, QStringLiteral("dataFolderNote"), tr("About the data folder"));
    note->setWordWrap(true);
    auto* form = new QFormLayout(page);
    form->addRow(tr("Data folder:"), folderRow);
    form->addRow(QString(), note);
    form->addRow(QString(), m_closeToTray);
    form->addRow(QString(), m_startAtLogin);
    return page;
}

QWidget* SettingsDialog::createNotificationsTab()
{
    auto* page = new QWidget;
    setIdentity(page, QStringLiteral("settingsNotificationsPage"), tr("Notifications"));
    auto* stale = spinFor(key::kStaleAfterHours, QStringLiteral("staleAfterHoursSpin"), tr("Stale after hours"));
    stale->setSuffix(tr(" hours"));
    auto* failures = spinFor(key::kFailuresBeforeNotifying, QStringLiteral("failuresBeforeNotifyingSpin"),
                             tr("Failed syncs before notifying"));
    failures->setSuffix(tr(" in a row"));
    auto* consent =
        spinFor(key::kConsentWarningDays, QStringLiteral("consentWarningDaysSpin"), tr("Consent warning days"));
    consent->setSuffix(tr(" days before"));
    auto* note = new QLabel(tr("Each problem is announced once per connection, and again only after it was fixed "
                               "and came back."),
                            page);
    setIdentity(note, QStringLiteral("notificationsNote"), tr("How notifications are limited"));
    note->setWordWrap(true);
    auto* form = new QFormLayout(page);
    form->addRow(tr("Data is stale after:"), stale);
    form->addRow(tr("Tell me about failed syncs after:"), failures);
    form->addRow(tr("Warn that bank access ends:"), consent);
    form->addRow(QString(), note);
    return page;
}

QWidget* SettingsDialog::createSyncTab()
{
    auto* page = new QWidget;
    setIdentity(page, QStringLiteral("settingsSyncPage"), tr("Sync and retention"));
    m_schedule = new QLineEdit(m_initial.engine.value(key::kDefaultSchedule), page);
    setIdentity(m_schedule, QStringLiteral("defaultScheduleEdit"), tr("Default schedule of new connections"));
    m_schedule->setPlaceholderText(tr("every 4h, daily 06:30, cron 0 */6 * * *"));
    m_scheduleHint = new QLabel(page);
    setIdentity(m_scheduleHint, QStringLiteral("defaultScheduleHint"), tr("What the schedule means"));
    m_scheduleHint->setWordWrap(true);
    connect(m_schedule, &QLineEdit::textChanged, this, &SettingsDialog::validate);

    auto* archive =
        spinFor(key::kRetentionArchiveYears, QStringLiteral("retentionArchiveYearsSpin"), tr("Archive after years"));
    archive->setSpecialValueText(tr("Never"));
    archive->setSuffix(tr(" years"));
    auto* raw = spinFor(key::kRetentionRawDays, QStringLiteral("retentionRawDaysSpin"), tr("Keep provider data days"));
    raw->setSpecialValueText(tr("Forever"));
    raw->setSuffix(tr(" days"));
    auto* form = new QFormLayout(page);
    form->addRow(tr("New connections sync:"), m_schedule);
    form->addRow(QString(), m_scheduleHint);
    form->addRow(tr("Archive transactions older than:"), archive);
    form->addRow(tr("Keep what banks sent for:"), raw);
    return page;
}

QWidget* SettingsDialog::createAdvancedTab()
{
    auto* page = new QWidget;
    setIdentity(page, QStringLiteral("settingsAdvancedPage"), tr("Advanced"));
    m_webhookEnabled = new QCheckBox(tr("Receive webhooks from providers on this computer"), page);
    setIdentity(m_webhookEnabled, QStringLiteral("webhookEnabledCheck"), tr("Receive webhooks"));
    m_webhookEnabled->setChecked(m_initial.engine.value(key::kWebhookEnabled) == u"1");
    auto* port = spinFor(key::kWebhookPort, QStringLiteral("webhookPortSpin"), tr("Webhook port"));
    port->setGroupSeparatorShown(false);
    port->setEnabled(m_webhookEnabled->isChecked());
    connect(m_webhookEnabled, &QCheckBox::toggled, port, &QSpinBox::setEnabled);
    m_webhookUrl = new QLineEdit(m_initial.engine.value(key::kWebhookPublicUrl), page);
    setIdentity(m_webhookUrl, QStringLiteral("webhookPublicUrlEdit"), tr("Public webhook address"));
    m_webhookUrl->setPlaceholderText(tr("https://your-tunnel.example.com/plaid"));
    m_webhookUrl->setEnabled(m_webhookEnabled->isChecked());
    connect(m_webhookEnabled, &QCheckBox::toggled, m_webhookUrl, &QLineEdit::setEnabled);
    connect(m_webhookUrl, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(port, &QSpinBox::valueChanged, this, &SettingsDialog::validate);
    m_webhookUrlHint = new QLabel(page);
    setIdentity(m_webhookUrlHint, QStringLiteral("webhookPublicUrlHint"), tr("About the public webhook address"));
    m_webhookUrlHint->setWordWrap(true);
    auto* note = new QLabel(tr("The receiver listens on 127.0.0.1 only. These settings take effect when a provider "
                               "that sends webhooks is connected."),
                            page);
    setIdentity(note, QStringLiteral("webhookNote"), tr("About webhooks"));
    note->setWordWrap(true);
    m_logLevel = new QComboBox(page);
    setIdentity(m_logLevel, QStringLiteral("logLevelCombo"), tr("Log detail"));
    for (const QString& level : {QStringLiteral("trace"), QStringLiteral("debug"), QStringLiteral("info"),
                                 QStringLiteral("warn"), QStringLiteral("error"), QStringLiteral("off")})
        m_logLevel->addItem(level, level);
    m_logLevel->setCurrentIndex(std::max(0, m_logLevel->findData(m_initial.engine.value(key::kLogLevel))));
    auto* form = new QFormLayout(page);
    form->addRow(QString(), m_webhookEnabled);
    form->addRow(tr("Loopback port:"), port);
    form->addRow(tr("Public address:"), m_webhookUrl);
    form->addRow(QString(), m_webhookUrlHint);
    form->addRow(QString(), note);
    form->addRow(tr("Log detail:"), m_logLevel);
    return page;
}

void SettingsDialog::validate()
{
    const auto checked = store::checkUserSetting(key::kDefaultSchedule, m_schedule->text());
    const auto parsed = schedule::Schedule::parse(m_schedule->text().trimmed());
    m_scheduleHint->setText(parsed.ok() ? parsed->describe() : checked.error().userMessage);
    const auto webhookUrl = store::checkUserSetting(key::kWebhookPublicUrl, m_webhookUrl->text());
    m_webhookUrlHint->setText(
        webhookUrl.ok() ? tr("Plaid cannot reach this computer directly. To receive its webhooks, run a tunnel (such "
                             "as Cloudflare Tunnel or ngrok) that forwards an https address to "
                             "http://127.0.0.1:%1/plaid and enter that address; Coffer gives it to Plaid for each "
                             "bank linked through Plaid. Empty: Plaid sends no webhooks.")
                              .arg(m_spins.value(key::kWebhookPort)->value())
                        : webhookUrl.error().userMessage);
    m_okButton->setEnabled(checked.ok() && webhookUrl.ok());
}

SettingsValues SettingsDialog::values() const
{
    SettingsValues v = m_initial;
    for (auto it = m_spins.cbegin(); it != m_spins.cend(); ++it)
        v.engine.insert(it.key(), QString::number(it.value()->value()));
    const auto schedule = store::checkUserSetting(key::kDefaultSchedule, m_schedule->text());
    if (schedule.ok())
        v.engine.insert(key::kDefaultSchedule, schedule.value());
    v.engine.insert(key::kWebhookEnabled, m_webhookEnabled->isChecked() ? QStringLiteral("1") : QStringLiteral("0"));
    if (const auto webhookUrl = store::checkUserSetting(key::kWebhookPublicUrl, m_webhookUrl->text()); webhookUrl.ok())
        v.engine.insert(key::kWebhookPublicUrl, webhookUrl.value());
    v.engine.insert(key::kLogLevel, m_logLevel->currentData().toString());
    v.closeToTray = m_closeToTray->isChecked();
    v.startAtLogin = m_startAtLogin->isChecked();
    return v;
}

QList<QPair<QString, QString>> SettingsDialog::changedEngineSettings() const
{
    QList<QPair<QString, QString>> changed;
    const SettingsValues now = values();
    for (auto it = now.engine.cbegin(); it != now.engine.cend(); ++it) {
        if (m_initial.engine.value(it.key()) != it.value())
            changed.append({it.key(), it.value()});
    }
    return changed;
}

QString SettingsDialog::edit(QWidget* parent, EngineHost& host, DesktopPreferences& preferences,
                             LoginStartup& loginStartup, std::function<void(const SettingsValues&)> onApplied)
{
    const auto engine = store::EngineStateReader::readUserSettings(host.databasePath());
    if (!engine.ok())
        return tr("The settings cannot be read yet: %1").arg(engine.error().userMessage);
    SettingsValues values;
    values.dataFolder = QFileInfo(host.databasePath()).absolutePath();
    values.engine = engine.value();
    values.trayAvailable = QSystemTrayIcon::isSystemTrayAvailable();
    values.closeToTray = preferences.closeToTray();
    values.startAtLogin = loginStartup.enabled();

    auto* dialog = new SettingsDialog(values, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, parent, [dialog, &host, &preferences, &loginStartup, onApplied] {
        for (const auto& [settingKey, value] : dialog->changedEngineSettings())
            host.setSetting(settingKey, value);
        const SettingsValues chosen = dialog->values();
        if (chosen.trayAvailable)
            preferences.setCloseToTray(chosen.closeToTray);
        if (chosen.startAtLogin != loginStartup.enabled()) {
            if (auto done = loginStartup.setEnabled(chosen.startAtLogin); !done.ok())
                QMessageBox::warning(dialog->parentWidget(), tr("Start at login"), done.error().userMessage);
        }
        if (onApplied)
            onApplied(chosen);
    });
    dialog->open();
    return {};
}

} // namespace coffer::ui
