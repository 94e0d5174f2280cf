#pragma once

#include "store/TransactionReader.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace coffer::ui {

// Plain words for the audit trail of a transaction: what happened, and the details the engine
// recorded as JSON (fields before and after, why two records were matched and how sure it was).
class AuditTrailText {
    Q_DECLARE_TR_FUNCTIONS(coffer::ui::AuditTrailText)
public:
    static QString what(const store::TransactionEvent& event);
    static QString details(const store::TransactionEvent& event);
    static QString who(const store::TransactionEvent& event);
    // "Pending transaction replaced by its posted one (certain)" / "... (score 0.87)".
    static QString matchReason(const QString& reason, std::optional<double> score);
    // The raw record, indented when it is JSON.
    static QString prettyRaw(const QString& raw);
};

} // namespace coffer::ui
