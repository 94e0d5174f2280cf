#pragma once

#include "model/Result.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace coffer::store {

class Database;

struct ArchiveOutcome {
    QString file;         // empty when nothing was old enough
    int transactions = 0; // moved out of the database
};

struct RestoreOutcome {
    int restored = 0;
    int alreadyThere = 0; // the same transaction (account, source, id) is stored: left as it is
    int accountGone = 0;  // its account was deleted since: cannot come back
};

// Old transactions out of the database into a compressed file in <data>/archive/, and back.
// The file is written (atomically) before any row is deleted, and rows leave the database in one
// transaction; a transaction matched with a newer one stays, so nothing left behind changes.
// Thread affinity: the Database's thread.
class TransactionArchive {
public:
    explicit TransactionArchive(Database& db)
        : m_db(db)
    {
    }

    // Moves transactions booked before cutoff, with their audit events, into a new archive file.
    model::Result<ArchiveOutcome> archiveBefore(const QDate& cutoff, const QDateTime& now);
    // Brings an archive's transactions back; a second restore of the same file adds nothing.
    model::Result<RestoreOutcome> restore(const QString& file);

    static QString directory(const QString& dataDir);

private:
    Database& m_db;
};

} // namespace coffer::store
