#pragma once

// What the engine's bank file import takes and answers (Engine::previewImport, importFile,
// listImports, undoImport). Plain data, copied across threads.

#include "model/Money.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace coffer::model {

// One import the user asked for: first previewed (dryRun), then the same request with dryRun off.
struct ImportRequest {
    int requestId = 0; // chosen by the caller; answers carry it
    QString path;
    // Where the file's accounts go. accountId puts all of them (a file of one account, or a CSV)
    // into one Coffer account. Otherwise accountMap says it per account id the file states (0: a
    // new account); an account in neither goes where it went last time, or to a new account under
    // "Bank files" named after what the file says.
    qint64 accountId = 0;
    QHash<QString, qint64> accountMap;
    // The currency of new accounts and of amounts the file gives none for (empty: the target
    // account's; for a new account from a file without currency, the system locale's).
    QString currency;
    // The answer to a previous ImportFailure::askDateOrder: "day-month" or "month-day".
    QString dateOrder;
    // CSV: a saved profile by name, or the columns the user confirmed in the preview (see
    // importers/csv/CsvProfile.h for the keys). Empty: the account's profile, else detected.
    QString profileName;
    QVariantMap csvProfile;
    bool saveProfile = false; // keep csvProfile under profileName for the account
    bool dryRun = true;
};

// What happens to one record of the file.
enum class ImportOutcome {
    Added,     // new: stored as it is
    Matched,   // the same transaction is already stored (from a sync or another file): folded into it
    Duplicate, // this file's record was already imported, unchanged: nothing to do
    Updated,   // an earlier import of it changes (an OFX correction, a changed record)
    Removed,   // an OFX correction deletes an earlier import's record
    Invalid,   // cannot be used: reason says why; kept aside (quarantined), never stored
};

QString importOutcomeName(ImportOutcome outcome);

struct ImportItem {
    ImportOutcome outcome = ImportOutcome::Added;
    QString fileAccountId;
    qint64 accountId = 0; // 0 for an account the import creates
    QDate bookedOn;
    std::optional<Money> amount;
    QString description;
    // Matched: what it matched and why ("same amount and date, payee 92% alike: Coffee Shop from
    // Plaid, 2026-03-02"); Invalid: the problem, with its line.
    QString reason;
    qint64 matchedTransactionId = 0;
};

// Where one account of the file goes.
struct ImportAccountPlan {
    QString fileAccountId;   // as the file states it (empty for a file without accounts)
    QString fileAccountName; // what the file calls it, for the user
    QString currency;
    qint64 accountId = 0; // 0: a new account will be created
    bool created = false; // the import created it (a preview: will create it)
    QString accountName;  // the Coffer account's name, or the new account's
    int transactions = 0;
    std::optional<Money> statedBalance; // the file's closing (ledger) balance, when it has one
    QDate statedBalanceOn;
};

struct ImportCounts {
    int added = 0;
    int matched = 0;
    int duplicates = 0; // "skipped" in the CLI: already imported
    int updated = 0;
    int removed = 0;
    int invalid = 0;
    int total() const { return added + matched + duplicates + updated + removed + invalid; }
};

// A preview (dryRun) or an import done. A preview writes nothing: it is the import run inside a
// transaction that is then rolled back, so it shows exactly what the import will do.
struct ImportReport {
    int requestId = 0;
    QString path;
    QString format; // importers::formatDisplayName: "OFX/QFX", "CSV", ...
    bool dryRun = true;
    qint64 runId = 0; // the import's run (0 for a preview): the audit trail, and what undo takes
    QList<ImportAccountPlan> accounts;
    QList<ImportItem> items; // in file order
    ImportCounts counts;
    QStringList notices;        // parts of the file not imported, in plain words
    QVariantMap csvProfile;     // CSV: the profile used (detected or saved), for the user to confirm
    QString csvProfileName;     // its name when it is a saved one
    QStringList csvExplanation; // how it was detected, one line per decision (empty when it was not)
    double seconds = 0;
};

// Why an import could not go on. code: "ASK_DATE_ORDER" when the user must choose the date order
// (every date fits both), "CANCELLED" when the user stopped it; empty otherwise.
struct ImportFailure {
    int requestId = 0;
    QString path;
    QString message; // names the file and, where it can, the line and what is wrong
    QString code;
};

// Progress of a long import: records written so far out of the file's total.
struct ImportProgress {
    int requestId = 0;
    qint64 done = 0;
    qint64 total = 0;
};

// An import in the audit trail.
struct ImportRecord {
    qint64 runId = 0;
    QString file; // the file's name, without its folder
    QString format;
    QDateTime at;
    ImportCounts counts;
    bool undone = false;
};

} // namespace coffer::model

Q_DECLARE_METATYPE(coffer::model::ImportRequest)
Q_DECLARE_METATYPE(coffer::model::ImportReport)
Q_DECLARE_METATYPE(coffer::model::ImportFailure)
Q_DECLARE_METATYPE(coffer::model::ImportProgress)
Q_DECLARE_METATYPE(coffer::model::ImportRecord)
