#pragma once

#include <QImage>
#include <QString>
#include <QSvgRenderer>

namespace coffer::iconset {

// The one SVG drawing every icon size is rendered from. load() reads at most kMaxBytes and refuses
// what QtSvg cannot parse or a drawing that is not square, with a message naming the file.
class IconSource {
public:
    static constexpr qint64 kMaxBytes = 1024 * 1024;

    bool load(const QString& path);
    QString error() const { return m_error; }
    // size x size pixels, antialiased, transparent wherever the drawing does not paint.
    QImage render(int size);

private:
    QSvgRenderer m_renderer;
    QString m_error;
};

} // namespace coffer::iconset
