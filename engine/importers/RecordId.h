#pragma once

#include "model/Money.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringView>

namespace coffer::importers {

// Ids for records a file gives none for (QIF, CSV, MT940 without a bank reference, CAMT without
// references): made from the record's account, date, amount and text, plus its occurrence among
// identical records of the same file ("the second 4.50 coffee on 3 May"), so importing the same
// file again, or one that overlaps it, gives the same ids and adds nothing twice. Text is compared
// with runs of white space collapsed and case kept. Ids look like "gen:3f2a9c0b7d1e4a55.2".
// One maker per parse: occurrences count within one file. Thread affinity: the caller's.
class RecordIdMaker {
public:
    RecordIdMaker() = default;
    Q_DISABLE_COPY_MOVE(RecordIdMaker)

    QString idFor(QStringView accountId, const QDate& date, const model::Money& amount, QStringView text);

    // The file's own id for the record (CAMT AcctSvcrRef, an MT940 bank reference) the first time
    // the file uses it for the account; made by idFor() for a repeat, since some banks write one
    // reference on several different records and an id must name one record.
    QString fileIdOrMade(QStringView accountId, const QString& fileId, const QDate& date, const model::Money& amount,
                         QStringView text);

private:
    QHash<quint64, int> m_occurrences;       // the id's digest -> how many times seen so far
    QHash<QString, QSet<QString>> m_fileIds; // account -> the file ids handed out for it
    QString m_lastAccount;                   // the account of the previous call and its set:
    QSet<QString>* m_lastFileIds = nullptr;  // records come in runs of one account
};

} // namespace coffer::importers
