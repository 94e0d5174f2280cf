#include "importers/qif/QifConventions.h"

namespace coffer::importers::qif {

using model::Error;

void QifConventions::noteDate(qint64 line, QByteArrayView written, const QifDateText& date)
{
    if (date.dayFirstOnly() && m_dayFirst.line == 0)
        m_dayFirst = {line, written.first(qMin<qsizetype>(written.size(), 32)).toByteArray()};
    else if (date.monthFirstOnly() && m_monthFirst.line == 0)
        m_monthFirst = {line, written.first(qMin<qsizetype>(written.size(), 32)).toByteArray()};
    else if (date.ambiguous())
        m_ambiguous = true;
}

void QifConventions::noteAmount(QByteArrayView text)
{
    // The last mark decides when both appear; a lone mark with one or two digits after it is a
    // decimal mark; three digits after it ("1,234", "1.234") could be either, and decide nothing.
    const qsizetype dot = text.lastIndexOf('.');
    const qsizetype comma = text.lastIndexOf(',');
    if (dot < 0 && comma < 0)
        return;
    if (dot >= 0 && comma >= 0) {
        (dot > comma ? m_decimalPoint : m_decimalComma) = true;
        return;
    }
    const char mark = dot >= 0 ? '.' : ',';
    const qsizetype at = qMax(dot, comma);
    if (text.indexOf(mark) != at) { // "1,234,567": a group mark
        (mark == ',' ? m_decimalPoint : m_decimalComma) = true;
        return;
    }
    qsizetype digits = 0;
    for (qsizetype i = at + 1; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
        ++digits;
    if (digits != 3)
        (mark == '.' ? m_decimalPoint : m_decimalComma) = true;
}

model::Result<DateOrder> QifConventions::dateOrder(DateOrder requested) const
{
    if (requested != DateOrder::Auto)
        return requested;
    if (m_dayFirst.line > 0 && m_monthFirst.line > 0) {
        return Error::invalidData(
            QStringLiteral("line %1: the date %2 puts the day first, but line %3: the date %4 puts the month "
                           "first; a file must write all its dates one way")
                .arg(m_dayFirst.line)
                .arg(QString::fromLatin1(m_dayFirst.written))
                .arg(m_monthFirst.line)
                .arg(QString::fromLatin1(m_monthFirst.written)));
    }
    if (m_dayFirst.line > 0)
        return DateOrder::DayMonth;
    if (m_monthFirst.line > 0 || !m_ambiguous)
        return DateOrder::MonthDay;
    Error ask = Error::invalidData(
        QStringLiteral("every date in this file reads as both day/month and month/day: choose which order it uses"));
    ask.providerCode = kAskDateOrderCode;
    return ask;
}

text::NumberStyle QifConventions::numberStyle() const
{
    if (m_decimalComma && !m_decimalPoint)
        return {',', '.'};
    return {'.', ','};
}

} // namespace coffer::importers::qif
