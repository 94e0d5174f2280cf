#pragma once

#include "providers/Connector.h"

#include <QStringList>

#include <memory>

namespace coffer::schedule {
class Clock;
}

namespace coffer::providers {

// The providers this build knows, by id.
QStringList knownProviders();

// A new connector for provider, or nullptr when the id is unknown. The clock must outlive it.
std::unique_ptr<Connector> createConnector(const QString& provider, const schedule::Clock& clock);

// The credential a new connection of this provider starts with (the demo bank issues a token;
// real providers get theirs from the user's sign-in). Empty when the provider needs user input.
QString initialCredential(const QString& provider);

} // namespace coffer::providers
