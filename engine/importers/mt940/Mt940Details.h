#pragma once

#include <QString>

namespace coffer::importers::mt940 {

// What a :86: field says about its transaction.
struct Details {
    QString description;  // remittance text: SEPA SVWZ+, German ?20-?29/?60-?63, or the free text
    QString counterparty; // ?32/?33
    QString reference;    // SEPA EREF+ (not NOTPROVIDED)
    QString postingText;  // ?00 ("GUTSCHRIFT")
};

// Reads a :86: field given as its lines joined by '\n'. German structured details ("166?00GUTSCHRIFT
// ?20...") are split into subfields (any separator character, lines joined where the bank wrapped
// them); SEPA keys (EREF+, KREF+, MREF+, CRED+, SVWZ+, ABWA+ ...) inside the remittance lines are
// split again. Anything else is free text, its lines joined by spaces.
Details parseDetails(const QString& field);

} // namespace coffer::importers::mt940
