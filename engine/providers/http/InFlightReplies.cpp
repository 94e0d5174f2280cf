#include "providers/http/InFlightReplies.h"

#include <QNetworkReply>

#include <utility>

namespace coffer::providers::http {

InFlightReplies::InFlightReplies()
    : m_context(std::make_unique<QObject>())
{
}

InFlightReplies::~InFlightReplies()
{
    abortAll();
}

void InFlightReplies::add(QNetworkReply* reply)
{
    m_replies << reply;
}

void InFlightReplies::remove(QNetworkReply* reply)
{
    m_replies.removeAll(reply);
}

void InFlightReplies::abortAll()
{
    m_context = std::make_unique<QObject>(); // drops the callbacks of every reply in flight
    for (const QPointer<QNetworkReply>& reply : std::exchange(m_replies, {})) {
        if (reply) {
            reply->abort();
            reply->deleteLater();
        }
    }
}

} // namespace coffer::providers::http
