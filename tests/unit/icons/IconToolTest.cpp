// coffer-iconset refuses a missing or broken SVG with a message naming the file, and leaves what
// an earlier build rendered untouched.

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

struct ToolRun {
    int exitCode = -1;
    QString errors;
};

ToolRun runTool(const QStringList& arguments)
{
    QProcess tool;
    tool.start(QStringLiteral(COFFER_ICONSET_TOOL), arguments);
    if (!tool.waitForFinished(60000) || tool.exitStatus() != QProcess::NormalExit)
        return {};
    return {tool.exitCode(), QString::fromLocal8Bit(tool.readAllStandardError())};
}

class IconTool : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_out = m_dir.filePath(QStringLiteral("out"));
        ASSERT_TRUE(QDir().mkpath(m_out));
        // What an earlier, good render left: a failed run must not touch it.
        QFile earlier(m_out + QStringLiteral("/coffer-16.png"));
        ASSERT_TRUE(earlier.open(QIODevice::WriteOnly));
        earlier.write("earlier render");
    }
    QString writeSvg(const QByteArray& text)
    {
        const QString path = m_dir.filePath(QStringLiteral("coffer.svg"));
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(text);
        return path;
    }
    void expectRefused(const QString& svg, const QString& reason)
    {
        const ToolRun run = runTool({svg, m_out, QStringLiteral("16"), QStringLiteral("32")});
        EXPECT_EQ(run.exitCode, 1) << qPrintable(run.errors);
        EXPECT_TRUE(run.errors.contains(svg)) << "the message does not name the file: " << qPrintable(run.errors);
        EXPECT_TRUE(run.errors.contains(reason)) << qPrintable(run.errors);
        QFile earlier(m_out + QStringLiteral("/coffer-16.png"));
        ASSERT_TRUE(earlier.open(QIODevice::ReadOnly));
        EXPECT_EQ(earlier.readAll(), QByteArray("earlier render"));
        EXPECT_FALSE(QFile::exists(m_out + QStringLiteral("/coffer-32.png")));
        EXPECT_FALSE(QFile::exists(m_out + QStringLiteral("/coffer.ico")));
        EXPECT_FALSE(QFile::exists(m_out + QStringLiteral("/coffer.icns")));
    }

    QTemporaryDir m_dir;
    QString m_out;
};

TEST_F(IconTool, RefusesAMissingSvgNamingIt)
{
    expectRefused(m_dir.filePath(QStringLiteral("nowhere/coffer.svg")), QStringLiteral("cannot read it"));
}

TEST_F(IconTool, RefusesABrokenSvgNamingIt)
{
    expectRefused(writeSvg("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">\n<rect width="),
                  QStringLiteral("line 2, column 12"));
}

TEST_F(IconTool, RefusesSomethingElseCalledSvg)
{
    expectRefused(writeSvg("\x89PNG\r\n\x1a\n not a drawing"), QStringLiteral("not an SVG drawing"));
}

TEST_F(IconTool, RefusesWellFormedXmlThatIsNotSvg)
{
    expectRefused(writeSvg("<html><body>coffer</body></html>"), QStringLiteral("not an SVG drawing QtSvg can read"));
}

TEST_F(IconTool, RefusesANonSquareDrawing)
{
    expectRefused(writeSvg("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 16\">"
                           "<rect width=\"32\" height=\"16\" fill=\"#1f6feb\"/></svg>"),
                  QStringLiteral("must be square"));
}

TEST_F(IconTool, RefusesAFileLargerThanOneMebibyte)
{
    const QByteArray drawing = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"></svg>";
    expectRefused(writeSvg(drawing + QByteArray(2 * 1024 * 1024, ' ')), QStringLiteral("larger than 1 MiB"));
}

TEST_F(IconTool, RendersAGoodSvgAtTheSizesAsked)
{
    const QString svg = writeSvg("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">"
                                 "<rect x=\"2\" y=\"2\" width=\"12\" height=\"12\" fill=\"#1f6feb\"/></svg>");
    const ToolRun run = runTool({svg, m_out, QStringLiteral("20")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.errors);
    const QImage image(m_out + QStringLiteral("/coffer-20.png"), "PNG");
    ASSERT_EQ(image.size(), QSize(20, 20));
    EXPECT_EQ(qAlpha(image.pixel(0, 0)), 0);
    EXPECT_EQ(image.pixel(10, 10), qRgb(0x1f, 0x6f, 0xeb));
    EXPECT_TRUE(QFile::exists(m_out + QStringLiteral("/coffer.ico")));
    EXPECT_TRUE(QFile::exists(m_out + QStringLiteral("/coffer.icns")));
}

TEST(IconToolArguments, RefusesASizeThatIsNotANumber)
{
    const ToolRun run = runTool({QStringLiteral("coffer.svg"), QStringLiteral("out"), QStringLiteral("big")});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.errors.contains(QStringLiteral("\"big\" is not a size"))) << qPrintable(run.errors);
}

} // namespace
