#include "IconSource.h"

#include <QFile>
#include <QPainter>
#include <QXmlStreamReader>

namespace coffer::iconset {

bool IconSource::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = path + QStringLiteral(": cannot read it (") + file.errorString() + QStringLiteral(")");
        return false;
    }
    const QByteArray svg = file.read(kMaxBytes + 1);
    if (svg.size() > kMaxBytes) {
        m_error = path + QStringLiteral(": larger than 1 MiB; an icon's SVG source is a few kilobytes");
        return false;
    }
    // QtSvg says only that it failed; the XML reader says where.
    QXmlStreamReader xml(svg);
    while (!xml.atEnd())
        xml.readNext();
    if (xml.hasError()) {
        m_error = path + QStringLiteral(": line %1, column %2: not an SVG drawing, not even well-formed XML (%3)")
                             .arg(xml.lineNumber())
                             .arg(xml.columnNumber())
                             .arg(xml.errorString());
        return false;
    }
    if (!m_renderer.load(svg) || !m_renderer.isValid()) {
        m_error = path + QStringLiteral(": not an SVG drawing QtSvg can read");
        return false;
    }
    const QRectF box = m_renderer.viewBoxF();
    if (box.isEmpty() || !qFuzzyCompare(box.width(), box.height())) {
        m_error = path + QStringLiteral(": the drawing is %1 x %2; an icon's must be square and not empty")
                             .arg(box.width())
                             .arg(box.height());
        return false;
    }
    m_error.clear();
    return true;
}

QImage IconSource::render(int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    m_renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    return image.convertToFormat(QImage::Format_ARGB32);
}

} // namespace coffer::iconset
