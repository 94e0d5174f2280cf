#pragma once

#include <QByteArray>

namespace coffer::test {

// Sends raw bytes to 127.0.0.1:port over a real TCP connection and returns everything the server
// sent until it closed the connection (or timeoutMs passed). Runs the event loop while waiting.
QByteArray exchangeRaw(quint16 port, const QByteArray& request, int timeoutMs = 15000);

// A POST of body to path with Content-Length, Content-Type: application/json and the
// Plaid-Verification header (when not empty), as Plaid's webhook sender makes it.
QByteArray webhookRequest(const QByteArray& path, const QByteArray& body, const QByteArray& verification);

// The status code of a raw HTTP response; 0 when there is none.
int statusOf(const QByteArray& response);

} // namespace coffer::test
