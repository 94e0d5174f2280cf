// coffer-iconset: renders every icon Coffer ships from its one SVG source, at build time.
//   coffer-iconset SVG OUTPUT_DIR SIZE...
// writes OUTPUT_DIR/NAME-SIZE.png for each SIZE (the hicolor theme's sizes), OUTPUT_DIR/NAME.ico
// (Windows) and OUTPUT_DIR/NAME.icns (macOS), NAME being the SVG's file name without ".svg".
// Nothing is written unless the SVG loads; each file is replaced whole (QSaveFile).

#include "IconFormats.h"
#include "IconSource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QSaveFile>

#include <cstdio>

using namespace coffer::iconset;

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "coffer-iconset: %s\n", qPrintable(message));
    return 1;
}

bool write(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    *error = path + QStringLiteral(": cannot write it (") + file.errorString() + QStringLiteral(")");
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() < 3)
        return fail(QStringLiteral("usage: coffer-iconset SVG OUTPUT_DIR SIZE..."));
    QList<int> pngSizes;
    for (const QString& arg : args.mid(2)) {
        bool ok = false;
        const int size = arg.toInt(&ok);
        if (!ok || size < 1 || size > 1024)
            return fail(QStringLiteral("\"%1\" is not a size from 1 to 1024 pixels").arg(arg));
        pngSizes.append(size);
    }

    IconSource source;
    if (!source.load(args[0]))
        return fail(source.error());
    const QDir out(args[1]);
    if (!out.mkpath(QStringLiteral(".")))
        return fail(args[1] + QStringLiteral(": cannot create the folder"));
    const QString name = QFileInfo(args[0]).completeBaseName();

    QMap<int, QImage> images; // each size rendered once, straight from the SVG
    QMap<int, QByteArray> pngs;
    auto image = [&](int size) -> const QImage& {
        if (!images.contains(size))
            images.insert(size, source.render(size));
        return images[size];
    };
    auto png = [&](int size) -> const QByteArray& {
        if (!pngs.contains(size))
            pngs.insert(size, pngBytes(image(size)));
        return pngs[size];
    };

    QString error;
    for (int size : pngSizes) {
        if (!write(out.filePath(QStringLiteral("%1-%2.png").arg(name).arg(size)), png(size), &error))
            return fail(error);
    }
    QList<QImage> icoImages;
    for (int size : kIcoSizes)
        icoImages.append(image(size));
    if (!write(out.filePath(name + QStringLiteral(".ico")), icoFile(icoImages), &error))
        return fail(error);
    QList<QByteArray> icnsPngs;
    for (const IcnsEntry& entry : kIcnsEntries)
        icnsPngs.append(png(entry.pixels));
    if (!write(out.filePath(name + QStringLiteral(".icns")), icnsFile(icnsPngs), &error))
        return fail(error);
    return 0;
}
