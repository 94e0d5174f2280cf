#pragma once

#include "model/Transaction.h"

#include <QDate>
#include <QString>

#include <optional>

namespace coffer::sync {

// How alike two payees are, 0..1: the better of character-bigram overlap and word containment
// between the cleaned descriptions and counterparties ("Blue Bottle Coffee" ~ "SQ *BLUE BOTTLE
// COFFEE 0423" ~ "Blue Bottle").
double payeeSimilarity(const model::Transaction& a, const model::Transaction& b);

struct MatchScore {
    double score = 0; // 0..1
    QString reason;   // plain words for the detail pane and the audit trail
};

// Days a pending transaction may precede its posted one, and how much more the posted amount may
// be (tips): issue rules, shared with the candidate lookup.
constexpr int kPendingWindowDays = 8;
constexpr int kTipPercent = 30;
constexpr int kMinTipPercent = 10;
// Days the same transaction's date may differ between two sources (booking vs value date).
constexpr int kCrossSourceWindowDays = 4;

// A pending transaction and the posted one that may replace it (no provider link): same sign,
// booked 0 to 8 days later, similar payee, and the same amount - or 10 to 30 % more where people
// tip (dining, transport).
std::optional<MatchScore> scorePendingToPosted(const model::Transaction& pending, const model::Transaction& posted);

// The same posted transaction delivered by two sources (a file import and a provider): the exact
// amount, dates at most 4 days apart, no conflicting check number, and a similar payee or the same
// check number or reference.
std::optional<MatchScore> scoreCrossSource(const model::Transaction& stored, const model::Transaction& incoming);

// Whose fields a user sees when two sources deliver the same transaction: a provider connection
// (structured data) over a file import.
int sourceQuality(const QString& source);

// The inclusive amount range (minor units) a pending transaction must be in for this posted amount.
std::pair<qint64, qint64> pendingAmountRange(qint64 postedMinor);

} // namespace coffer::sync
