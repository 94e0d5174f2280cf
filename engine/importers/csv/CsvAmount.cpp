#include "importers/csv/CsvAmount.h"

#include <algorithm>

namespace coffer::importers::csv {

namespace {

bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

bool isNumberByte(char c)
{
    return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == '+' || c == '(' || c == ')' ||
           c == '\'' || c == ' ';
}

// Drops a currency around the number: symbols (any non-ASCII byte: €, £, ¥, no-break spaces),
// '$', and an ISO code of three capitals at either end.
QByteArray withoutCurrency(QByteArrayView cell)
{
    QByteArray out;
    out.reserve(cell.size());
    const qsizetype n = cell.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = cell[i];
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x80) {
            // A no-break space (C2 A0, E2 80 AF) between digits is a thousands separator: drop it.
            continue;
        }
        if (c == '$')
            continue;
        if (isUpper(c) && i + 2 < n && isUpper(cell[i + 1]) && isUpper(cell[i + 2]) &&
            (i == 0 || !isUpper(cell[i - 1])) && (i + 3 == n || !isUpper(cell[i + 3]))) {
            i += 2;
            continue;
        }
        out.append(c);
    }
    return out.trimmed();
}

} // namespace

CsvAmountText cleanAmount(QByteArrayView cell)
{
    CsvAmountText out;
    // Most cells are a plain number: nothing to drop.
    if (std::all_of(cell.begin(), cell.end(), isNumberByte)) {
        out.number = cell.trimmed().toByteArray();
        return out;
    }
    QByteArray text = withoutCurrency(cell);
    auto endsWithWord = [&](QByteArrayView word) {
        const qsizetype len = word.size();
        if (text.size() <= len)
            return false;
        for (qsizetype i = 0; i < len; ++i) {
            const char c = text[text.size() - len + i];
            if ((c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c) != word[i])
                return false;
        }
        const char before = text[text.size() - len - 1];
        return before == ' ' || (before >= '0' && before <= '9');
    };
    for (const auto& [word, direction] : {std::pair{QByteArrayView("CR"), 1}, std::pair{QByteArrayView("DR"), -1},
                                          std::pair{QByteArrayView("C"), 1}, std::pair{QByteArrayView("D"), -1}}) {
        if (endsWithWord(word)) {
            text.chop(word.size());
            out.direction = direction;
            break;
        }
    }
    out.number = text.trimmed();
    return out;
}

model::Result<qint64> readAmount(QByteArrayView cell, int fractionDigits, text::NumberStyle style)
{
    const CsvAmountText text = cleanAmount(cell);
    auto value = text::parseMinorUnits(text.number, fractionDigits, style);
    if (!value.ok())
        return value;
    if (text.direction != 0)
        return text.direction * (value.value() < 0 ? -value.value() : value.value());
    return value;
}

void CsvAmountEvidence::add(QByteArrayView value)
{
    const QByteArray text = cleanAmount(value).number;
    bool digits = false;
    for (const char c : text) {
        if (!isNumberByte(c)) {
            ++m_others;
            return;
        }
        digits = digits || (c >= '0' && c <= '9');
    }
    if (!digits) {
        ++m_others;
        return;
    }
    ++m_amounts;
    if (text.contains('-') || text.startsWith('('))
        ++m_negatives;
    const qsizetype lastDot = text.lastIndexOf('.');
    const qsizetype lastComma = text.lastIndexOf(',');
    if (text.contains('\''))
        ++m_groupApostrophe;
    const QByteArray core = text.trimmed();
    if (core.contains(' ') && !core.startsWith('-') && !core.endsWith('-'))
        ++m_groupSpace;
    if (lastDot >= 0 && lastComma >= 0) {
        if (lastDot > lastComma)
            ++m_decimalDot, ++m_groupComma;
        else
            ++m_decimalComma, ++m_groupDot;
        return;
    }
    const char mark = lastDot >= 0 ? '.' : (lastComma >= 0 ? ',' : 0);
    if (!mark)
        return;
    const qsizetype at = mark == '.' ? lastDot : lastComma;
    if (text.count(mark) > 1) {
        (mark == '.' ? m_groupDot : m_groupComma)++;
        return;
    }
    int after = 0;
    for (qsizetype i = at + 1; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
        ++after;
    if (after == 3)
        (mark == '.' ? m_threeAfterDot : m_threeAfterComma)++;
    else
        (mark == '.' ? m_decimalDot : m_decimalComma)++;
}

void CsvAmountEvidence::merge(const CsvAmountEvidence& o)
{
    m_amounts += o.m_amounts;
    m_others += o.m_others;
    m_negatives += o.m_negatives;
    m_decimalDot += o.m_decimalDot;
    m_decimalComma += o.m_decimalComma;
    m_groupDot += o.m_groupDot;
    m_groupComma += o.m_groupComma;
    m_groupSpace += o.m_groupSpace;
    m_groupApostrophe += o.m_groupApostrophe;
    m_threeAfterDot += o.m_threeAfterDot;
    m_threeAfterComma += o.m_threeAfterComma;
}

text::NumberStyle CsvAmountEvidence::style(char fallbackDecimal) const
{
    text::NumberStyle style;
    if (m_decimalDot > m_decimalComma)
        style.decimalMark = '.';
    else if (m_decimalComma > m_decimalDot)
        style.decimalMark = ',';
    else if (m_groupComma > m_groupDot || m_threeAfterComma > m_threeAfterDot)
        style.decimalMark = '.';
    else if (m_groupDot > m_groupComma || m_threeAfterDot > m_threeAfterComma)
        style.decimalMark = ',';
    else
        style.decimalMark = fallbackDecimal;
    const char other = style.decimalMark == '.' ? ',' : '.';
    const int otherAsGroup = (other == ',' ? m_groupComma + m_threeAfterComma : m_groupDot + m_threeAfterDot);
    if (otherAsGroup > 0)
        style.groupMark = other;
    else if (m_groupSpace > 0)
        style.groupMark = ' ';
    else if (m_groupApostrophe > 0)
        style.groupMark = '\'';
    return style;
}

} // namespace coffer::importers::csv
