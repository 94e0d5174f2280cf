#pragma once

#include <QList>
#include <QVariantMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace coffer::ui {

// What Coffer read a CSV file as, for the user to confirm or correct: delimiter, date format,
// decimal mark, sign convention and which column holds what. Any change is reported as the whole
// profile (keys as in importers/csv/CsvProfile.h; keys this panel does not show pass through), and
// "Save as profile for this account" keeps it for the next file of that account.
class CsvProfilePanel : public QWidget {
    Q_OBJECT
public:
    explicit CsvProfilePanel(QWidget* parent = nullptr);

    // name: the saved profile's, if it is one; explanation: how it was detected, one line each.
    void showProfile(const QVariantMap& profile, const QString& name = {}, const QStringList& explanation = {});
    QVariantMap profile() const { return m_profile; }
    bool saveRequested() const;
    QString profileName() const;
    QComboBox* choice(const QString& key) const;

Q_SIGNALS:
    void profileChanged(const QVariantMap& profile);

private:
    struct Choice {
        QString key;
        QComboBox* combo = nullptr;
        bool column = false; // a column of the file: the file's headings, or "none"
        QFormLayout* form = nullptr;
    };
    QComboBox* addChoice(const QString& key, const QString& label, const QString& objectName, bool column);
    void fill(Choice& choice);
    QStringList headings() const;

    QVariantMap m_profile;
    QList<Choice> m_choices;
    QFormLayout* m_form = nullptr;
    QCheckBox* m_save = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_explanation = nullptr;
    bool m_filling = false;
};

} // namespace coffer::ui
