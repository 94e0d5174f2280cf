#pragma once

#include "model/Account.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace coffer::importers::qif {

// What the lines after a "!" header are.
enum class BlockKind {
    Transactions, // !Type:Bank, Cash, CCard, Oth A, Oth L
    Investment,   // !Type:Invst: actions on securities, not imported
    List,         // !Type:Cat, Class, Memorized, Security, Prices...: not transactions
    Accounts,     // !Account: the account the next !Type: block belongs to (or a list of them)
    Option,       // !Option:AutoSwitch, !Clear:AutoSwitch and the like: change nothing we read
    Unknown,      // a header QIF does not have: its records are not imported
};

struct QifHeader {
    BlockKind kind = BlockKind::Unknown;
    model::AccountKind accountKind = model::AccountKind::Checking; // Transactions only
    QString what; // List and Investment: what the block holds, for a notice ("categories")
};

// From a header line ("!Type:Bank", "!type: ccard ", "!Account"); case and spaces do not matter.
QifHeader headerOf(QByteArrayView line);

// An !Account record's T line ("Bank", "CCard", "Oth L"...) as an account kind.
model::AccountKind accountKindOf(QByteArrayView type);

} // namespace coffer::importers::qif
