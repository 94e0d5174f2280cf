#include "connections/ProviderCatalog.h"

#include "providers/ConnectorFactory.h"
#include "providers/simplefin/SimpleFinConnector.h"

namespace coffer::ui {

QList<ProviderCatalog::Entry> ProviderCatalog::entries()
{
    QList<Entry> out{
        {QStringLiteral("demo"), tr("Demo bank"), tr("Generated accounts and transactions, to try Coffer safely.")},
        {QStringLiteral("simplefin"), tr("SimpleFIN Bridge"),
         tr("US and Canadian banks, read-only, with a setup token.")},
        {QStringLiteral("file"), tr("File-only account"),
         tr("An account you keep up to date by importing bank files.")},
        {QStringLiteral("plaid"), tr("Plaid"), tr("Banks in the US, Canada and Europe through Plaid Link.")},
        {QStringLiteral("gocardless"), tr("GoCardless Bank Account Data"), tr("European banks under PSD2.")},
        {QStringLiteral("powens"), tr("Powens"), tr("French and European banks.")},
        {QStringLiteral("ofxdirect"), tr("OFX Direct Connect"), tr("Banks that offer OFX downloads directly.")},
    };
    const QStringList known = providers::knownProviders();
    for (Entry& e : out)
        e.available = known.contains(e.id) && hasWizardPage(e.id);
    return out;
}

bool ProviderCatalog::hasWizardPage(const QString& providerId)
{
    return providerId == u"demo" || providerId == u"simplefin" || providerId == u"file" || providerId == u"plaid";
}

QString ProviderCatalog::setupTokenProblem(const QString& token)
{
    if (token.trimmed().isEmpty())
        return tr("Paste the setup token you created at SimpleFIN Bridge.");
    const auto decoded = providers::simplefin::SimpleFinConnector::decodeSetupToken(token);
    return decoded.ok() ? QString() : decoded.error().userMessage;
}

QString ProviderCatalog::consentText(const QDateTime& expiresAt, const QDateTime& now)
{
    if (!expiresAt.isValid())
        return {};
    const qint64 seconds = now.secsTo(expiresAt);
    if (seconds <= 0)
        return tr("Consent expired");
    const qint64 days = seconds / (24 * 3600);
    if (days == 0)
        return tr("Consent expires today");
    return days == 1 ? tr("Consent expires in 1 day") : tr("Consent expires in %1 days").arg(days);
}

} // namespace coffer::ui
