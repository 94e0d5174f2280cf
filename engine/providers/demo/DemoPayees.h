#pragma once

#include "model/Account.h"

#include <span>

namespace coffer::providers::demo {

// A kind of spending or income the demo bank draws transactions from.
struct Payee {
    const char* rawDescription; // as a bank statement prints it
    const char* cleanName;      // what a later correction renames it to
    const char* category;
    qint64 minMajor; // amount range in major units of the account currency
    qint64 maxMajor;
    int sign;          // -1 money out, +1 money in
    bool tips;         // posted amount may exceed the pending one
    bool pendingFirst; // card purchases show pending before posting
};

std::span<const Payee> payeesFor(model::AccountKind kind);

} // namespace coffer::providers::demo
