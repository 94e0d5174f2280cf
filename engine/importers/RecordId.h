#pragma once

#include "model/Money.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
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
    QString idFor(QStringView accountId, const QDate& date, const model::Money& amount, QStringView text);

private:
    QHash<QByteArray, int> m_occurrences; // digest -> how many times seen so far
};

} // namespace coffer::importers
