#pragma once

#include <QString>

#include <string>

namespace coffer::webhooks {

// A key id (kid) as it may appear in a log line: it comes from an unverified sender, so only a
// plain id (ASCII letters, digits, '-', '_', at most 64 of them) is written as is; anything else
// is written as "(not a plain id)", and no kid as "none". Never put a kid into an Error's detail.
std::string loggableKid(const QString& kid);

} // namespace coffer::webhooks
