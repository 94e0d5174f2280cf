#pragma once

#include "model/Result.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace coffer::store {

class Database;

// CSV import profiles (importers/csv/CsvProfile.h, as its QVariantMap), kept in the settings
// table as JSON: named ones under "import_profile.<name>", and the one each account last imported
// with under "import_profile_for_account.<accountId>" ({"name": ..., "profile": {...}}), so the
// next file for the account is read the same way without asking. A profile is checked
// (CsvProfile::fromVariantMap) before it is saved. Thread affinity: the Database's thread.
class ImportProfileRepository {
public:
    explicit ImportProfileRepository(Database& db)
        : m_db(db)
    {
    }

    // Saves (or replaces) a named profile. Names are trimmed, 1 to 100 characters.
    model::Status save(const QString& name, const QVariantMap& profile);
    // The named profile; nullopt when there is none by that name.
    model::Result<std::optional<QVariantMap>> load(const QString& name) const;
    // Every saved name, sorted.
    model::Result<QStringList> names() const;
    model::Status remove(const QString& name);

    // Remembers the profile an account was imported with (name may be empty: a profile the user
    // confirmed without naming it).
    model::Status saveForAccount(qint64 accountId, const QString& name, const QVariantMap& profile);
    // What the account was last imported with; nullopt when never.
    struct AccountProfile {
        QString name;
        QVariantMap profile;
    };
    model::Result<std::optional<AccountProfile>> loadForAccount(qint64 accountId) const;

private:
    Database& m_db;
};

} // namespace coffer::store
