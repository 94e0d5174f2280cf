#include "connections/SimpleFinPage.h"

#include "Theme.h"
#include "WidgetIdentity.h"
#include "connections/ProviderCatalog.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace coffer::ui {

SimpleFinPage::SimpleFinPage(QWidget* parent)
    : SpecPage(parent)
{
    setIdentity(this, QStringLiteral("simpleFinPage"), tr("SimpleFIN Bridge"));
    setTitle(tr("SimpleFIN Bridge"));
    setSubTitle(tr("Read-only access to your bank through SimpleFIN Bridge."));

    auto* steps = new QLabel(
        tr("1. At <a href=\"https://bridge.simplefin.org/\">bridge.simplefin.org</a>, connect your bank and create "
           "a <b>setup token</b> for Coffer.<br>2. Paste the token below. Coffer claims it once and keeps the access "
           "it grants in your system keychain."),
        this);
    setIdentity(steps, QStringLiteral("simpleFinStepsLabel"), tr("How to get a setup token"));
    steps->setWordWrap(true);
    steps->setOpenExternalLinks(true);
    steps->setTextInteractionFlags(Qt::TextBrowserInteraction);

    m_name = new QLineEdit(this);
    setIdentity(m_name, QStringLiteral("simpleFinNameEdit"), tr("Connection name"));
    m_name->setPlaceholderText(tr("SimpleFIN Bridge"));
    m_token = new QPlainTextEdit(this);
    setIdentity(m_token, QStringLiteral("simpleFinTokenEdit"), tr("Setup token"));
    m_token->setPlaceholderText(tr("aHR0cHM6Ly9icmlkZ2Uuc2ltcGxlZmluLm9yZy9zaW1wbGVmaW4vY2xhaW0v\u2026"));
    m_token->setTabChangesFocus(true);
    m_token->setFixedHeight(m_token->fontMetrics().lineSpacing() * 4 + 12);
    m_error = new QLabel(this);
    setIdentity(m_error, QStringLiteral("simpleFinErrorLabel"), tr("Problem with the setup token"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(Theme::errorBoxStyleSheet());
    m_error->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Name (optional):"), m_name);
    form->addRow(tr("Setup &token:"), m_token);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(steps);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);

    connect(m_token, &QPlainTextEdit::textChanged, this, [this] {
        // Nothing typed yet is not an error worth shouting about; anything else says what is wrong.
        const QString reason = m_token->toPlainText().trimmed().isEmpty() ? QString() : problem();
        m_error->setText(reason);
        m_error->setVisible(!reason.isEmpty());
        Q_EMIT completeChanged();
    });
}

QString SimpleFinPage::problem() const
{
    return ProviderCatalog::setupTokenProblem(m_token->toPlainText());
}

QString SimpleFinPage::name() const
{
    const QString typed = m_name->text().simplified();
    return typed.isEmpty() ? tr("SimpleFIN Bridge") : typed;
}

model::ConnectionSpec SimpleFinPage::spec() const
{
    model::ConnectionSpec spec;
    spec.provider = QStringLiteral("simplefin");
    spec.name = name();
    spec.setupToken = m_token->toPlainText().trimmed();
    return spec;
}

QString SimpleFinPage::summary() const
{
    return tr("A SimpleFIN Bridge connection named \u201c%1\u201d. Coffer claims the setup token now; it cannot be "
              "used again afterwards.")
        .arg(name());
}

QString SimpleFinPage::addedText() const
{
    return tr("\u201c%1\u201d was added. Coffer is fetching its transactions now.").arg(name());
}

} // namespace coffer::ui
