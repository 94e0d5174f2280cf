#include "providers/demo/DemoConnector.h"

#include "providers/demo/DemoBank.h"
#include "schedule/Clock.h"

#include <QRandomGenerator>
#include <QTimer>

namespace coffer::providers::demo {

using model::Error;
using model::Result;

namespace {

constexpr int kPageSize = 100;
constexpr int kDeepHistoryDays = 730; // what a backfill can reach; the cursor feed starts 90 days back
constexpr int kBackfillChunkDays = 30;

DemoBank bankFor(const FetchContext& context, const QDateTime& now, int historyDays = 90)
{
    const quint64 seed = context.options.value(QStringLiteral("seed"), 42).toULongLong();
    QDateTime openedAt =
        QDateTime::fromString(context.options.value(QStringLiteral("openedAt")).toString(), Qt::ISODate);
    if (!openedAt.isValid())
        openedAt = now;
    return DemoBank(seed, openedAt, historyDays);
}

// Cursor format: "<ms>|<key>" of the last delivered event.
bool isAfter(const DemoEvent& e, qint64 cursorMs, const QString& cursorKey)
{
    return e.atMs > cursorMs || (e.atMs == cursorMs && e.key > cursorKey);
}

} // namespace

DemoConnector::DemoConnector(const schedule::Clock& clock)
    : m_clock(clock)
    , m_context(std::make_unique<QObject>())
{
}

DemoConnector::~DemoConnector() = default;

ProviderInfo DemoConnector::describe() const
{
    ProviderInfo info{QStringLiteral("demo"), QStringLiteral("Demo Bank"), Paging::Cursor, kPageSize, 90};
    // A pretend bank has no servers to protect and no network to wait for.
    info.minIntervalSeconds = 0;
    info.needsNetwork = false;
    info.backfillChunkDays = kBackfillChunkDays;
    return info;
}

QString DemoConnector::issueToken()
{
    QString token = QStringLiteral("demo-");
    for (int i = 0; i < 4; ++i)
        token += QString::number(QRandomGenerator::system()->generate64(), 16);
    return token;
}

std::optional<Error> DemoConnector::refuse(const FetchContext& context) const
{
    if (!context.secret.startsWith(u"demo-"))
        return Error::needsUser(QStringLiteral("The demo bank did not accept the saved sign-in: sign in again."),
                                QStringLiteral("token missing or malformed"));
    const QDateTime tokenExpiry =
        QDateTime::fromString(context.options.value(kTokenExpiresAtOption).toString(), Qt::ISODateWithMs);
    if (tokenExpiry.isValid() && m_clock.now() >= tokenExpiry)
        return Error::needsUser(QStringLiteral("The demo bank's sign-in expired: sign in again."), QStringLiteral("token expired"));
    const QString fail = context.options.value(QStringLiteral("fail")).toString();
    if (fail == u"transient") {
        Error e = Error::retryable(QStringLiteral("The demo bank is temporarily unavailable; Coffer will try again."),
                                   QStringLiteral("injected transient failure"));
        e.providerCode = QStringLiteral("DEMO_UNAVAILABLE");
        return e;
    }
    if (fail == u"invalid") {
        Error e = Error::invalidData(QStringLiteral("The demo bank sent data Coffer could not read; it was kept for inspection."),
                                     QStringLiteral("injected invalid data"));
        e.payload = QByteArrayLiteral("{\"transactions\": \"<garbled>\"}");
        return e;
    }
    if (fail == u"reauth") {
        Error e = Error::needsUser(QStringLiteral("The demo bank asks you to sign in again."),
                                   QStringLiteral("injected re-authentication"));
        e.providerCode = QStringLiteral("DEMO_LOGIN_REQUIRED");
        return e;
    }
    return std::nullopt;
}

std::optional<Error> DemoConnector::droppedAfterPages(const FetchContext& context) const
{
    const int failAfter = context.options.value(QStringLiteral("failAfterPages"), -1).toInt();
    if (failAfter < 0 || m_pagesServed < failAfter)
        return std::nullopt;
    return Error::retryable(QStringLiteral("The connection to the demo bank dropped; Coffer will try again."),
                            QStringLiteral("injected failure after page %1").arg(m_pagesServed));
}

void DemoConnector::later(const FetchContext& context, std::function<void()> work)
{
    const int latency = context.options.value(QStringLiteral("latencyMs"), 40).toInt();
    QTimer::singleShot(latency, m_context.get(), std::move(work));
}

void DemoConnector::listAccounts(const FetchContext& context, std::function<void(Result<QList<ProviderAccount>>)> done)
{
    later(context, [this, context, done = std::move(done)] {
        if (auto refusal = refuse(context))
            return done(*refusal);
        // One instant for the whole run, so the balances and the pages describe the same ledger.
        m_runAt = m_clock.now();
        done(bankFor(context, m_runAt).accounts(m_runAt));
    });
}

void DemoConnector::fetchChanges(const FetchContext& context, std::function<void(Result<Page>)> done)
{
    later(context, [this, context, done = std::move(done)] {
        if (auto refusal = refuse(context))
            return done(*refusal);
        if (auto dropped = droppedAfterPages(context))
            return done(*dropped);
        // Like Plaid when the data changes mid-pagination: once, on that page, start over.
        const int mutateAt = context.options.value(QStringLiteral("mutateOnPage"), -1).toInt();
        if (mutateAt >= 0 && m_pagesServed == mutateAt && !m_mutated) {
            m_mutated = true;
            Error e = Error::retryable(QStringLiteral("The demo bank's data changed during the sync."),
                                       QStringLiteral("injected mutation during pagination"));
            e.providerCode = kRestartPaginationCode;
            return done(e);
        }

        const QDateTime now = m_runAt.isValid() ? m_runAt : m_clock.now();
        const QList<DemoEvent> events = bankFor(context, now).eventsUntil(now);
        qint64 cursorMs = -1;
        QString cursorKey;
        if (!context.cursor.isEmpty()) {
            const qsizetype bar = context.cursor.indexOf(u'|');
            bool ok = false;
            cursorMs = context.cursor.left(bar).toLongLong(&ok);
            if (bar < 0 || !ok)
                return done(
                    Error::invalidData(QStringLiteral("The demo bank did not understand the saved sync position."),
                                       QStringLiteral("malformed cursor")));
            cursorKey = context.cursor.mid(bar + 1);
        }
        const auto first = std::find_if(events.cbegin(), events.cend(),
                                        [&](const DemoEvent& e) { return isAfter(e, cursorMs, cursorKey); });
        Page page;
        page.nextCursor = context.cursor;
        auto it = first;
        for (int n = 0; it != events.cend() && n < kPageSize; ++it, ++n) {
            switch (it->kind) {
            case DemoEvent::Kind::Added:
                page.added.append(it->transaction);
                break;
            case DemoEvent::Kind::Modified:
                page.modified.append(it->transaction);
                break;
            case DemoEvent::Kind::Removed:
                page.removed.append(RemovedTransaction{it->transaction.accountProviderId, it->transaction.providerId});
                break;
            }
            page.nextCursor = QString::number(it->atMs) + u'|' + it->key;
        }
        page.remainingEstimate = int(std::distance(it, events.cend()));
        page.hasMore = page.remainingEstimate > 0;
        ++m_pagesServed;
        done(page);
    });
}

void DemoConnector::fetchWindow(const FetchContext& context, const QDate& from, const QDate& to,
                                std::function<void(Result<Page>)> done)
{
    later(context, [this, context, from, to, done = std::move(done)] {
        if (auto refusal = refuse(context))
            return done(*refusal);
        if (auto dropped = droppedAfterPages(context))
            return done(*dropped);
        const QDateTime now = m_runAt.isValid() ? m_runAt : m_clock.now();
        const DemoBank bank = bankFor(context, now, kDeepHistoryDays);
        Page page;
        page.added = bank.transactionsBooked(from, to, now);
        CoveredWindow covered{from, to, {}};
        for (const ProviderAccount& a : bank.accounts(now))
            covered.accountProviderIds << a.providerId;
        page.window = covered;
        ++m_pagesServed;
        done(page);
    });
}

std::optional<QDateTime> DemoConnector::consentExpiresAt(const QVariantMap& options) const
{
    // Signing in again grants a new consent; until then it runs from when the connection was made.
    QDateTime openedAt =
        QDateTime::fromString(options.value(QStringLiteral("consentGrantedAt")).toString(), Qt::ISODate);
    if (!openedAt.isValid())
        openedAt = QDateTime::fromString(options.value(QStringLiteral("openedAt")).toString(), Qt::ISODate);
    if (!openedAt.isValid())
        return std::nullopt;
    return openedAt.addDays(options.value(QStringLiteral("consentDays"), 90).toInt());
}

std::optional<QDateTime> DemoConnector::initialTokenExpiry(const QVariantMap& options, const QDateTime& now) const
{
    const int minutes = options.value(QStringLiteral("tokenLifetimeMinutes"), 0).toInt();
    return minutes > 0 ? std::optional<QDateTime>(now.addSecs(minutes * 60)) : std::nullopt;
}

void DemoConnector::refreshCredentials(const FetchContext& context,
                                       std::function<void(model::Result<CredentialUpdate>)> done)
{
    later(context, [this, context, done = std::move(done)] {
        const auto expiry = initialTokenExpiry(context.options, m_clock.now());
        if (!context.secret.startsWith(u"demo-") || !expiry)
            return done(Error::needsUser(QStringLiteral("The demo bank could not renew the sign-in: sign in again.")));
        done(CredentialUpdate{issueToken(), *expiry});
    });
}

void DemoConnector::cancel()
{
    m_context = std::make_unique<QObject>();
}

} // namespace coffer::providers::demo
