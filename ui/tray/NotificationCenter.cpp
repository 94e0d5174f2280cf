#include "NotificationCenter.h"

#include "EngineHost.h"
#include "store/EngineStateReader.h"
#include "store/UserSettings.h"

namespace coffer::ui {

using model::ConnectionState;

namespace {
constexpr int kGroupingMs = 250; // what one burst of engine signals raised becomes one message per condition
const QString kBackfillTrigger = QStringLiteral("backfill");
} // namespace

NotificationCenter::NotificationCenter(QObject* parent)
    : QObject(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    qRegisterMetaType<coffer::ui::DesktopAlert>();
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kGroupingMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &NotificationCenter::flush);
}

NotificationCenter::~NotificationCenter() = default;

void NotificationCenter::follow(EngineHost& host)
{
    connect(&host, &EngineHost::started, this, [this](const QString& databasePath) {
        auto reader = store::EngineStateReader::open(databasePath);
        if (reader.ok())
            m_reader = reader.value();
        reloadThresholds();
    });
    connect(&host, &EngineHost::connectionsChanged, this, &NotificationCenter::onConnectionsChanged);
    connect(&host, &EngineHost::notification, this, &NotificationCenter::onNotification);
    connect(&host, &EngineHost::syncFinished, this, [this](const model::SyncSummary& summary) {
        QString trigger;
        if (const auto read = m_reader ? m_reader->runTrigger(summary.syncRunId) : model::Result<QString>(QString());
            read.ok())
            trigger = read.value();
        onSyncFinished(summary, trigger);
    });
}

AlertThresholds NotificationCenter::thresholdsFrom(const QMap<QString, QString>& settings)
{
    const auto valueOf = [&](const QString& key) {
        const store::UserSetting* s = store::findUserSetting(key);
        return settings.value(key, s ? s->defaultShown() : QString()).toInt();
    };
    AlertThresholds t;
    t.failuresBeforeNotifying = valueOf(store::settingKey::kFailuresBeforeNotifying);
    t.consentWarningDays = valueOf(store::settingKey::kConsentWarningDays);
    return t;
}

void NotificationCenter::reloadThresholds()
{
    if (!m_reader)
        return;
    if (const auto values = m_reader->userSettings(); values.ok())
        m_thresholds = thresholdsFrom(values.value());
}

void NotificationCenter::onConnectionsChanged(const QList<model::ConnectionStatus>& connections)
{
    QSet<qint64> present;
    const QDateTime now = m_now();
    for (const model::ConnectionStatus& c : connections) {
        present.insert(c.connectionId);
        m_names.insert(c.connectionId, c.name);
        const bool reauthRequired = c.state == ConnectionState::ReauthRequired;
        if (reauthRequired)
            raise(c.connectionId, AlertCondition::ReauthRequired);
        else if (c.state == ConnectionState::Idle || c.state == ConnectionState::ReauthSoon ||
                 c.state == ConnectionState::Error)
            clear(c.connectionId, AlertCondition::ReauthRequired); // settled without needing a sign-in
        // Derived here rather than from the engine's own notice, so the user's warning period applies.
        const bool consentEndsSoon =
            c.consentExpiresAt.isValid() && now.daysTo(c.consentExpiresAt) <= m_thresholds.consentWarningDays;
        if (consentEndsSoon && !reauthRequired)
            raise(c.connectionId, AlertCondition::ReauthSoon);
        else if (!consentEndsSoon)
            clear(c.connectionId, AlertCondition::ReauthSoon);
    }
    // A removed connection takes its conditions with it.
    for (auto it = m_active.begin(); it != m_active.end();) {
        if (present.contains(it->first))
            ++it;
        else
            it = m_active.erase(it);
    }
    for (auto it = m_names.begin(); it != m_names.end();)
        it = present.contains(it.key()) ? std::next(it) : m_names.erase(it);
    reportAttention();
}

void NotificationCenter::onNotification(const model::Notification& notification)
{
    using Kind = model::Notification::Kind;
    if (notification.connectionId == 0)
        return;
    if (notification.kind == Kind::DataStale)
        raise(notification.connectionId, AlertCondition::Stale);
    else if (notification.kind == Kind::ReauthRequired)
        raise(notification.connectionId, AlertCondition::ReauthRequired);
    reportAttention();
}

void NotificationCenter::onSyncFinished(const model::SyncSummary& summary, const QString& trigger)
{
    const qint64 id = summary.connectionId;
    if (!summary.connectionName.isEmpty())
        m_names.insert(id, summary.connectionName);
    if (summary.succeeded) {
        m_failuresInARow.remove(id);
        clear(id, AlertCondition::RepeatedFailures);
        clear(id, AlertCondition::Stale);
        if (trigger == kBackfillTrigger) {
            m_pending[int(AlertCondition::BackfillFinished)].append(id); // an event: every one is new
            m_flushTimer.start();
        }
    } else if (summary.error && summary.error->kind != model::ErrorKind::Cancelled &&
               summary.error->kind != model::ErrorKind::NeedsUser) {
        const int failures = ++m_failuresInARow[id];
        if (failures >= m_thresholds.failuresBeforeNotifying)
            raise(id, AlertCondition::RepeatedFailures);
    }
    reportAttention();
}

bool NotificationCenter::isActive(qint64 connectionId, AlertCondition condition) const
{
    return m_active.contains(Key(connectionId, int(condition)));
}

bool NotificationCenter::needsAttention() const
{
    return std::any_of(m_active.cbegin(), m_active.cend(),
                       [](const Key& key) { return key.second != int(AlertCondition::BackfillFinished); });
}

void NotificationCenter::raise(qint64 connectionId, AlertCondition condition)
{
    const Key key(connectionId, int(condition));
    if (m_active.contains(key))
        return; // told once; not again until it has cleared
    m_active.insert(key);
    m_pending[int(condition)].append(connectionId);
    m_flushTimer.start();
}

void NotificationCenter::clear(qint64 connectionId, AlertCondition condition)
{
    m_active.remove(Key(connectionId, int(condition)));
    if (auto it = m_pending.find(int(condition)); it != m_pending.end())
        it->removeAll(connectionId); // cleared before it was shown: nothing to say
}

void NotificationCenter::flush()
{
    // Most urgent first: a sign-in the user must do, then failures, staleness, warnings, news.
    for (const AlertCondition condition :
         {AlertCondition::ReauthRequired, AlertCondition::RepeatedFailures, AlertCondition::Stale,
          AlertCondition::ReauthSoon, AlertCondition::BackfillFinished}) {
        const QList<qint64> ids = m_pending.take(int(condition));
        if (!ids.isEmpty())
            Q_EMIT alertReady(describe(condition, ids));
    }
}

QString NotificationCenter::nameOf(qint64 connectionId) const
{
    const QString name = m_names.value(connectionId);
    return name.isEmpty() ? tr("Connection %1").arg(connectionId) : name;
}

DesktopAlert NotificationCenter::describe(AlertCondition condition, const QList<qint64>& ids) const
{
    DesktopAlert alert;
    alert.condition = condition;
    alert.connectionIds = ids;
    const int n = int(ids.size());
    QStringList names;
    for (const qint64 id : ids)
        names << nameOf(id);
    const QString first = names.first();
    const QString all = names.join(QStringLiteral(", "));
    switch (condition) {
    case AlertCondition::Stale:
        alert.title = n == 1 ? tr("%1 is out of date").arg(first) : tr("%n connections are out of date", "", n);
        alert.text = n == 1 ? tr("It has not synced successfully for a while. Open Coffer to see why.")
                            : tr("%1 have not synced successfully for a while.").arg(all);
        break;
    case AlertCondition::ReauthRequired:
        alert.title = n == 1 ? tr("%1 needs you to sign in again").arg(first)
                             : tr("%n connections need you to sign in again", "", n);
        alert.text = n == 1 ? tr("Syncing has stopped until you re-authenticate.")
                            : tr("Syncing has stopped for %1 until you re-authenticate.").arg(all);
        break;
    case AlertCondition::ReauthSoon:
        alert.title = n == 1 ? tr("%1: access to the bank ends soon").arg(first)
                             : tr("Access ends soon for %n connections", "", n);
        alert.text = tr("Re-authenticate %1 to keep syncing.").arg(all);
        break;
    case AlertCondition::RepeatedFailures:
        alert.title =
            n == 1 ? tr("%1 keeps failing to sync").arg(first) : tr("%n connections keep failing to sync", "", n);
        alert.text = tr("The dashboard says what went wrong and what fixes it.");
        break;
    case AlertCondition::BackfillFinished:
        alert.title =
            n == 1 ? tr("%1: history downloaded").arg(first) : tr("History downloaded for %n connections", "", n);
        alert.text = tr("Older transactions of %1 are in the transaction list.").arg(all);
        alert.destination = AlertDestination::Transactions;
        break;
    }
    return alert;
}

void NotificationCenter::reportAttention()
{
    const bool attention = needsAttention();
    if (attention == m_lastAttention)
        return;
    m_lastAttention = attention;
    Q_EMIT attentionChanged(attention);
}

} // namespace coffer::ui
