#include "importers/qif/QifHeader.h"

namespace coffer::importers::qif {

using model::AccountKind;

namespace {

// Lower case without spaces: "!Type: Oth A" -> "!type:otha".
QByteArray squeezed(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == ' ' || c == '\t')
            continue;
        out.append(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    }
    return out;
}

std::optional<AccountKind> transactionKind(const QByteArray& type)
{
    if (type == "bank")
        return AccountKind::Checking;
    if (type == "ccard")
        return AccountKind::CreditCard;
    if (type == "cash" || type == "otha" || type == "othl")
        return AccountKind::Other;
    return std::nullopt;
}

// The !Type: blocks that are lists, not transactions, and what they hold in a notice's words.
QString listName(const QByteArray& type)
{
    static constexpr struct {
        const char* type;
        const char* what;
    } kLists[] = {{"cat", "categories"},      {"class", "classes"},          {"memorized", "memorized transactions"},
                  {"security", "securities"}, {"prices", "security prices"}, {"invitem", "investment items"},
                  {"template", "templates"},  {"budget", "budgets"},         {"payee", "payees"}};
    for (const auto& list : kLists) {
        if (type == list.type)
            return QString::fromLatin1(list.what);
    }
    return {};
}

} // namespace

QifHeader headerOf(QByteArrayView line)
{
    const QByteArray h = squeezed(line);
    QifHeader out;
    if (h == "!account") {
        out.kind = BlockKind::Accounts;
    } else if (h.startsWith("!option:") || h.startsWith("!clear:")) {
        out.kind = BlockKind::Option;
    } else if (h.startsWith("!type:")) {
        const QByteArray type = h.sliced(6);
        if (const auto kind = transactionKind(type)) {
            out.kind = BlockKind::Transactions;
            out.accountKind = *kind;
        } else if (type == "invst" || type == "port") {
            out.kind = BlockKind::Investment;
            out.what = QStringLiteral("investment transactions");
        } else if (QString what = listName(type); !what.isEmpty()) {
            out.kind = BlockKind::List;
            out.what = what;
        }
    }
    return out;
}

AccountKind accountKindOf(QByteArrayView type)
{
    return transactionKind(squeezed(type)).value_or(AccountKind::Other);
}

} // namespace coffer::importers::qif
