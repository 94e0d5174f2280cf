#pragma once

#include "importers/StatementParser.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace coffer::importers {

// How many bytes of a file's start detectFormat() wants to see.
inline constexpr qsizetype kFormatSniffBytes = 64 * 1024;

// Which format a bank file is in, from its first bytes (the content decides; the name's extension
// only settles files whose content could be anything, like CSV). nullopt: not a bank file Coffer
// reads (a binary file, a PDF, an empty file). Thread affinity: none.
std::optional<Format> detectFormat(QByteArrayView head, const QString& fileName);

} // namespace coffer::importers
