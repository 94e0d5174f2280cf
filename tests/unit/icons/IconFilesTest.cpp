// The icons the build renders from resources/icons/coffer.svg, read back the way a Linux desktop,
// Windows' shell and macOS' Finder read them: the right sizes, a drawing in the middle and nothing
// outside the shape, and the same picture in every format.

#include <QByteArray>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QMap>
#include <QSet>
#include <QString>
#include <QtEndian>

#include <gtest/gtest.h>

namespace {

const QString kRendered = QStringLiteral(COFFER_ICON_DIR);

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString png(int size)
{
    return kRendered + QStringLiteral("/coffer-%1.png").arg(size);
}

// What a user sees of an icon: the right size, opaque colour in the middle, transparent corners
// (the rounded square does not fill them), and a drawing (more than one colour), not a flat tile.
void expectIcon(const QImage& decoded, int size, const QString& what)
{
    ASSERT_FALSE(decoded.isNull()) << qPrintable(what) << " does not decode";
    ASSERT_EQ(decoded.width(), size) << qPrintable(what);
    ASSERT_EQ(decoded.height(), size) << qPrintable(what);
    const QImage image = decoded.convertToFormat(QImage::Format_ARGB32);
    const int last = size - 1;
    for (const QPoint corner : {QPoint(0, 0), QPoint(last, 0), QPoint(0, last), QPoint(last, last)})
        EXPECT_EQ(qAlpha(image.pixel(corner)), 0) << qPrintable(what) << " corner " << corner.x() << "," << corner.y();
    EXPECT_EQ(qAlpha(image.pixel(size / 2, size / 2)), 255) << qPrintable(what) << " middle";
    QSet<QRgb> colours;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            if (qAlpha(image.pixel(x, y)) == 255)
                colours.insert(image.pixel(x, y));
        }
    }
    EXPECT_GE(colours.size(), 3) << qPrintable(what) << " is a flat tile, not the drawing";
}

void expectSamePicture(const QImage& a, const QImage& b, const QString& what)
{
    EXPECT_TRUE(a.convertToFormat(QImage::Format_ARGB32) == b.convertToFormat(QImage::Format_ARGB32))
        << qPrintable(what) << " shows another picture than " << qPrintable(png(a.width()));
}

TEST(IconFiles, HicolorPngsHaveEveryThemeSize)
{
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        expectIcon(QImage(png(size), "PNG"), size, png(size));
}

TEST(IconFiles, SmallIconsHaveSharpEdges)
{
    // At 16 and 32 px the tile's straight edges fall on pixel boundaries: across the middle row
    // and column, transparent turns to fully opaque with no half-covered pixel (a blurred edge).
    for (int size : {16, 32}) {
        const QImage image = QImage(png(size), "PNG").convertToFormat(QImage::Format_ARGB32);
        ASSERT_FALSE(image.isNull()) << qPrintable(png(size));
        const int mid = size / 2;
        for (int i = 0; i < size; ++i) {
            for (const QPoint p : {QPoint(i, mid), QPoint(mid, i)}) {
                const int alpha = qAlpha(image.pixel(p));
                EXPECT_TRUE(alpha == 0 || alpha == 255)
                    << size << " px: alpha " << alpha << " at " << p.x() << "," << p.y();
            }
        }
    }
}

TEST(IconFiles, IcoListsItsSizesAndEachEntryDecodes)
{
    const QString path = kRendered + QStringLiteral("/coffer.ico");
    const QByteArray ico = readAll(path);
    ASSERT_GE(ico.size(), 6) << qPrintable(path);
    const auto* bytes = reinterpret_cast<const uchar*>(ico.constData());
    EXPECT_EQ(qFromLittleEndian<quint16>(bytes), 0);     // reserved
    EXPECT_EQ(qFromLittleEndian<quint16>(bytes + 2), 1); // 1: icon (2 would be a cursor)
    const int count = qFromLittleEndian<quint16>(bytes + 4);
    ASSERT_EQ(count, 6);
    ASSERT_GE(ico.size(), 6 + 16 * count);

    QList<int> sizes;
    qint64 end = 6 + 16 * count; // entries follow the directory, one after the other
    for (int i = 0; i < count; ++i) {
        const uchar* entry = bytes + 6 + 16 * i;
        const int width = entry[0] == 0 ? 256 : entry[0];
        const int height = entry[1] == 0 ? 256 : entry[1];
        EXPECT_EQ(width, height) << "entry " << i;
        EXPECT_EQ(qFromLittleEndian<quint16>(entry + 4), 1) << "planes, entry " << i;
        EXPECT_EQ(qFromLittleEndian<quint16>(entry + 6), 32) << "bits per pixel, entry " << i;
        const quint32 length = qFromLittleEndian<quint32>(entry + 8);
        const quint32 offset = qFromLittleEndian<quint32>(entry + 12);
        EXPECT_EQ(offset, end) << "entry " << i;
        end = qint64(offset) + length;
        ASSERT_LE(end, ico.size()) << "entry " << i << " runs past the end of the file";
        sizes.append(width);
    }
    EXPECT_EQ(end, ico.size());
    EXPECT_EQ(sizes, QList<int>({16, 24, 32, 48, 64, 256}));

    // Qt's own ICO reader, a decoder independent of the writer.
    QImageReader reader(path, "ico");
    ASSERT_TRUE(reader.canRead()) << qPrintable(reader.errorString());
    ASSERT_EQ(reader.imageCount(), count);
    for (int i = 0; i < count; ++i) {
        ASSERT_TRUE(reader.jumpToImage(i));
        const QImage image = reader.read();
        const QString what = path + QStringLiteral(" entry %1").arg(i);
        expectIcon(image, sizes[i], what);
        expectSamePicture(QImage(png(sizes[i]), "PNG"), image, what);
    }
}

TEST(IconFiles, IcnsLengthIsTheFileSizeAndEachEntryIsAPngOfItsSize)
{
    const QString path = kRendered + QStringLiteral("/coffer.icns");
    const QByteArray icns = readAll(path);
    ASSERT_GE(icns.size(), 8) << qPrintable(path);
    const auto* bytes = reinterpret_cast<const uchar*>(icns.constData());
    EXPECT_EQ(icns.left(4), QByteArray("icns"));
    EXPECT_EQ(qFromBigEndian<quint32>(bytes + 4), quint32(icns.size()));

    const QMap<QByteArray, int> expected{{"icp4", 16},  {"icp5", 32},  {"icp6", 64},   {"ic07", 128},
                                         {"ic08", 256}, {"ic09", 512}, {"ic10", 1024}, {"ic11", 32},
                                         {"ic12", 64},  {"ic13", 256}, {"ic14", 512}};
    QMap<QByteArray, int> seen;
    qsizetype at = 8;
    while (at < icns.size()) {
        ASSERT_LE(at + 8, icns.size()) << "a truncated entry header at byte " << at;
        const QByteArray type = icns.mid(at, 4);
        const quint32 length = qFromBigEndian<quint32>(bytes + at + 4);
        ASSERT_GE(length, 8u) << type.constData();
        ASSERT_LE(at + qsizetype(length), icns.size()) << type.constData() << " runs past the end of the file";
        ASSERT_TRUE(expected.contains(type)) << "unexpected entry " << type.constData();
        const QByteArray payload = icns.mid(at + 8, length - 8);
        EXPECT_TRUE(payload.startsWith("\x89PNG\r\n\x1a\n")) << type.constData();
        const QImage image = QImage::fromData(payload, "PNG");
        const int size = expected.value(type);
        expectIcon(image, size, path + QStringLiteral(" ") + QString::fromLatin1(type));
        if (size <= 512)
            expectSamePicture(QImage(png(size), "PNG"), image, QString::fromLatin1(type));
        seen[type] += 1;
        at += length;
    }
    EXPECT_EQ(at, icns.size());
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        EXPECT_EQ(seen.value(it.key()), 1) << it.key().constData();
}

} // namespace
