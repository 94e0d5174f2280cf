#include "connections/ScheduleEditor.h"

#include "Theme.h"
#include "WidgetIdentity.h"
#include "schedule/Schedule.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {
constexpr int kPreviewRuns = 5;
const QString kDaily = QStringLiteral("daily");
const QString kCustom = QStringLiteral("custom");

QString canonical(const QString& text)
{
    const auto parsed = schedule::Schedule::parse(text);
    return parsed.ok() ? parsed->toString() : QString();
}
} // namespace

ScheduleEditor::ScheduleEditor(QWidget* parent)
    : QWidget(parent)
{
    setIdentity(this, QStringLiteral("scheduleEditor"), tr("Schedule"));
    m_preset = new QComboBox(this);
    setIdentity(m_preset, QStringLiteral("schedulePresetCombo"), tr("How often to sync"));
    m_preset->addItem(tr("Every hour"), QStringLiteral("every 1h"));
    m_preset->addItem(tr("Every 4 hours"), QStringLiteral("every 4h"));
    m_preset->addItem(tr("Every 12 hours"), QStringLiteral("every 12h"));
    m_preset->addItem(tr("Daily at a time"), kDaily);
    m_preset->addItem(tr("Custom"), kCustom);
    m_time = new QTimeEdit(QTime(6, 30), this);
    setIdentity(m_time, QStringLiteral("scheduleTimeEdit"), tr("Time of day"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    m_custom = new QLineEdit(this);
    setIdentity(m_custom, QStringLiteral("scheduleCustomEdit"), tr("Custom schedule"));
    m_custom->setPlaceholderText(tr("every 30m \u00b7 daily 06:30 Europe/Paris \u00b7 cron 0 7 * * 1-5"));
    m_error = new QLabel(this);
    setIdentity(m_error, QStringLiteral("scheduleErrorLabel"), tr("Problem with the schedule"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(Theme::errorBoxStyleSheet());
    m_error->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_error->hide();
    m_preview = new QLabel(this);
    setIdentity(m_preview, QStringLiteral("schedulePreviewLabel"), tr("Next runs"));
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_preset);
    row->addWidget(m_time);
    row->addWidget(m_custom, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_error);
    layout->addWidget(m_preview);
    layout->addStretch(1); // a short error leaves the preview's room empty rather than swelling

    connect(m_preset, &QComboBox::currentIndexChanged, this, &ScheduleEditor::onPresetChanged);
    connect(m_time, &QTimeEdit::timeChanged, this, &ScheduleEditor::refresh);
    connect(m_custom, &QLineEdit::textChanged, this, &ScheduleEditor::refresh);
    onPresetChanged();
}

void ScheduleEditor::setSchedule(const QString& text, const QDateTime& lastSuccessAt)
{
    m_lastSuccessAt = lastSuccessAt;
    const auto parsed = text.trimmed().isEmpty()
                            ? model::Result<schedule::Schedule>(schedule::Schedule::defaultSchedule())
                            : schedule::Schedule::parse(text);
    int index = m_preset->findData(kCustom);
    if (parsed.ok()) {
        for (int i = 0; i < m_preset->count(); ++i) {
            if (canonical(m_preset->itemData(i).toString()) == parsed->toString())
                index = i;
        }
        if (parsed->kind() == schedule::Schedule::Kind::Daily && parsed->timeZoneId().isEmpty()) {
            index = m_preset->findData(kDaily);
            m_time->setTime(parsed->timeOfDay());
        }
    }
    m_custom->setText(parsed.ok() ? parsed->toString() : text);
    m_preset->setCurrentIndex(index);
    onPresetChanged();
}

QString ScheduleEditor::scheduleText() const
{
    const QString preset = m_preset->currentData().toString();
    if (preset == kDaily)
        return QStringLiteral("daily ") + m_time->time().toString(QStringLiteral("HH:mm"));
    if (preset == kCustom)
        return m_custom->text().simplified();
    return preset;
}

bool ScheduleEditor::isValid() const
{
    return m_valid;
}

void ScheduleEditor::setPaused(bool paused)
{
    m_paused = paused;
    refresh();
}

void ScheduleEditor::onPresetChanged()
{
    const QString preset = m_preset->currentData().toString();
    m_time->setVisible(preset == kDaily);
    m_custom->setVisible(preset == kCustom);
    refresh();
}

void ScheduleEditor::refresh()
{
    const auto parsed = schedule::Schedule::parse(scheduleText());
    const bool valid = parsed.ok();
    m_error->setVisible(!valid);
    m_error->setText(valid ? QString() : parsed.error().userMessage);
    m_preview->setVisible(valid);
    if (!valid) {
        m_preview->clear();
    } else {
        // As the engine plans: from the last successful sync, or from now when that run is overdue.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const bool fromLast = m_lastSuccessAt.isValid() && parsed->nextAfter(m_lastSuccessAt) > now;
        const QList<QDateTime> runs = parsed->nextRuns(fromLast ? m_lastSuccessAt : now, kPreviewRuns);
        QStringList lines{m_paused
                              ? tr("%1. Paused: none of these runs happen until you resume it.").arg(parsed->describe())
                              : tr("%1. Next five runs:").arg(parsed->describe())};
        const QLocale locale;
        for (const QDateTime& run : runs)
            lines << QStringLiteral("\u2022 ") +
                         locale.toString(run.toLocalTime(), QStringLiteral("ddd d MMM yyyy, HH:mm"));
        m_preview->setText(lines.join(u'\n'));
    }
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
}

} // namespace coffer::ui
