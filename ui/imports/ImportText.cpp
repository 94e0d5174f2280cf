#include "imports/ImportText.h"

#include "Format.h"

#include <QFileInfo>
#include <QLocale>
#include <QStringList>

namespace coffer::ui {

using model::ImportOutcome;

QString ImportText::outcomeName(ImportOutcome outcome)
{
    switch (outcome) {
    case ImportOutcome::Added:
        return tr("To add");
    case ImportOutcome::Matched:
        return tr("Already there");
    case ImportOutcome::Duplicate:
        return tr("Already imported");
    case ImportOutcome::Updated:
        return tr("Updated");
    case ImportOutcome::Removed:
        return tr("Removed");
    case ImportOutcome::Invalid:
        return tr("Invalid");
    }
    return {};
}

QString ImportText::outcomeHelp(ImportOutcome outcome)
{
    switch (outcome) {
    case ImportOutcome::Added:
        return tr("new; it will be added as it is.");
    case ImportOutcome::Matched:
        return tr("the same transaction is already stored (from a sync or another file); it is counted once.");
    case ImportOutcome::Duplicate:
        return tr("this record was imported before and has not changed; nothing to do.");
    case ImportOutcome::Updated:
        return tr("an earlier import of this record changes.");
    case ImportOutcome::Removed:
        return tr("the file takes back a record an earlier import added.");
    case ImportOutcome::Invalid:
        return tr("it cannot be used; it is set aside and not imported.");
    }
    return {};
}

namespace {

// Each count in two wordings: what a preview says will happen, what an import did.
struct CountWords {
    int model::ImportCounts::*count;
    const char* preview;
    const char* done;
};

const CountWords kCountWords[] = {
    {&model::ImportCounts::added, QT_TRANSLATE_NOOP("coffer::ui::ImportText", "%n to add"),
     QT_TRANSLATE_NOOP("coffer::ui::ImportText", "%n added")},
    {&model::ImportCounts::matched, QT_TRANSLATE_NOOP("coffer::ui::ImportText", "%n already there"),
     QT_TRANSLATE_NOOP("coffer::ui::ImportText", "%n matched to what was there")},
    {&model::ImportCounts::duplicates, QT_TRANSLATE_NOOP("coffer::ui::ImportText", "%n already imported"),
     QT_TRANSLATE_NOOP("coffer::ui::ImportText", "%n skipped (already imported)")},
    {&model::ImportCounts::updated, QT_TRANSLATE_NOOP("coffer::ui::ImportText", "%n to update"),
     QT_TRANSLATE_NOOP("coffer::ui::ImportText", "%n updated")},
    {&model::ImportCounts::removed, QT_TRANSLATE_NOOP("coffer::ui::ImportText", "%n to remove"),
     QT_TRANSLATE_NOOP("coffer::ui::ImportText", "%n removed")},
    {&model::ImportCounts::invalid, QT_TRANSLATE_NOOP("coffer::ui::ImportText", "%n invalid"),
     QT_TRANSLATE_NOOP("coffer::ui::ImportText", "%n invalid (set aside)")},
};

// The counts that are not zero (the first, added, always), joined.
QString countsText(const model::ImportCounts& counts, bool done)
{
    QStringList parts;
    for (const CountWords& words : kCountWords) {
        const int n = counts.*words.count;
        if (n > 0 || words.count == &model::ImportCounts::added)
            parts.append(
                QCoreApplication::translate("coffer::ui::ImportText", done ? words.done : words.preview, nullptr, n));
    }
    return parts.join(ImportText::tr(", "));
}

} // namespace

QString ImportText::previewCounts(const model::ImportCounts& counts)
{
    return countsText(counts, false);
}

QString ImportText::recordCounts(const model::ImportCounts& counts)
{
    return countsText(counts, true);
}

QString ImportText::finished(const model::ImportReport& report)
{
    return tr("Imported %1: %2.").arg(fileName(report.path), countsText(report.counts, true));
}

QString ImportText::undoQuestion(const model::ImportRecord& record)
{
    const model::ImportCounts& c = record.counts;
    QString text = tr("Undo the import of %1 (%2)?")
                       .arg(record.file, QLocale().toString(record.at.toLocalTime(), QLocale::ShortFormat));
    QStringList parts;
    if (c.added > 0)
        parts.append(tr("what it added is removed (%1)").arg(Format::transactionCount(c.added)));
    if (c.matched > 0)
        parts.append(tr("what it matched is split from the transactions that were already there (%1)")
                         .arg(Format::transactionCount(c.matched)));
    if (c.updated > 0 || c.removed > 0)
        parts.append(tr("its changes to earlier imports are reverted (%1)")
                         .arg(Format::transactionCount(c.updated + c.removed)));
    if (parts.isEmpty())
        return text + u' ' + tr("It changed nothing, so nothing else changes.");
    return text + u' ' + tr("Taken back: %1.").arg(parts.join(tr("; ")));
}

QString ImportText::fileName(const QString& path)
{
    return QFileInfo(path).fileName();
}

} // namespace coffer::ui
