#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>

namespace coffer::iconset {

// The sizes a Windows .ico carries: the shell's small and large icons at 100-200% scaling, and the
// 256 px of large-icon views.
inline const QList<int> kIcoSizes{16, 24, 32, 48, 64, 256};

// A Windows icon file (ICONDIR, one ICONDIRENTRY per image, then the images). Images under 256 px
// are 32-bit BGRA DIBs with an AND mask, which every Windows version reads; 256 px is stored as PNG
// (Windows Vista and later). Every image must be square, 1 to 256 px.
QByteArray icoFile(const QList<QImage>& images);

// One image of a macOS .icns: its OSType and its pixel size. The @2x types (ic11-ic14) reuse the
// pixels of the size they double to.
struct IcnsEntry {
    const char* type;
    int pixels;
};
inline const QList<IcnsEntry> kIcnsEntries{{"icp4", 16},  {"icp5", 32},  {"icp6", 64},   {"ic07", 128},
                                           {"ic08", 256}, {"ic09", 512}, {"ic10", 1024}, {"ic11", 32},
                                           {"ic12", 64},  {"ic13", 256}, {"ic14", 512}};

// A macOS icon file: "icns", the file length, then per entry its type, length and PNG payload
// (all big-endian). `pngs` has one PNG per kIcnsEntries entry, in that order.
QByteArray icnsFile(const QList<QByteArray>& pngs);

QByteArray pngBytes(const QImage& image);

} // namespace coffer::iconset
