#pragma once

#include "importers/ofx/OfxTokenizer.h"
#include "importers/text/Charset.h"
#include "model/Result.h"

#include <QByteArray>
#include <QString>

namespace coffer::importers::ofx {

// What an OFX file says about itself before its first element: the OFX 1.x SGML header lines
// ("OFXHEADER:100", "ENCODING:USASCII", "CHARSET:1252", ...) or the OFX 2.x XML declaration and
// <?OFX OFXHEADER="200" ...?> instruction. A file may also start right at <OFX> (no header).
struct OfxHeader {
    bool xml = false;
    QByteArray version; // "102", "211"; empty when the file does not say
    // The character set values are written in: ENCODING/CHARSET of 1.x, the XML encoding of 2.x,
    // Windows-1252 for a 1.x file that names none, UTF-8 for 2.x.
    text::Charset charset = text::Charset::Windows1252;
    // Set when the file names a character set Coffer does not know (it is then read as charset).
    QString notice;

    // Reads tokens up to the first element, which is left in `first`. Refuses a file whose text
    // before it is not an OFX header ("line 1: not an OFX file ...").
    static model::Result<OfxHeader> read(OfxTokenizer& tokens, OfxToken& first);
};

} // namespace coffer::importers::ofx
