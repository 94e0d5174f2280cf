#include "importers/CsvProfileChoice.h"

#include "importers/csv/CsvProfile.h"
#include "importers/csv/CsvSniffer.h"
#include "store/ImportProfileRepository.h"

#include <QIODevice>

namespace coffer::importers {

using model::Error;
using model::Result;

Result<CsvProfileChoice> chooseCsvProfile(store::Database& db, QIODevice& file, const model::ImportRequest& request)
{
    CsvProfileChoice choice;
    choice.name = request.profileName.trimmed();
    if (!request.csvProfile.isEmpty()) {
        choice.profile = request.csvProfile;
        return choice;
    }
    store::ImportProfileRepository profiles(db);
    if (!choice.name.isEmpty()) {
        const auto saved = profiles.load(choice.name);
        if (!saved.ok())
            return saved.error();
        if (!saved.value()) {
            const auto names = profiles.names();
            return Error::permanent(
                QStringLiteral("There is no CSV profile named \"%1\"%2.")
                    .arg(choice.name, names.ok() && !names.value().isEmpty()
                                          ? QStringLiteral(" (saved: %1)").arg(names.value().join(QStringLiteral(", ")))
                                          : QString()));
        }
        choice.profile = *saved.value();
        return choice;
    }
    if (request.accountId > 0) {
        const auto last = profiles.loadForAccount(request.accountId);
        if (!last.ok())
            return last.error();
        if (last.value()) {
            choice.profile = last.value()->profile;
            choice.name = last.value()->name;
            choice.remembered = true;
            return choice;
        }
    }
    return detectCsvProfile(file);
}

Result<CsvProfileChoice> detectCsvProfile(QIODevice& file)
{
    auto sniffed = csv::CsvSniffer::sniff(file);
    if (!file.seek(0))
        return Error::permanent(QStringLiteral("Could not read the file again from its start."));
    if (!sniffed.ok())
        return sniffed.error();
    CsvProfileChoice choice;
    choice.profile = sniffed.value().profile.toVariantMap();
    choice.explanation = sniffed.value().explanation;
    return choice;
}

model::Status rememberCsvProfile(store::Database& db, qint64 accountId, const CsvProfileChoice& choice,
                                 const model::ImportRequest& request)
{
    auto profile = csv::CsvProfile::fromVariantMap(choice.profile);
    if (!profile.ok())
        return profile.error();
    if (request.dateOrder == u"day-month")
        profile.value().resolveDateOrder(DateOrder::DayMonth);
    else if (request.dateOrder == u"month-day")
        profile.value().resolveDateOrder(DateOrder::MonthDay);
    const QVariantMap settled = profile.value().toVariantMap();
    store::ImportProfileRepository profiles(db);
    if (request.saveProfile && !choice.name.isEmpty()) {
        if (auto s = profiles.save(choice.name, settled); !s.ok())
            return s;
    }
    return profiles.saveForAccount(accountId, choice.name, settled);
}

} // namespace coffer::importers
