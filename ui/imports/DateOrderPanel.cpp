#include "imports/DateOrderPanel.h"

#include "WidgetIdentity.h"

#include <QDate>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {

// A date written with numbers only, as the question quotes it ("03/04/2024", "3.4.24").
struct NumericDate {
    int first = 0;
    int second = 0;
    int year = 0;
    QString text;
};

NumericDate findDate(const QString& message)
{
    static const QRegularExpression pattern(QStringLiteral("\\b(\\d{1,2})[./-](\\d{1,2})[./-](\\d{2}|\\d{4})\\b"));
    const QRegularExpressionMatch match = pattern.match(message);
    if (!match.hasMatch())
        return {};
    int year = match.captured(3).toInt();
    if (match.captured(3).size() == 2)
        year += year < 70 ? 2000 : 1900;
    return {match.captured(1).toInt(), match.captured(2).toInt(), year, match.captured(0)};
}

QString reading(int day, int month, int year)
{
    const QDate date(year, month, day);
    return date.isValid() ? QLocale().toString(date, QLocale::LongFormat) : QString();
}

} // namespace

DateOrderPanel::DateOrderPanel(QWidget* parent)
    : QWidget(parent)
{
    setIdentity(this, QStringLiteral("dateOrderPanel"), tr("Which date order the file uses"));
    m_message = new QLabel(this);
    setIdentity(m_message, QStringLiteral("dateOrderMessage"), tr("Why Coffer asks"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dayMonth = new QRadioButton(this);
    setIdentity(m_dayMonth, QStringLiteral("dayMonthOption"), tr("Day first, then month"));
    m_monthDay = new QRadioButton(this);
    setIdentity(m_monthDay, QStringLiteral("monthDayOption"), tr("Month first, then day"));
    m_continue = new QPushButton(tr("C&ontinue"), this);
    setIdentity(m_continue, QStringLiteral("dateOrderContinueButton"), tr("Read the file with this date order"));
    m_continue->setEnabled(false);
    connect(m_dayMonth, &QRadioButton::toggled, m_continue, [this] { m_continue->setEnabled(true); });
    connect(m_monthDay, &QRadioButton::toggled, m_continue, [this] { m_continue->setEnabled(true); });
    connect(m_continue, &QPushButton::clicked, this, [this] { Q_EMIT chosen(chosenOrder()); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addSpacing(8);
    layout->addWidget(m_dayMonth);
    layout->addWidget(m_monthDay);
    layout->addSpacing(8);
    layout->addWidget(m_continue, 0, Qt::AlignLeft);
    layout->addStretch(1);
}

void DateOrderPanel::ask(const QString& message)
{
    m_message->setText(message + u"\n\n" +
                       tr("Every date in this file can be read both ways, so Coffer does not guess. "
                          "Which order does your bank write?"));
    const NumericDate date = findDate(message);
    const QString dayFirst = date.year ? reading(date.first, date.second, date.year) : QString();
    const QString monthFirst = date.year ? reading(date.second, date.first, date.year) : QString();
    m_dayMonth->setText(dayFirst.isEmpty() ? tr("&Day/month (31/12/2024)")
                                           : tr("&Day/month: %1 is %2").arg(date.text, dayFirst));
    m_monthDay->setText(monthFirst.isEmpty() ? tr("&Month/day (12/31/2024)")
                                             : tr("&Month/day: %1 is %2").arg(date.text, monthFirst));
    // Neither is preselected: the user must choose.
    m_dayMonth->setAutoExclusive(false);
    m_monthDay->setAutoExclusive(false);
    m_dayMonth->setChecked(false);
    m_monthDay->setChecked(false);
    m_dayMonth->setAutoExclusive(true);
    m_monthDay->setAutoExclusive(true);
    m_continue->setEnabled(false);
    m_dayMonth->setFocus();
}

QString DateOrderPanel::chosenOrder() const
{
    if (m_dayMonth->isChecked())
        return QStringLiteral("day-month");
    if (m_monthDay->isChecked())
        return QStringLiteral("month-day");
    return {};
}

} // namespace coffer::ui
