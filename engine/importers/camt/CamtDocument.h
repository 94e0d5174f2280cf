#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace coffer::importers::camt {

// Why a document whose root element is `root` in namespace `ns` is not a statement Coffer reads
// ("this is a camt.054 notification, not a statement"), or nothing for a CAMT.053 document of
// version 02 to 08 (urn:iso:std:iso:20022:tech:xsd:camt.053.001.02 ... .08).
std::optional<QString> refuseDocument(QStringView root, QStringView ns);

} // namespace coffer::importers::camt
