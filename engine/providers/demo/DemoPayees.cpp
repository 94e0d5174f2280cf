#include "providers/demo/DemoPayees.h"

#include <array>

namespace coffer::providers::demo {

namespace {

constexpr std::array kChecking{
    Payee{"SQ *BLUE BOTTLE COFFEE 4411", "Blue Bottle Coffee", "dining", 4, 9, -1, true, true},
    Payee{"WHOLEFDS MKT #10234 SAN FRANCISCO", "Whole Foods Market", "groceries", 25, 160, -1, false, true},
    Payee{"TRADER JOE'S #552 QPS", "Trader Joe's", "groceries", 18, 95, -1, false, true},
    Payee{"PG&E WEBONLINE BILLPAY", "PG&E", "utilities", 60, 180, -1, false, false},
    Payee{"COMCAST XFINITY 8155 AUTOPAY", "Xfinity", "utilities", 70, 90, -1, false, false},
    Payee{"SHELL OIL 57444 QPS", "Shell", "transport", 30, 75, -1, false, true},
    Payee{"CHIPOTLE 1984 ONLINE", "Chipotle", "dining", 11, 28, -1, true, true},
    Payee{"CVS/PHARMACY #09812", "CVS Pharmacy", "health", 8, 60, -1, false, true},
    Payee{"VENMO CASHOUT", "Venmo", "transfer", 20, 200, 1, false, false},
};

constexpr std::array kSavings{
    Payee{"ONLINE TRANSFER FROM CHK ...2210", "Transfer from checking", "transfer", 100, 600, 1, false, false},
    Payee{"ONLINE TRANSFER TO CHK ...2210", "Transfer to checking", "transfer", 50, 300, -1, false, false},
};

constexpr std::array kCard{
    Payee{"LE PETIT CAFE PARIS 75004", "Le Petit Cafe", "dining", 18, 85, -1, true, true},
    Payee{"SNCF INTERNET 0892 PARIS", "SNCF", "travel", 35, 140, -1, false, true},
    Payee{"AMZN MKTP DE*2K41Q0 AMAZON.DE", "Amazon", "shopping", 12, 120, -1, false, true},
    Payee{"CARREFOUR CITY 2231 LYON", "Carrefour City", "groceries", 9, 70, -1, false, true},
    Payee{"UBER *TRIP HELP.UBER.COM", "Uber", "transport", 8, 45, -1, true, true},
    Payee{"SPOTIFY P1A2B3C4 STOCKHOLM", "Spotify", "subscriptions", 10, 11, -1, false, false},
};

constexpr std::array kWallet{
    Payee{"7-ELEVEN SHINJUKU 3CHOME", "7-Eleven", "groceries", 300, 2400, -1, false, true},
    Payee{"JR EAST SUICA CHARGE", "JR East", "transport", 1000, 5000, -1, false, false},
    Payee{"ICHIRAN SHIBUYA", "Ichiran Ramen", "dining", 980, 2900, -1, false, true},
    Payee{"LAWSON AKIHABARA", "Lawson", "groceries", 200, 1800, -1, false, true},
};

} // namespace

std::span<const Payee> payeesFor(model::AccountKind kind)
{
    switch (kind) {
    case model::AccountKind::Checking:
        return kChecking;
    case model::AccountKind::Savings:
        return kSavings;
    case model::AccountKind::CreditCard:
        return kCard;
    case model::AccountKind::Other:
        return kWallet;
    }
    return kChecking;
}

} // namespace coffer::providers::demo
