#include "connections/PlaidPage.h"

#include "Theme.h"
#include "WidgetIdentity.h"
#include "connections/BrowserLinkPanel.h"
#include "providers/plaid/PlaidLink.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>

namespace coffer::ui {

PlaidPage::PlaidPage(EngineHost& host, QWidget* parent)
    : SpecPage(parent)
{
    setIdentity(this, QStringLiteral("plaidPage"), tr("Plaid"));
    setTitle(tr("Plaid"));
    setSubTitle(tr("Your bank through Plaid Link, with your own Plaid API keys."));

    auto* steps = new QLabel(
        tr("1. At <a href=\"https://dashboard.plaid.com/developers/keys\">dashboard.plaid.com</a>, copy your "
           "<b>client ID</b> and the <b>secret</b> of the environment you use.<br>2. Coffer opens Plaid in your "
           "browser: choose your bank and sign in there. Nothing to copy back; Coffer continues on its own."),
        this);
    setIdentity(steps, QStringLiteral("plaidStepsLabel"), tr("How to connect through Plaid"));
    steps->setWordWrap(true);
    steps->setOpenExternalLinks(true);
    steps->setTextInteractionFlags(Qt::TextBrowserInteraction);

    m_name = new QLineEdit(this);
    setIdentity(m_name, QStringLiteral("plaidNameEdit"), tr("Connection name"));
    m_name->setPlaceholderText(tr("The bank's name"));
    m_clientId = new QLineEdit(this);
    setIdentity(m_clientId, QStringLiteral("plaidClientIdEdit"), tr("Plaid client ID"));
    m_secret = new QLineEdit(this);
    setIdentity(m_secret, QStringLiteral("plaidSecretEdit"), tr("Plaid secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_environment = new QComboBox(this);
    setIdentity(m_environment, QStringLiteral("plaidEnvironmentCombo"), tr("Plaid environment"));
    m_environment->addItem(tr("Sandbox (test data)"), QStringLiteral("sandbox"));
    m_environment->addItem(tr("Production (your real bank)"), QStringLiteral("production"));
    m_advanced = new QCheckBox(tr("Use another server address (advanced)"), this);
    setIdentity(m_advanced, QStringLiteral("plaidAdvancedCheck"), tr("Use another server address"));
    m_baseUrl = new QLineEdit(this);
    setIdentity(m_baseUrl, QStringLiteral("plaidBaseUrlEdit"), tr("Plaid server address"));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://sandbox.plaid.com"));
    m_baseUrl->hide();

    m_error = new QLabel(this);
    setIdentity(m_error, QStringLiteral("plaidErrorLabel"), tr("Problem connecting through Plaid"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(Theme::errorBoxStyleSheet());
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_done = new QLabel(this);
    setIdentity(m_done, QStringLiteral("plaidDoneLabel"), tr("Connection added"));
    m_done->setWordWrap(true);
    m_done->hide();

    m_connect = new QPushButton(tr("Connect a bank in your browser"), this);
    setIdentity(m_connect, QStringLiteral("plaidConnectButton"), tr("Connect a bank in your browser"));
    m_testItem = new QPushButton(tr("Create test item"), this);
    setIdentity(m_testItem, QStringLiteral("plaidTestItemButton"), tr("Create a sandbox test item"));
    m_testItem->setToolTip(tr("A test bank in Plaid's sandbox, to try Coffer without a real bank."));
    m_link = new BrowserLinkPanel(host, this);

    auto* form = new QFormLayout;
    form->addRow(tr("&Name (optional):"), m_name);
    form->addRow(tr("&Client ID:"), m_clientId);
    form->addRow(tr("&Secret:"), m_secret);
    form->addRow(tr("&Environment:"), m_environment);
    form->addRow(QString(), m_advanced);
    form->addRow(QString(), m_baseUrl);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_connect);
    actions->addWidget(m_testItem);
    actions->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(steps);
    layout->addLayout(form);
    layout->addLayout(actions);
    layout->addWidget(m_link);
    layout->addWidget(m_error);
    layout->addWidget(m_done);
    layout->addStretch(1);

    for (QLineEdit* edit : {m_clientId, m_secret, m_baseUrl})
        connect(edit, &QLineEdit::textChanged, this, &PlaidPage::updateState);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &PlaidPage::updateState);
    connect(m_advanced, &QCheckBox::toggled, this, [this](bool on) {
        m_baseUrl->setVisible(on);
        updateState();
    });
    connect(m_connect, &QPushButton::clicked, this, [this] { begin(false); });
    connect(m_testItem, &QPushButton::clicked, this, [this] { begin(true); });
    connect(m_link, &BrowserLinkPanel::waitingChanged, this, &PlaidPage::updateState);
    connect(m_link, &BrowserLinkPanel::failed, this, [this](const QString& message) {
        m_error->setText(message);
        m_error->show();
    });
    connect(m_link, &BrowserLinkPanel::completed, this, [this](qint64 connectionId) {
        m_addedId = connectionId;
        m_done->setText(addedText());
        m_done->show();
        updateState();
        // It exists now: Back would only lead to adding it a second time.
        if (QAbstractButton* back = wizard() ? wizard()->button(QWizard::BackButton) : nullptr)
            back->setEnabled(false);
    });
    updateState();
}

QString PlaidPage::environment() const
{
    return m_environment->currentData().toString();
}

QString PlaidPage::name() const
{
    return m_name->text().simplified();
}

QString PlaidPage::inputProblem() const
{
    return providers::plaid::linkSetupProblem(m_clientId->text(), m_secret->text(), spec().options);
}

QString PlaidPage::problem() const
{
    if (m_addedId != 0)
        return {};
    const QString input = inputProblem();
    return input.isEmpty() ? tr("Connect a bank in your browser first.") : input;
}

void PlaidPage::updateState()
{
    const bool waiting = m_link->isWaiting();
    const bool added = m_addedId != 0;
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_name, m_clientId, m_secret, m_environment, m_advanced, m_baseUrl})
        w->setEnabled(!waiting && !added);
    const QString input = inputProblem();
    // Empty keys are not worth an error box; anything typed that cannot work says why.
    const bool typed = !m_clientId->text().trimmed().isEmpty() || !m_secret->text().trimmed().isEmpty() ||
                       (m_advanced->isChecked() && !m_baseUrl->text().trimmed().isEmpty());
    if (!waiting && !added) {
        m_error->setText(typed ? input : QString());
        m_error->setVisible(typed && !input.isEmpty());
    }
    m_connect->setEnabled(!waiting && !added && input.isEmpty());
    m_testItem->setVisible(environment() == u"sandbox");
    m_testItem->setEnabled(!waiting && !added && input.isEmpty());
    Q_EMIT completeChanged();
}

void PlaidPage::begin(bool testItem)
{
    if (!inputProblem().isEmpty() || m_link->isWaiting() || m_addedId != 0)
        return;
    m_error->hide();
    model::LinkRequest request;
    request.name = name();
    request.clientId = m_clientId->text().trimmed();
    request.secret = m_secret->text().trimmed();
    request.options = spec().options;
    request.sandboxTestItem = testItem;
    m_link->start(request, testItem ? tr("Creating a test item in Plaid's sandbox\u2026")
                                    : tr("Asking Plaid for a Link session\u2026"));
}

void PlaidPage::cleanupPage()
{
    m_link->cancel(); // going back: stop waiting for the browser
}

model::ConnectionSpec PlaidPage::spec() const
{
    model::ConnectionSpec spec;
    spec.provider = QStringLiteral("plaid");
    spec.name = name();
    spec.options.insert(QStringLiteral("environment"), environment());
    if (m_advanced->isChecked() && !m_baseUrl->text().trimmed().isEmpty())
        spec.options.insert(QStringLiteral("baseUrl"), m_baseUrl->text().trimmed());
    return spec;
}

QString PlaidPage::summary() const
{
    return tr("A Plaid connection in the %1 environment.").arg(environment());
}

QString PlaidPage::addedText() const
{
    return tr("The bank is connected. Coffer is fetching its transactions now; press Finish.");
}

} // namespace coffer::ui
