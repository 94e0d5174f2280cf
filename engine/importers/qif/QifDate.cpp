#include "importers/qif/QifDate.h"

namespace coffer::importers::qif {

namespace {

struct Token {
    int number = -1; // a digit run's value; -1 for a month name
    int digits = 0;
    int month = 0; // a month name's number
    bool afterApostrophe = false;
};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isSeparator(char c)
{
    return c == ' ' || c == '/' || c == '-' || c == '.' || c == '\'' || c == ',' || c == '\t';
}

// "Jan", "january", "Sept": the first three letters decide, the rest must continue the name.
int monthNamed(QByteArrayView word)
{
    static constexpr const char* kNames[12] = {"january", "february", "march",     "april",   "may",      "june",
                                               "july",    "august",   "september", "october", "november", "december"};
    if (word.size() < 3)
        return 0;
    for (int m = 0; m < 12; ++m) {
        const QByteArrayView name(kNames[m]);
        if (word.size() > name.size())
            continue;
        bool same = true;
        for (qsizetype i = 0; i < word.size() && same; ++i)
            same = (word[i] | 0x20) == name[i];
        if (same)
            return m + 1;
    }
    return 0;
}

int fullYear(const Token& t)
{
    if (t.digits == 4)
        return t.number;
    if (t.digits > 2)
        return -1;
    if (t.afterApostrophe)
        return 2000 + t.number;
    return t.number < 50 ? 2000 + t.number : 1900 + t.number;
}

} // namespace

QifDateText scanDate(QByteArrayView text)
{
    Token tokens[3];
    int count = 0;
    bool apostrophe = false;
    qsizetype i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (isSeparator(c)) {
            apostrophe = apostrophe || c == '\'';
            ++i;
            continue;
        }
        if (count == 3)
            return {};
        Token& t = tokens[count++];
        t.afterApostrophe = apostrophe;
        apostrophe = false;
        const qsizetype start = i;
        if (isDigit(c)) {
            t.number = 0;
            for (; i < text.size() && isDigit(text[i]); ++i) {
                if (++t.digits > 4)
                    return {};
                t.number = t.number * 10 + (text[i] - '0');
            }
        } else if (isLetter(c)) {
            while (i < text.size() && isLetter(text[i]))
                ++i;
            t.month = monthNamed(text.sliced(start, i - start));
            if (t.month == 0)
                return {};
        } else {
            return {};
        }
    }
    if (count != 3)
        return {};

    QifDateText out;
    const Token &a = tokens[0], &b = tokens[1], &c = tokens[2];
    if (a.number >= 0 && b.number >= 0 && c.number >= 0) {
        if (a.digits == 4) { // 2024-01-02
            out = {QifDateText::Shape::Ordered, b.number, c.number, a.number};
        } else {
            out = {QifDateText::Shape::Numeric, a.number, b.number, fullYear(c)};
            if (a.number > 31 || b.number > 31 || (a.number > 12 && b.number > 12))
                return {};
        }
    } else if (a.number >= 0 && b.month > 0 && c.number >= 0) { // 2 Jan 2024
        out = {QifDateText::Shape::Ordered, b.month, a.number, fullYear(c)};
    } else if (a.month > 0 && b.number >= 0 && c.number >= 0) { // Jan 2, 2024
        out = {QifDateText::Shape::Ordered, a.month, b.number, fullYear(c)};
    } else {
        return {};
    }
    if (out.year < 1 || out.first < 1 || out.second < 1)
        return {};
    return out;
}

QDate resolveDate(const QifDateText& date, DateOrder order)
{
    switch (date.shape) {
    case QifDateText::Shape::Invalid:
        return {};
    case QifDateText::Shape::Ordered:
        return QDate(date.year, date.first, date.second);
    case QifDateText::Shape::Numeric:
        break;
    }
    return order == DateOrder::DayMonth ? QDate(date.year, date.second, date.first)
                                        : QDate(date.year, date.first, date.second);
}

} // namespace coffer::importers::qif
