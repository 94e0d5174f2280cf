#include "dashboard/ConnectionCard.h"

#include "Format.h"
#include "Theme.h"
#include "WidgetIdentity.h"
#include "dashboard/DashboardFormat.h"
#include "dashboard/DashboardTheme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {
QLabel* makeLabel(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* label = new QLabel(parent);
    setIdentity(label, objectName, accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

ConnectionCard::ConnectionCard(qint64 connectionId, QWidget* parent)
    : QFrame(parent)
    , m_connectionId(connectionId)
{
    setIdentity(this, QStringLiteral("connectionCard"), tr("Connection"));
    setProperty("connectionId", connectionId);
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(Theme::cardStyleSheet());
    setMinimumWidth(kMinimumWidth);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    createWidgets();

    setSyncing(false);
    m_errorLabel->hide();
    m_consentLabel->hide();
    m_lastSyncLabel->setText(Format::lastSuccessfulSync({}, {}));
    updateActions();

    connect(m_syncButton, &QPushButton::clicked, this, [this] { Q_EMIT syncRequested(m_connectionId); });
    connect(m_retryButton, &QPushButton::clicked, this, [this] { Q_EMIT syncRequested(m_connectionId); });
    connect(m_reauthButton, &QPushButton::clicked, this, [this] { Q_EMIT reauthenticateRequested(m_connectionId); });
}

void ConnectionCard::createWidgets()
{
    m_nameLabel = makeLabel(this, QStringLiteral("nameLabel"), tr("Connection name"));
    QFont nameFont = m_nameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.25);
    nameFont.setBold(true);
    m_nameLabel->setFont(nameFont);
    m_nameLabel->setWordWrap(true); // long bank names wrap instead of being cut off by the state
    m_stateLabel = makeLabel(this, QStringLiteral("stateLabel"), tr("Connection state"));
    m_stateLabel->setTextInteractionFlags(Qt::NoTextInteraction);
    m_stateLabel->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_providerLabel = makeLabel(this, QStringLiteral("providerLabel"), tr("Provider and institution"));
    m_countsLabel = makeLabel(this, QStringLiteral("countsLabel"), tr("Accounts and transactions"));
    m_progressBar = new QProgressBar(this);
    setIdentity(m_progressBar, QStringLiteral("syncProgressBar"), tr("Sync progress"));
    m_progressBar->setRange(0, 100);
    m_stageLabel = makeLabel(this, QStringLiteral("stageLabel"), tr("Sync stage"));
    m_lastSyncLabel = makeLabel(this, QStringLiteral("lastSyncLabel"), tr("Last successful sync"));
    m_nextSyncLabel = makeLabel(this, QStringLiteral("nextSyncLabel"), tr("Next scheduled sync"));
    m_freshnessLabel = makeLabel(this, QStringLiteral("freshnessLabel"), tr("Freshness"));
    m_changesLabel = makeLabel(this, QStringLiteral("changesLabel"), tr("Changes in the last run"));
    m_noteLabel = makeLabel(this, QStringLiteral("providerNoteLabel"), tr("The provider's note on this data"));
    m_noteLabel->setWordWrap(true);
    m_noteLabel->hide();
    m_consentLabel = makeLabel(this, QStringLiteral("consentLabel"), tr("Consent running out"));
    m_consentLabel->setWordWrap(true);
    m_consentLabel->setStyleSheet(DashboardTheme::warningBoxStyleSheet());
    m_errorLabel = makeLabel(this, QStringLiteral("errorLabel"), tr("Last error"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(Theme::errorBoxStyleSheet());
    m_reauthButton = new QPushButton(tr("Re-authenticate"), this);
    setIdentity(m_reauthButton, QStringLiteral("cardReauthButton"), tr("Sign in to this bank again"));
    m_reauthButton->setToolTip(tr("Sign in to this bank again so Coffer can keep reading it"));
    m_retryButton = new QPushButton(tr("Retry"), this);
    setIdentity(m_retryButton, QStringLiteral("cardRetryButton"), tr("Retry the failed sync now"));
    m_retryButton->setToolTip(tr("Try this connection's sync again now"));
    m_syncButton = new QPushButton(tr("Sync now"), this);
    setIdentity(m_syncButton, QStringLiteral("cardSyncButton"), tr("Sync this connection now"));
    m_syncButton->setToolTip(tr("Fetch new transactions for this connection now"));

    auto* header = new QHBoxLayout;
    header->addWidget(m_nameLabel, 1);
    header->addWidget(m_stateLabel, 0, Qt::AlignTop);

    auto* footer = new QHBoxLayout;
    footer->addStretch(1);
    footer->addWidget(m_reauthButton);
    footer->addWidget(m_retryButton);
    footer->addWidget(m_syncButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(m_providerLabel);
    layout->addWidget(m_countsLabel);
    layout->addSpacing(4);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_stageLabel);
    layout->addWidget(m_lastSyncLabel);
    layout->addWidget(m_nextSyncLabel);
    layout->addWidget(m_freshnessLabel);
    layout->addWidget(m_changesLabel);
    layout->addWidget(m_noteLabel);
    layout->addWidget(m_consentLabel);
    layout->addWidget(m_errorLabel);
    layout->addStretch(1); // buttons line up at the bottom of a row of cards
    layout->addLayout(footer);
}

void ConnectionCard::setStatus(const model::ConnectionStatus& status, const QDateTime& now)
{
    m_nameLabel->setText(status.name);
    setAccessibleName(tr("Connection %1").arg(status.name));
    m_providerLabel->setText(Format::providerLine(status));
    m_countsLabel->setText(Format::accountsAndTransactions(status.accountCount, status.transactionCount));
    setState(status.state);

    const bool syncing = status.state == model::ConnectionState::Syncing;
    setSyncing(syncing);
    if (syncing && status.progressPercent >= 0) {
        m_progressBar->setValue(status.progressPercent);
        m_stageLabel->setText(Format::stageText(status.stage));
    }

    m_lastSuccessAt = status.lastSuccessAt;
    m_staleAfterSeconds = status.staleAfterSeconds;
    m_freshnessLabel->setToolTip(DashboardFormat::freshnessToolTip(m_staleAfterSeconds));
    m_nextRunAt = status.nextRunAt;
    m_consentExpiresAt = status.state == model::ConnectionState::ReauthSoon ? status.consentExpiresAt : QDateTime();
    refreshRelativeTimes(now);
    // A failed run's zero counts say nothing; the error below explains it instead.
    const bool failedWithoutChanges = !status.lastError.isEmpty() && status.lastChanges.total() == 0;
    m_changesLabel->setVisible(status.lastAttemptAt.isValid() && !failedWithoutChanges);
    m_changesLabel->setText(Format::lastRunChanges(status.lastChanges));
    m_noteLabel->setText(status.providerNote);
    m_noteLabel->setVisible(!status.providerNote.isEmpty());
    m_lastErrorKind = status.lastErrorKind;
    setError(status.lastError);
    updateActions();
}

void ConnectionCard::setProgress(const model::JobProgress& progress)
{
    const bool finished = progress.stage == model::SyncStage::Completed || progress.stage == model::SyncStage::Failed;
    if (finished) {
        setSyncing(false);
        return;
    }
    // Progress can arrive before the snapshot that says the connection is syncing.
    setState(model::ConnectionState::Syncing);
    setSyncing(true);
    m_progressBar->setValue(qBound(0, progress.percent, 100));
    m_stageLabel->setText(Format::progressText(progress));
}

void ConnectionCard::refreshRelativeTimes(const QDateTime& now)
{
    m_lastSyncLabel->setText(Format::lastSuccessfulSync(m_lastSuccessAt, now));
    if (m_lastSuccessAt.isValid())
        m_lastSyncLabel->setToolTip(QLocale().toString(m_lastSuccessAt.toLocalTime(), QLocale::LongFormat));
    m_nextSyncLabel->setText(Format::nextSync(m_nextRunAt, now));
    m_nextSyncLabel->setVisible(m_nextRunAt.isValid());

    m_freshnessLabel->setText(QStringLiteral("\u25cf ") +
                              DashboardFormat::freshness(m_lastSuccessAt, now, m_staleAfterSeconds));
    const bool stale = DashboardFormat::isStale(m_lastSuccessAt, now, m_staleAfterSeconds);
    if (m_stale != stale) { // a style sheet re-polishes the label: only when it changes
        m_stale = stale;
        const QColor colour = stale ? DashboardTheme::stale() : DashboardTheme::fresh();
        m_freshnessLabel->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(colour.name()));
    }
    m_consentLabel->setText(DashboardFormat::consentNotice(m_consentExpiresAt, now));
    if (m_consentExpiresAt.isValid())
        m_consentLabel->setToolTip(
            tr("Consent ends %1").arg(QLocale().toString(m_consentExpiresAt.toLocalTime(), QLocale::LongFormat)));
    m_consentLabel->setVisible(m_consentExpiresAt.isValid());
}

void ConnectionCard::setState(model::ConnectionState state)
{
    if (m_state == state)
        return; // style sheets re-polish the label; only touch them when the state really changes
    m_state = state;
    m_stateLabel->setText(Format::stateText(state));
    m_stateLabel->setStyleSheet(Theme::statePillStyleSheet(state));
    updateActions();
}

void ConnectionCard::setSyncing(bool syncing)
{
    m_progressBar->setVisible(syncing);
    m_stageLabel->setVisible(syncing);
}

void ConnectionCard::setError(const QString& message)
{
    // The engine's message is already in plain words and says what to do next.
    m_lastError = message;
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

void ConnectionCard::updateActions()
{
    using model::ConnectionState;
    const ConnectionState state = m_state.value_or(ConnectionState::Idle);
    const bool reauth = state == ConnectionState::ReauthRequired || state == ConnectionState::ReauthSoon;
    // A failed run, or one waiting out its backoff before the next attempt: Retry runs it now.
    const bool failed = state == ConnectionState::Error || state == ConnectionState::Queued;
    const bool retry = !reauth && failed && !m_lastError.isEmpty() && m_lastErrorKind != model::ErrorKind::NeedsUser;
    const bool busy = state == ConnectionState::Syncing || (state == ConnectionState::Queued && !retry);
    m_reauthButton->setVisible(reauth);
    m_retryButton->setVisible(retry);
    // Retry is the sync button of a failed connection; a sync without signing in again would fail too.
    m_syncButton->setVisible(!retry && state != ConnectionState::ReauthRequired);
    m_syncButton->setEnabled(!busy);
}

} // namespace coffer::ui
