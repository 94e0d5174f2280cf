#include "webhooks/LoggableKid.h"

namespace coffer::webhooks {

std::string loggableKid(const QString& kid)
{
    if (kid.isEmpty())
        return "none";
    for (QChar c : kid) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_')
            return "(not a plain id)";
    }
    return kid.left(64).toStdString();
}

} // namespace coffer::webhooks
