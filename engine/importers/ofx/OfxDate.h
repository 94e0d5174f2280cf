#pragma once

#include <QByteArrayView>
#include <QDate>

#include <optional>

namespace coffer::importers::ofx {

// Reads an OFX date-time, YYYYMMDD[HHMM[SS[.XXX]]][[+|-]H[H][.MM][:TZ]], as the day the bank
// wrote: "20240105120000.000[-5:EST]" is 5 January 2024 (the zone is not applied, so a booking
// never moves to another day). Also takes the quirks seen in real files: ':' for the fraction
// point ("093914:014"), a zone without brackets ("120000-0500"). nullopt for anything else,
// including impossible dates (month 13, 31 February) and times (25:00).
std::optional<QDate> parseOfxDate(QByteArrayView text);

} // namespace coffer::importers::ofx
