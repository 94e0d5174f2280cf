#include "connections/FileAccountPage.h"

#include "Theme.h"
#include "WidgetIdentity.h"
#include "model/Account.h"
#include "model/Currency.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

namespace coffer::ui {

FileAccountPage::FileAccountPage(QWidget* parent)
    : SpecPage(parent)
{
    setIdentity(this, QStringLiteral("fileAccountPage"), tr("File-only account"));
    setTitle(tr("File-only account"));
    setSubTitle(tr("An account Coffer never fetches: you keep it up to date by importing the files your bank "
                   "lets you download (OFX, QIF, CSV, CAMT, MT940)."));

    m_name = new QLineEdit(this);
    setIdentity(m_name, QStringLiteral("fileNameEdit"), tr("Account name"));
    m_name->setPlaceholderText(tr("e.g. Savings at the credit union"));
    m_currency = new QLineEdit(QLocale::system().currencySymbol(QLocale::CurrencyIsoCode), this);
    setIdentity(m_currency, QStringLiteral("fileCurrencyEdit"), tr("Currency"));
    m_currency->setMaxLength(3);
    m_currency->setPlaceholderText(QStringLiteral("EUR"));
    if (!model::currency::isKnownCode(currency()))
        m_currency->clear();
    m_kind = new QComboBox(this);
    setIdentity(m_kind, QStringLiteral("fileKindCombo"), tr("Account kind"));
    m_kind->addItem(tr("Checking"), model::accountKindName(model::AccountKind::Checking));
    m_kind->addItem(tr("Savings"), model::accountKindName(model::AccountKind::Savings));
    m_kind->addItem(tr("Credit card"), model::accountKindName(model::AccountKind::CreditCard));
    m_kind->addItem(tr("Other"), model::accountKindName(model::AccountKind::Other));
    m_error = new QLabel(this);
    setIdentity(m_error, QStringLiteral("fileErrorLabel"), tr("Problem with the input"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(Theme::errorBoxStyleSheet());
    m_error->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Currency (ISO 4217):"), m_currency);
    form->addRow(tr("&Kind:"), m_kind);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);

    connect(m_currency, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (text != text.toUpper()) { // currency codes are written in capitals
            const int cursor = m_currency->cursorPosition();
            m_currency->setText(text.toUpper());
            m_currency->setCursorPosition(cursor);
        }
    });
    for (QLineEdit* edit : {m_name, m_currency}) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            const QString reason = problem();
            m_error->setText(reason);
            m_error->setVisible(!reason.isEmpty());
            Q_EMIT completeChanged();
        });
    }
}

QString FileAccountPage::currency() const
{
    return m_currency->text().trimmed().toUpper();
}

QString FileAccountPage::problem() const
{
    if (m_name->text().trimmed().isEmpty())
        return tr("Give the account a name.");
    const QString code = currency();
    if (code.isEmpty())
        return tr("Enter the account's currency as a three-letter ISO 4217 code, such as EUR, USD or JPY.");
    if (!model::currency::isKnownCode(code))
        return tr("\u201c%1\u201d is not an ISO 4217 currency code. Use a code such as EUR, USD or JPY.")
            .arg(m_currency->text().trimmed());
    return {};
}

model::ConnectionSpec FileAccountPage::spec() const
{
    model::ConnectionSpec spec;
    spec.provider = QStringLiteral("file");
    spec.name = m_name->text().simplified();
    const QVariantMap account{{QStringLiteral("id"), QStringLiteral("main")},
                              {QStringLiteral("name"), spec.name},
                              {QStringLiteral("currency"), currency()},
                              {QStringLiteral("kind"), m_kind->currentData().toString()}};
    spec.options.insert(QStringLiteral("accounts"), QVariantList{account});
    return spec;
}

QString FileAccountPage::summary() const
{
    return tr("A %1 account named \u201c%2\u201d in %3, kept up to date by importing bank files.")
        .arg(m_kind->currentText().toLower(), m_name->text().simplified(), currency());
}

QString FileAccountPage::addedText() const
{
    return tr("\u201c%1\u201d was added. Import your bank's files into it to fill it.")
        .arg(m_name->text().simplified());
}

} // namespace coffer::ui
