#include "IconFormats.h"

#include <QBuffer>
#include <QDataStream>
#include <QIODevice>

namespace coffer::iconset {

namespace {

constexpr int kIcoDirSize = 6;
constexpr int kIcoEntrySize = 16;
constexpr int kBitmapInfoHeaderSize = 40;

// BITMAPINFOHEADER, then the pixels bottom-up as BGRA, then the 1-bit AND mask bottom-up with rows
// padded to 32 bits (set where the pixel is fully transparent, for readers that ignore alpha).
QByteArray dib(const QImage& source)
{
    const QImage image = source.convertToFormat(QImage::Format_ARGB32);
    const int w = image.width();
    const int h = image.height();
    const int maskStride = ((w + 31) / 32) * 4;
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setByteOrder(QDataStream::LittleEndian);
    s << quint32(kBitmapInfoHeaderSize) << qint32(w) << qint32(h * 2) // colour and mask halves
      << quint16(1) << quint16(32) << quint32(0)                      // planes, bits, BI_RGB
      << quint32(w * h * 4 + maskStride * h) << qint32(0) << qint32(0) << quint32(0) << quint32(0);
    for (int y = h - 1; y >= 0; --y) {
        const auto* row = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < w; ++x)
            s << quint8(qBlue(row[x])) << quint8(qGreen(row[x])) << quint8(qRed(row[x])) << quint8(qAlpha(row[x]));
    }
    for (int y = h - 1; y >= 0; --y) {
        QByteArray mask(maskStride, '\0');
        const auto* row = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < w; ++x) {
            if (qAlpha(row[x]) == 0)
                mask[x / 8] = char(mask[x / 8] | (0x80 >> (x % 8)));
        }
        s.writeRawData(mask.constData(), int(mask.size()));
    }
    return out;
}

} // namespace

QByteArray pngBytes(const QImage& image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

QByteArray icoFile(const QList<QImage>& images)
{
    QList<QByteArray> payloads;
    for (const QImage& image : images)
        payloads.append(image.width() >= 256 ? pngBytes(image) : dib(image));

    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setByteOrder(QDataStream::LittleEndian);
    s << quint16(0) << quint16(1) << quint16(images.size()); // reserved, type 1 = icon, count
    quint32 offset = kIcoDirSize + kIcoEntrySize * quint32(images.size());
    for (qsizetype i = 0; i < images.size(); ++i) {
        const int w = images[i].width();
        const int h = images[i].height();
        // Width and height are one byte each; 0 means 256.
        s << quint8(w >= 256 ? 0 : w) << quint8(h >= 256 ? 0 : h) << quint8(0) << quint8(0) // no palette
          << quint16(1) << quint16(32) << quint32(payloads[i].size()) << offset;
        offset += quint32(payloads[i].size());
    }
    for (const QByteArray& payload : payloads)
        s.writeRawData(payload.constData(), int(payload.size()));
    return out;
}

QByteArray icnsFile(const QList<QByteArray>& pngs)
{
    constexpr int kHeaderSize = 8;
    QByteArray entries;
    QDataStream s(&entries, QIODevice::WriteOnly);
    s.setByteOrder(QDataStream::BigEndian);
    for (qsizetype i = 0; i < pngs.size() && i < kIcnsEntries.size(); ++i) {
        s.writeRawData(kIcnsEntries[i].type, 4);
        s << quint32(kHeaderSize + pngs[i].size());
        s.writeRawData(pngs[i].constData(), int(pngs[i].size()));
    }
    QByteArray out;
    QDataStream file(&out, QIODevice::WriteOnly);
    file.setByteOrder(QDataStream::BigEndian);
    file.writeRawData("icns", 4);
    file << quint32(kHeaderSize + entries.size());
    file.writeRawData(entries.constData(), int(entries.size()));
    return out;
}

} // namespace coffer::iconset
