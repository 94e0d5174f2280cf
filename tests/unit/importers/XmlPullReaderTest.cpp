#include "importers/text/XmlPullReader.h"

#include <QBuffer>

#include <gtest/gtest.h>

using namespace coffer::importers::text;

namespace {

// What the reader makes of a document: its tokens as "<Name a=v>", "text", "</Name>", and the
// error ("line N: ...") if one ended the read.
struct Read {
    QString tokens;
    QString error;
    QString rootNamespace;
};

Read readAll(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    XmlPullReader xml(buffer);
    Read out;
    for (int guard = 0; guard < 10000; ++guard) {
        switch (xml.next()) {
        case XmlPullReader::Token::StartElement:
            out.tokens += u'<' + xml.name();
            for (const XmlPullReader::Attribute& a : xml.attributes())
                out.tokens += u' ' + a.name + u'=' + a.value;
            out.tokens += u'>';
            if (xml.depth() == 1)
                out.rootNamespace = xml.rootNamespace().toString();
            break;
        case XmlPullReader::Token::EndElement:
            out.tokens += QStringLiteral("</") + xml.name() + u'>';
            break;
        case XmlPullReader::Token::Text:
            if (!xml.isWhitespace())
                out.tokens += u'[' + xml.text() + u']';
            break;
        case XmlPullReader::Token::End:
            return out;
        case XmlPullReader::Token::Error:
            out.error = xml.error()->userMessage;
            return out;
        }
    }
    ADD_FAILURE() << "the reader did not end";
    return out;
}

} // namespace

TEST(XmlPullReaderTest, ElementsTextAndAttributesInBothQuotes)
{
    const Read r = readAll("<?xml version=\"1.0\"?>\n<Doc xmlns=\"urn:x\">\n  <Amt Ccy=\"EUR\" Other='a\"b'>1.00</Amt>"
                           "<Empty/><E2 k = 'v' /></Doc>\n");
    EXPECT_TRUE(r.error.isEmpty()) << r.error.toStdString();
    EXPECT_EQ(r.tokens, QStringLiteral("<Doc><Amt Ccy=EUR Other=a\"b>[1.00]</Amt><Empty></Empty><E2 k=v></E2></Doc>"));
    EXPECT_EQ(r.rootNamespace, QStringLiteral("urn:x"));
}

TEST(XmlPullReaderTest, EntitiesCharacterReferencesAndCdataAreText)
{
    const Read r = readAll("<D a=\"&lt;&amp;&gt;\">&lt;&gt;&amp;&quot;&apos; &#233;&#xE9;&#x1F600;"
                           "<![CDATA[<b>&amp;</b>]]></D>");
    EXPECT_TRUE(r.error.isEmpty()) << r.error.toStdString();
    EXPECT_EQ(r.tokens, QString::fromUtf8("<D a=<&>>[<>&\"' \xC3\xA9\xC3\xA9\xF0\x9F\x98\x80][<b>&amp;</b>]</D>"));
}

TEST(XmlPullReaderTest, CommentsAndProcessingInstructionsAreSkipped)
{
    const Read r = readAll("<!-- a > b -- c --><?pi x?><D>a<!-- <x> -->b<?pi y > z?></D><!-- after -->");
    EXPECT_TRUE(r.error.isEmpty()) << r.error.toStdString();
    EXPECT_EQ(r.tokens, QStringLiteral("<D>[a][b]</D>"));
}

TEST(XmlPullReaderTest, PrefixesAreStrippedAndTheRootsNamespaceKept)
{
    const Read r = readAll("<ns:Document xmlns=\"urn:other\" xmlns:ns=\"urn:camt\"><ns:Amt ns:Ccy=\"CHF\">2</ns:Amt>"
                           "</ns:Document>");
    EXPECT_TRUE(r.error.isEmpty()) << r.error.toStdString();
    EXPECT_EQ(r.tokens, QStringLiteral("<Document><Amt Ccy=CHF>[2]</Amt></Document>"));
    EXPECT_EQ(r.rootNamespace, QStringLiteral("urn:camt"));
}

TEST(XmlPullReaderTest, TheDeclaredEncodingIsHonoured)
{
    const QString eAcute = QString(QChar(0xE9));
    EXPECT_EQ(readAll("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><D>caf\xE9</D>").tokens,
              QStringLiteral("<D>[caf") + eAcute + QStringLiteral("]</D>"));
    EXPECT_EQ(readAll("<?xml version='1.0' encoding='windows-1252'?><D>\x80</D>").tokens,
              QStringLiteral("<D>[") + QChar(0x20AC) + QStringLiteral("]</D>"));
    EXPECT_EQ(readAll("\xEF\xBB\xBF<D>caf\xC3\xA9</D>").tokens,
              QStringLiteral("<D>[caf") + eAcute + QStringLiteral("]</D>"));
    EXPECT_TRUE(readAll("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><D/>").error.contains(QStringLiteral("KOI8-R")));
}

TEST(XmlPullReaderTest, MalformedDocumentsStopWithTheLine)
{
    const struct {
        const char* xml;
        const char* error;
    } cases[] = {
        {"<D>\n<A>1</B>\n</D>", "line 2: not well-formed XML: </B> does not close <A>"},
        {"<D>\n<A>1</A>", "line 2: the file ends inside <D>"},
        {"<D><A x=\"1", "line 1: the file ends inside <D>"},
        {"", "line 1: the file is empty"},
        {"hello <D/>", "line 1: not well-formed XML: text outside the root element"},
        {"<D/>\ntrailing", "line 2: not well-formed XML: text after the root element"},
        {"<D/><E/>", "line 1: not well-formed XML: a second root element <E>"},
        {"<D></E>", "line 1: not well-formed XML: </E> does not close <D>"},
        {"<!DOCTYPE D [<!ENTITY a \"b\">]><D>&a;</D>", "line 1: the file declares a DTD"},
        {"<D>&nope;</D>", "line 1: not well-formed XML: an unknown entity &nope;"},
        {"<D>a & b</D>", "line 1: not well-formed XML: a '&' that starts no entity"},
        {"<D>&#0;</D>", "line 1: not well-formed XML: an unknown entity &#0;"},
        {"<D a=b/>", "line 1: not well-formed XML: the value of the attribute a is not quoted"},
        {"<D a=\"1\"b=\"2\"/>", "line 1: not well-formed XML: attributes must be separated"},
        {"<D a=\"<\"/>", "line 1: not well-formed XML: the value of the attribute a holds a '<'"},
        {"<1D/>", "line 1: not well-formed XML: \"<1D\" is not a tag"},
        {"<D><!-- open", "line 1: the file ends inside <D>"},
        {"<D><![CDATA[x", "line 1: the file ends inside <D>"},
        {"<D/>\n<?xml version=\"1.0\"?>", "line 2: not well-formed XML: the XML declaration is not at the start"},
        {"\xFF\xFE<\0D\0/\0>\0", "line 1: the file is in UTF-16"},
    };
    for (const auto& c : cases) {
        const Read r = readAll(QByteArray(c.xml, qstrlen(c.xml) + (c.xml[0] == '\xFF' ? 7 : 0)));
        EXPECT_TRUE(r.error.startsWith(QLatin1String(c.error))) << c.xml << " -> " << r.error.toStdString();
    }
}

TEST(XmlPullReaderTest, NestingIsCapped)
{
    const Read ok = readAll(QByteArray("<a>").repeated(XmlPullReader::kMaxDepth) +
                            QByteArray("</a>").repeated(XmlPullReader::kMaxDepth));
    EXPECT_TRUE(ok.error.isEmpty()) << ok.error.toStdString();
    const Read deep = readAll(QByteArray("<a>").repeated(100000));
    EXPECT_TRUE(deep.error.startsWith(QStringLiteral("line 1: elements nested more than 64 deep")))
        << deep.error.toStdString();
}
