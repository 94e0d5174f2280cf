#pragma once

#include "model/Result.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
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

// Reports error to done from the event loop, as an answer would come, unless context is gone by
// then (InFlightReplies::context() is, after abortAll() or with its connector).
template <typename T> void failLater(QObject* context, std::function<void(model::Result<T>)> done, model::Error error)
{
    QTimer::singleShot(0, context, [done = std::move(done), error = std::move(error)] { done(error); });
}

} // namespace coffer::providers::http
