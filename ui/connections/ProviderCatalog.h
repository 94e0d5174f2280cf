#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace coffer::ui {

// The providers the "Add connection" wizard offers. Which of them can be added comes from the
// engine (providers::knownProviders()): a provider lights up once its connector is built in and
// the wizard has a page for it; until then it is listed, disabled, as not available yet.
class ProviderCatalog {
    Q_DECLARE_TR_FUNCTIONS(coffer::ui::ProviderCatalog)
public:
    struct Entry {
        QString id;      // the engine's provider id: "demo", "simplefin", "file", ...
        QString name;    // "SimpleFIN Bridge"
        QString summary; // one line on what it is
        bool available = false;
    };

    // Every provider Coffer supports or plans to, in the order the wizard lists them.
    static QList<Entry> entries();
    // The providers the wizard has a page for.
    static bool hasWizardPage(const QString& providerId);

    // Why a pasted SimpleFIN setup token cannot be used (checked by the engine's own decoder,
    // without any network call); empty when it can.
    static QString setupTokenProblem(const QString& token);

    // "Consent expires in 5 days", "Consent expires today", "Consent expired"; empty when invalid.
    static QString consentText(const QDateTime& expiresAt, const QDateTime& now);
};

} // namespace coffer::ui
