#pragma once

#include <QString>
#include <QStringList>

namespace coffer::store {

// Numbered schema migrations. Migration N moves the schema from user_version N-1 to N.
// Never edit a released migration: add a new one.
struct Migration {
    int version;
    QString description;
    QStringList statements;
};

const QList<Migration>& migrations();

// The schema version this build writes (the last migration's number).
int latestSchemaVersion();

} // namespace coffer::store
