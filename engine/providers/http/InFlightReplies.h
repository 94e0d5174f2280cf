#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

class QNetworkReply;

namespace coffer::providers::http {

// The replies a connector has in flight and the object their callbacks are connected to:
// abortAll() aborts them and drops every callback not yet run (a cancelled call never reports).
// Thread affinity: the thread of the replies.
class InFlightReplies {
public:
    InFlightReplies();
    ~InFlightReplies();
    InFlightReplies(const InFlightReplies&) = delete;
    InFlightReplies& operator=(const InFlightReplies&) = delete;

    // The context object for connecting to a reply's signals; replaced by abortAll().
    QObject* context() const { return m_context.get(); }
    void add(QNetworkReply* reply);
    void remove(QNetworkReply* reply);
    void abortAll();

private:
    std::unique_ptr<QObject> m_context;
    QList<QPointer<QNetworkReply>> m_replies;
};

} // namespace coffer::providers::http
