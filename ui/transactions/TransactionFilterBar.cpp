#include "transactions/TransactionFilterBar.h"

#include "WidgetIdentity.h"

#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSet>

namespace coffer::ui {

namespace {

QComboBox* createCombo(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* combo = new QComboBox(parent);
    setIdentity(combo, objectName, accessibleName);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo->setMinimumContentsLength(10);
    return combo;
}

QDateEdit* createDateEdit(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* edit = new QDateEdit(QDate::currentDate(), parent);
    setIdentity(edit, objectName, accessibleName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    edit->setVisible(false);
    return edit;
}

} // namespace

TransactionFilterBar::TransactionFilterBar(QWidget* parent)
    : QWidget(parent)
{
    setIdentity(this, QStringLiteral("transactionFilterBar"), tr("Search and filters"));

    m_search = new QLineEdit(this);
    setIdentity(m_search, QStringLiteral("transactionSearchField"), tr("Search transactions"));
    m_search->setPlaceholderText(tr("Search description, payee or memo  (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);

    m_status = createCombo(this, QStringLiteral("statusFilter"), tr("Pending or posted"));
    m_status->addItem(tr("Pending and posted"), int(store::TransactionFilter::Status::Any));
    m_status->addItem(tr("Pending only"), int(store::TransactionFilter::Status::Pending));
    m_status->addItem(tr("Posted only"), int(store::TransactionFilter::Status::Posted));

    m_period = createCombo(this, QStringLiteral("periodFilter"), tr("Period"));
    m_period->addItem(tr("All time"), int(Period::AllTime));
    m_period->addItem(tr("Last 30 days"), int(Period::Last30Days));
    m_period->addItem(tr("Last 90 days"), int(Period::Last90Days));
    m_period->addItem(tr("This month"), int(Period::ThisMonth));
    m_period->addItem(tr("Last month"), int(Period::LastMonth));
    m_period->addItem(tr("This year"), int(Period::ThisYear));
    m_period->addItem(tr("Last year"), int(Period::LastYear));
    m_period->addItem(tr("Custom range\u2026"), int(Period::Custom));
    m_from = createDateEdit(this, QStringLiteral("fromDateFilter"), tr("From date"));
    m_to = createDateEdit(this, QStringLiteral("toDateFilter"), tr("To date"));

    m_connection = createCombo(this, QStringLiteral("connectionFilter"), tr("Connection"));
    m_account = createCombo(this, QStringLiteral("accountFilter"), tr("Account"));
    m_category = createCombo(this, QStringLiteral("categoryFilter"), tr("Category"));
    m_connection->addItem(tr("All connections"), qint64(0));
    m_account->addItem(tr("All accounts"), qint64(0));
    m_category->addItem(tr("All categories"), QString());

    m_minAmount = createAmountField(QStringLiteral("minAmountFilter"), tr("Min"), tr("Smallest amount"));
    m_maxAmount = createAmountField(QStringLiteral("maxAmountFilter"), tr("Max"), tr("Largest amount"));
    m_clear = new QPushButton(tr("Clear filters"), this);
    setIdentity(m_clear, QStringLiteral("clearFiltersButton"), tr("Clear search and filters"));
    m_clear->setEnabled(false);

    auto* amountLabel = new QLabel(tr("Amount"), this);
    setIdentity(amountLabel, QStringLiteral("amountFilterLabel"), tr("Amount range"));
    auto* dash = new QLabel(QStringLiteral("\u2013"), this);
    setIdentity(dash, QStringLiteral("amountRangeDash"), tr("to"));

    auto* first = new QHBoxLayout;
    first->addWidget(m_search, 1);
    first->addWidget(m_status);
    first->addWidget(m_period);
    first->addWidget(m_from);
    first->addWidget(m_to);
    auto* second = new QHBoxLayout;
    second->addWidget(m_connection);
    second->addWidget(m_account);
    second->addWidget(m_category);
    second->addSpacing(8);
    second->addWidget(amountLabel);
    second->addWidget(m_minAmount);
    second->addWidget(dash);
    second->addWidget(m_maxAmount);
    second->addStretch(1);
    second->addWidget(m_clear);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(first);
    layout->addLayout(second);

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(kSearchDelayMs);
    connect(&m_searchTimer, &QTimer::timeout, this, &TransactionFilterBar::emitChanged);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchTimer.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer.stop();
        emitChanged();
    });
    for (QComboBox* combo : {m_status, m_account, m_category})
        connect(combo, &QComboBox::currentIndexChanged, this, &TransactionFilterBar::emitChanged);
    connect(m_connection, &QComboBox::currentIndexChanged, this, [this] {
        fillAccounts();
        emitChanged();
    });
    connect(m_period, &QComboBox::currentIndexChanged, this, &TransactionFilterBar::periodChosen);
    for (QDateEdit* edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &TransactionFilterBar::emitChanged);
    for (QLineEdit* field : {m_minAmount, m_maxAmount})
        connect(field, &QLineEdit::textChanged, this, &TransactionFilterBar::emitChanged);
    connect(m_clear, &QPushButton::clicked, this, &TransactionFilterBar::clear);
}

QLineEdit* TransactionFilterBar::createAmountField(const QString& objectName, const QString& placeholder,
                                                   const QString& accessibleName)
{
    auto* field = new QLineEdit(this);
    setIdentity(field, objectName, accessibleName);
    field->setPlaceholderText(placeholder);
    field->setMaximumWidth(90);
    field->setAlignment(Qt::AlignRight);
    return field;
}

store::TransactionFilter TransactionFilterBar::filter() const
{
    store::TransactionFilter f;
    f.search = m_search->text().trimmed();
    f.status = static_cast<store::TransactionFilter::Status>(m_status->currentData().toInt());
    const auto period = static_cast<Period>(m_period->currentData().toInt());
    if (period == Period::Custom) {
        f.from = m_from->date();
        f.to = m_to->date();
    } else {
        std::tie(f.from, f.to) = periodRange(period, QDate::currentDate());
    }
    f.connectionId = m_connection->currentData().toLongLong();
    f.accountId = m_account->currentData().toLongLong();
    f.category = m_category->currentData().toString();
    const QChar decimalPoint = QLocale().decimalPoint().front();
    if (!m_minAmount->text().trimmed().isEmpty())
        f.minMagnitude = store::parseMagnitude(m_minAmount->text(), decimalPoint);
    if (!m_maxAmount->text().trimmed().isEmpty())
        f.maxMagnitude = store::parseMagnitude(m_maxAmount->text(), decimalPoint);
    return f;
}

std::pair<QDate, QDate> TransactionFilterBar::periodRange(Period period, const QDate& today)
{
    const QDate monthStart(today.year(), today.month(), 1);
    switch (period) {
    case Period::AllTime:
    case Period::Custom:
        return {};
    case Period::Last30Days:
        return {today.addDays(-29), today};
    case Period::Last90Days:
        return {today.addDays(-89), today};
    case Period::ThisMonth:
        return {monthStart, today};
    case Period::LastMonth:
        return {monthStart.addMonths(-1), monthStart.addDays(-1)};
    case Period::ThisYear:
        return {QDate(today.year(), 1, 1), today};
    case Period::LastYear:
        return {QDate(today.year() - 1, 1, 1), QDate(today.year() - 1, 12, 31)};
    }
    return {};
}

void TransactionFilterBar::setAccounts(const QList<store::AccountChoice>& accounts)
{
    m_accounts = accounts;
    m_updating = true;
    const qint64 connection = m_connection->currentData().toLongLong();
    while (m_connection->count() > 1)
        m_connection->removeItem(1);
    QSet<qint64> seen;
    for (const store::AccountChoice& account : accounts) {
        if (account.connectionId == 0 || seen.contains(account.connectionId))
            continue;
        seen.insert(account.connectionId);
        m_connection->addItem(account.connectionName, account.connectionId);
    }
    m_connection->setCurrentIndex(qMax(0, m_connection->findData(connection)));
    m_updating = false;
    fillAccounts();
}

void TransactionFilterBar::fillAccounts()
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    const qint64 connection = m_connection->currentData().toLongLong();
    const qint64 account = m_account->currentData().toLongLong();
    while (m_account->count() > 1)
        m_account->removeItem(1);
    for (const store::AccountChoice& choice : std::as_const(m_accounts)) {
        if (connection != 0 && choice.connectionId != connection)
            continue;
        const QString label = connection == 0 && !choice.connectionName.isEmpty()
                                  ? tr("%1 \u00b7 %2").arg(choice.connectionName, choice.name)
                                  : choice.name;
        m_account->addItem(label, choice.id);
    }
    m_account->setCurrentIndex(qMax(0, m_account->findData(account)));
    m_updating = wasUpdating;
}

void TransactionFilterBar::setCategories(const QStringList& categories)
{
    m_updating = true;
    const QString current = m_category->currentData().toString();
    while (m_category->count() > 1)
        m_category->removeItem(1);
    for (const QString& category : categories) {
        // Stored in lower case for matching; shown as a label.
        const QString label = category.isEmpty() ? category : category.front().toUpper() + category.mid(1);
        m_category->addItem(label, category);
    }
    m_category->setCurrentIndex(qMax(0, m_category->findData(current)));
    m_updating = false;
}

void TransactionFilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void TransactionFilterBar::clear()
{
    m_updating = true;
    m_search->clear();
    m_searchTimer.stop();
    for (QComboBox* combo : {m_status, m_period, m_connection, m_category})
        combo->setCurrentIndex(0);
    fillAccounts();
    m_account->setCurrentIndex(0);
    m_minAmount->clear();
    m_maxAmount->clear();
    m_updating = false;
    emitChanged();
}

void TransactionFilterBar::periodChosen()
{
    const bool custom = static_cast<Period>(m_period->currentData().toInt()) == Period::Custom;
    if (custom && !m_from->isVisible()) {
        // Start the custom range from what was shown, so choosing it changes nothing yet.
        m_updating = true;
        m_from->setDate(QDate::currentDate().addDays(-29));
        m_to->setDate(QDate::currentDate());
        m_updating = false;
    }
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    emitChanged();
}

bool TransactionFilterBar::amountFieldValid(QLineEdit* field) const
{
    const QString text = field->text().trimmed();
    return text.isEmpty() || store::parseMagnitude(text, QLocale().decimalPoint().front()).has_value();
}

void TransactionFilterBar::emitChanged()
{
    if (m_updating)
        return;
    for (QLineEdit* field : {m_minAmount, m_maxAmount}) {
        const bool valid = amountFieldValid(field);
        field->setStyleSheet(valid ? QString() : QStringLiteral("QLineEdit { border: 1px solid #c0392b; }"));
        field->setToolTip(valid ? QString() : tr("Not an amount: type a number such as 25 or 12.50"));
    }
    const store::TransactionFilter current = filter();
    m_clear->setEnabled(!(current == store::TransactionFilter{}));
    Q_EMIT filterChanged(current);
}

} // namespace coffer::ui
