#pragma once

#include <QDateTime>
#include <QString>
#include <QTemporaryDir>

#include <functional>

namespace coffer::test {

// A unique keychain service name, so tests never see each other's (or the user's) entries.
QString uniqueKeychainService();

// Waits for condition while running the event loop; false on timeout.
bool waitFor(const std::function<bool()>& condition, int timeoutMs = 20000);

// A fixed instant for deterministic tests.
QDateTime fixedNow();

} // namespace coffer::test
