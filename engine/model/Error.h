#pragma once

#include <QMetaType>
#include <QByteArray>
#include <QString>

#include <optional>

namespace coffer::model {

// What a caller can do about a failure. Decides retries and what the user is asked to do.
enum class ErrorKind {
    Retryable,   // network trouble, timeouts, 5xx, 429: try again later
    NeedsUser,   // bad or expired credentials, consent, MFA: only the user can fix it
    InvalidData, // the other side sent something we cannot use; payload is kept
    Permanent,   // will not get better by retrying (bad configuration, unsupported)
    Storage,     // our own database or disk failed
    Cancelled,   // stopped on purpose (shutdown, user cancel)
};

QString errorKindName(ErrorKind kind);

// An error as a value. userMessage is safe to show; detail is for logs and never holds secrets.
struct Error {
    ErrorKind kind = ErrorKind::Permanent;
    QString userMessage;
    QString detail;
    QString providerCode;
    std::optional<int> retryAfterSeconds;
    // For InvalidData: what the other side sent, kept in the database (raw_payloads) for
    // inspection. Never logged: it can hold amounts and names.
    QByteArray payload;

    static Error retryable(QString message, QString detail = {});
    static Error needsUser(QString message, QString detail = {});
    static Error invalidData(QString message, QString detail = {});
    static Error permanent(QString message, QString detail = {});
    static Error storage(QString message, QString detail = {});
    static Error cancelled(QString message);
};

} // namespace coffer::model

Q_DECLARE_METATYPE(coffer::model::Error)
