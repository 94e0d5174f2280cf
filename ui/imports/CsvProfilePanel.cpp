#include "imports/CsvProfilePanel.h"

#include "WidgetIdentity.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace coffer::ui {

namespace {

// The profile's keys (importers/csv/CsvProfile.h).
const QString kDelimiter = QStringLiteral("delimiter");
const QString kDateFormat = QStringLiteral("dateFormat");
const QString kDecimalMark = QStringLiteral("decimalMark");
const QString kSign = QStringLiteral("amountSign");
const QString kEncoding = QStringLiteral("encoding");
const QString kHeadings = QStringLiteral("headers");
// A list of columns joined into the description; the panel offers one (or keeps the list).
const QString kDescriptionColumns = QStringLiteral("descriptionColumns");

// The item of a description made of several columns.
constexpr int kSeveralColumns = -2;

// A column (an index, -1 for none) or a list of them, as the profile holds it.
QList<int> columnsOf(const QVariant& value)
{
    QList<int> columns;
    if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QStringList) {
        for (const QVariant& column : value.toList())
            columns.append(column.toInt());
    } else if (value.isValid() && value.toInt() >= 0) {
        columns.append(value.toInt());
    }
    return columns;
}

struct Option {
    QString text;
    QVariant value;
};

QList<Option> standardOptions(const QString& key)
{
    if (key == kDelimiter)
        return {{CsvProfilePanel::tr("Comma  ,"), QStringLiteral(",")},
                {CsvProfilePanel::tr("Semicolon  ;"), QStringLiteral(";")},
                {CsvProfilePanel::tr("Tab"), QStringLiteral("\t")},
                {CsvProfilePanel::tr("Vertical bar  |"), QStringLiteral("|")}};
    if (key == kDateFormat) {
        QList<Option> formats;
        for (const char* format : {"yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy", "dd-MM-yyyy", "MM-dd-yyyy",
                                   "yyyy/MM/dd", "dd/MM/yy", "MM/dd/yy", "yyyyMMdd"})
            formats.append({QString::fromLatin1(format), QString::fromLatin1(format)});
        return formats;
    }
    if (key == kEncoding) {
        QList<Option> encodings;
        for (const char* name : {"UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", "ISO-8859-1"})
            encodings.append({QString::fromLatin1(name), QString::fromLatin1(name)});
        return encodings;
    }
    if (key == kDecimalMark)
        return {{CsvProfilePanel::tr("Point  1,234.56"), QStringLiteral(".")},
                {CsvProfilePanel::tr("Comma  1.234,56"), QStringLiteral(",")}};
    if (key == kSign)
        return {{CsvProfilePanel::tr("Negative amounts are money out"), QStringLiteral("as-is")},
                {CsvProfilePanel::tr("Positive amounts are money out"), QStringLiteral("negated")},
                {CsvProfilePanel::tr("A column says debit or credit"), QStringLiteral("direction")}};
    return {};
}

} // namespace

CsvProfilePanel::CsvProfilePanel(QWidget* parent)
    : QWidget(parent)
{
    setIdentity(this, QStringLiteral("csvProfilePanel"), tr("How the CSV file is read"));
    m_form = new QFormLayout;
    m_form->setContentsMargins(0, 0, 0, 0);
    addChoice(kEncoding, tr("&Encoding:"), QStringLiteral("csvEncodingChoice"), false);
    addChoice(kDelimiter, tr("&Delimiter:"), QStringLiteral("csvDelimiterChoice"), false);
    addChoice(kDateFormat, tr("Date &format:"), QStringLiteral("csvDateFormatChoice"), false);
    addChoice(kDecimalMark, tr("Decimal &mark:"), QStringLiteral("csvDecimalMarkChoice"), false);
    addChoice(kSign, tr("&Signs:"), QStringLiteral("csvSignChoice"), false);
    auto* columns = new QFormLayout;
    columns->setContentsMargins(0, 0, 0, 0);
    std::swap(columns, m_form); // the column mapping sits in a second column of the panel
    addChoice(QStringLiteral("dateColumn"), tr("Date column:"), QStringLiteral("csvDateColumnChoice"), true);
    addChoice(QStringLiteral("amountColumn"), tr("Amount column:"), QStringLiteral("csvAmountColumnChoice"), true);
    addChoice(QStringLiteral("debitColumn"), tr("Debit column:"), QStringLiteral("csvDebitColumnChoice"), true);
    addChoice(QStringLiteral("creditColumn"), tr("Credit column:"), QStringLiteral("csvCreditColumnChoice"), true);
    addChoice(kDescriptionColumns, tr("Description column:"), QStringLiteral("csvDescriptionColumnChoice"), true);
    addChoice(QStringLiteral("counterpartyColumn"), tr("Payee column:"), QStringLiteral("csvPayeeColumnChoice"), true);
    addChoice(QStringLiteral("referenceColumn"), tr("Reference column:"), QStringLiteral("csvReferenceColumnChoice"),
              true);
    std::swap(columns, m_form);

    m_save = new QCheckBox(tr("Sa&ve as profile for this account"), this);
    setIdentity(m_save, QStringLiteral("csvSaveProfileCheck"), tr("Save as profile for this account"));
    m_save->setToolTip(tr("The next CSV file imported into this account is read the same way."));
    m_name = new QLineEdit(this);
    setIdentity(m_name, QStringLiteral("csvProfileNameField"), tr("Profile name"));
    m_name->setPlaceholderText(tr("Profile name"));
    m_name->setEnabled(false);
    connect(m_save, &QCheckBox::toggled, m_name, &QWidget::setEnabled);
    auto* saveRow = new QHBoxLayout;
    saveRow->addWidget(m_save);
    saveRow->addWidget(m_name, 1);

    m_explanation = new QLabel(this);
    setIdentity(m_explanation, QStringLiteral("csvProfileExplanation"), tr("How Coffer read the file"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation->setForegroundRole(QPalette::PlaceholderText);
    m_explanation->hide();

    auto* top = new QHBoxLayout;
    top->addLayout(m_form, 1);
    top->addSpacing(18);
    top->addLayout(columns, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_explanation);
    layout->addLayout(saveRow);
}

QComboBox* CsvProfilePanel::addChoice(const QString& key, const QString& label, const QString& objectName, bool column)
{
    auto* combo = new QComboBox(this);
    QString accessible = label;
    accessible.remove(u'&');
    accessible.chop(1); // the colon
    setIdentity(combo, objectName, accessible);
    auto* caption = new QLabel(label, this);
    setIdentity(caption, objectName + QStringLiteral("Label"), accessible);
    caption->setBuddy(combo); // Alt+letter reaches the choice
    m_form->addRow(caption, combo);
    m_choices.append({key, combo, column, m_form});
    connect(combo, &QComboBox::activated, this, [this, key, combo] {
        if (m_filling)
            return;
        const QVariant chosen = combo->currentData();
        if (key != kDescriptionColumns)
            m_profile.insert(key, chosen);
        else if (chosen.toInt() != kSeveralColumns)
            m_profile.insert(key, chosen.toInt() < 0 ? QVariantList{} : QVariantList{chosen});
        Q_EMIT profileChanged(m_profile);
    });
    return combo;
}

QComboBox* CsvProfilePanel::choice(const QString& key) const
{
    for (const Choice& c : m_choices) {
        if (c.key == key)
            return c.combo;
    }
    return nullptr;
}

QStringList CsvProfilePanel::headings() const
{
    QStringList names = m_profile.value(kHeadings).toStringList();
    int highest = -1;
    for (const Choice& c : m_choices) {
        if (c.column)
            for (int column : columnsOf(m_profile.value(c.key)))
                highest = qMax(highest, column);
    }
    for (qsizetype i = names.size(); i <= highest; ++i)
        names.append(tr("Column %1").arg(i + 1));
    return names;
}

void CsvProfilePanel::fill(Choice& choice)
{
    QComboBox* combo = choice.combo;
    combo->clear();
    const QVariant current = m_profile.value(choice.key);
    if (choice.column) {
        combo->addItem(tr("(none)"), -1);
        const QStringList names = headings();
        for (int i = 0; i < names.size(); ++i)
            combo->addItem(names.at(i).isEmpty() ? tr("Column %1").arg(i + 1) : names.at(i), i);
        const QList<int> columns = columnsOf(current);
        if (columns.size() > 1) { // several columns joined: kept as they are unless the user picks one
            QStringList joined;
            for (int column : columns)
                joined.append(combo->itemText(combo->findData(column)));
            combo->addItem(joined.join(QStringLiteral(" + ")), kSeveralColumns);
        }
        const int shown = columns.size() > 1 ? kSeveralColumns : columns.value(0, -1);
        combo->setCurrentIndex(qMax(0, combo->findData(shown)));
        return;
    }
    for (const Option& option : standardOptions(choice.key))
        combo->addItem(option.text, option.value);
    int index = combo->findData(current);
    if (index < 0 && current.isValid()) {
        combo->addItem(current.toString(), current); // what the file uses, even if unusual
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(qMax(0, index));
}

void CsvProfilePanel::showProfile(const QVariantMap& profile, const QString& name, const QStringList& explanation)
{
    m_explanation->setText(tr("How Coffer read it: %1").arg(explanation.join(QStringLiteral(" \u00b7 "))));
    m_explanation->setVisible(!explanation.isEmpty());
    if (!name.isEmpty() && m_name->text().isEmpty())
        m_name->setText(name);
    m_filling = true;
    m_profile = profile;
    for (Choice& choice : m_choices) {
        fill(choice);
        // A key the profile does not use (no debit column in a one-amount file) is hidden.
        const bool used = profile.contains(choice.key) || !choice.column;
        choice.form->setRowVisible(choice.combo, used);
    }
    m_filling = false;
}

bool CsvProfilePanel::saveRequested() const
{
    return m_save->isChecked();
}

QString CsvProfilePanel::profileName() const
{
    return m_name->text().trimmed();
}

} // namespace coffer::ui
