#include "connections/ReauthDialog.h"

#include "EngineHost.h"
#include "Theme.h"
#include "WidgetIdentity.h"
#include "connections/BrowserLinkPanel.h"
#include "connections/ProviderCatalog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace coffer::ui {

ReauthDialog::ReauthDialog(EngineHost& host, qint64 connectionId, const QString& provider, const QString& name,
                           QWidget* parent)
    : QDialog(parent)
    , m_host(host)
    , m_connectionId(connectionId)
    , m_provider(provider)
{
    setIdentity(this, QStringLiteral("reauthDialog"), tr("Sign in again"));
    setWindowTitle(tr("Sign in again to \u201c%1\u201d").arg(name));
    setMinimumWidth(520);

    auto* intro = new QLabel(this);
    setIdentity(intro, QStringLiteral("reauthIntroLabel"), tr("What signing in again does"));
    intro->setWordWrap(true);
    intro->setOpenExternalLinks(true);
    m_token = new QPlainTextEdit(this);
    setIdentity(m_token, QStringLiteral("reauthTokenEdit"), tr("New setup token"));
    m_token->setTabChangesFocus(true);
    m_token->setFixedHeight(m_token->fontMetrics().lineSpacing() * 4 + 12);
    m_status = new QLabel(this);
    setIdentity(m_status, QStringLiteral("reauthStatusLabel"), tr("Progress"));
    m_status->setWordWrap(true);
    m_error = new QLabel(this);
    setIdentity(m_error, QStringLiteral("reauthErrorLabel"), tr("Why signing in failed"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(Theme::errorBoxStyleSheet());
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    setIdentity(buttons, QStringLiteral("reauthButtons"), tr("Dialog buttons"));
    m_submit = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    setIdentity(m_submit, QStringLiteral("reauthSubmitButton"), tr("Sign in again"));
    setIdentity(buttons->button(QDialogButtonBox::Cancel), QStringLiteral("reauthCancelButton"), tr("Cancel"));

    if (provider == u"simplefin") {
        intro->setText(tr("At <a href=\"https://bridge.simplefin.org/\">bridge.simplefin.org</a>, create a new setup "
                          "token for Coffer and paste it here. Coffer claims it and replaces the access it keeps in "
                          "your keychain."));
    } else if (provider == u"plaid") {
        intro->setText(tr("Your bank needs you to sign in again through Plaid. Coffer opens Plaid in your browser "
                          "for this connection; it keeps its accounts and history, and this window closes when "
                          "you are done."));
        m_token->hide();
        m_submit->setText(tr("Open Plaid in your browser"));
        m_link = new BrowserLinkPanel(host, this);
    } else if (provider == u"demo") {
        intro->setText(tr("The demo bank signs you in again at once and renews its consent."));
        m_token->hide();
    } else {
        intro->setText(tr("This connection has no sign-in to renew."));
        m_token->hide();
        m_submit->hide();
    }

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addWidget(m_token);
    if (m_link)
        layout->addWidget(m_link);
    layout->addWidget(m_error);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_token, &QPlainTextEdit::textChanged, this, [this] {
        const QString reason = m_token->toPlainText().trimmed().isEmpty() ? QString() : problem();
        m_error->setText(reason);
        m_error->setVisible(!reason.isEmpty());
        updateSubmit();
    });
    connect(m_submit, &QPushButton::clicked, this, &ReauthDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReauthDialog::reject);
    connect(&m_host, &EngineHost::reauthenticated, this, [this](qint64 id) {
        if (id != m_connectionId || !m_waiting)
            return;
        m_waiting = false;
        accept();
    });
    connect(&m_host, &EngineHost::reauthenticationFailed, this, [this](qint64 id, const QString& message) {
        if (id != m_connectionId || !m_waiting)
            return;
        m_waiting = false;
        m_status->clear();
        m_error->setText(message);
        m_error->show();
        updateSubmit();
    });
    if (m_link) {
        connect(m_link, &BrowserLinkPanel::failed, this, [this](const QString& message) {
            m_waiting = false;
            m_status->clear();
            m_error->setText(message);
            m_error->show();
            updateSubmit();
            adjustSize();
        });
        connect(m_link, &BrowserLinkPanel::waitingChanged, this, [this](bool waiting) {
            if (!waiting)
                m_waiting = false; // cancelled or answered: the user may try again
            updateSubmit();
            adjustSize(); // the wrapped waiting text is never cut off
        });
    }
    updateSubmit();
    adjustSize(); // wrapped text sets the height: sizeHint() alone would cut it
}

QString ReauthDialog::problem() const
{
    return m_provider == u"simplefin" ? ProviderCatalog::setupTokenProblem(m_token->toPlainText()) : QString();
}

void ReauthDialog::updateSubmit()
{
    m_submit->setEnabled(!m_waiting && problem().isEmpty());
}

void ReauthDialog::submit()
{
    if (!problem().isEmpty() || m_waiting)
        return;
    m_waiting = true;
    m_error->hide();
    if (m_link) {
        model::LinkRequest request;
        request.connectionId = m_connectionId;
        m_link->start(request, tr("Asking Plaid for a Link session\u2026"));
        return updateSubmit();
    }
    m_status->setText(tr("Signing in\u2026"));
    m_host.reauthenticate(m_connectionId, m_provider == u"simplefin" ? m_token->toPlainText().trimmed() : QString());
    updateSubmit();
}

} // namespace coffer::ui
