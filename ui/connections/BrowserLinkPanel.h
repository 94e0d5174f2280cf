#pragma once

#include "model/LinkRequest.h"

#include <QUrl>
#include <QWidget>

class QLabel;
class QPushButton;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

// Linking a bank in the user's browser (Plaid Hosted Link), as the wizard and the sign-in dialog
// show it: asks the engine to begin, opens the address it gives in the system browser, and waits
// with "Open again" and "Cancel" until the engine reports the outcome. Hidden while idle.
// Destroying it while waiting cancels the link.
class BrowserLinkPanel : public QWidget {
    Q_OBJECT
public:
    explicit BrowserLinkPanel(EngineHost& host, QWidget* parent = nullptr);
    ~BrowserLinkPanel() override;

    // busyText is shown until the browser opens (or for the whole of a sandbox test item).
    void start(const model::LinkRequest& request, const QString& busyText);
    void cancel();
    bool isWaiting() const { return m_request != 0; }

Q_SIGNALS:
    void completed(qint64 connectionId);
    void failed(const QString& message);
    void waitingChanged(bool waiting);

private:
    void stopWaiting();

    EngineHost& m_host;
    QLabel* m_status = nullptr;
    QPushButton* m_reopen = nullptr;
    QPushButton* m_cancel = nullptr;
    int m_request = 0;
    QUrl m_url;
};

} // namespace coffer::ui
