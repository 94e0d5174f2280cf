#include "export/AccountNames.h"

#include <QSet>

namespace coffer::exporting {

namespace {

// Characters Ledger reads as syntax inside a posting's account name.
bool ledgerSyntax(QChar c)
{
    static const QString kSyntax = QStringLiteral(":;()[]@=*!#|\"");
    return kSyntax.contains(c);
}

QString ledgerComponent(const QString& text)
{
    QString out = oneLine(text);
    for (QChar& c : out) {
        if (ledgerSyntax(c))
            c = u' ';
    }
    return out.simplified();
}

QString beancountComponent(const QString& text)
{
    // Accents dropped to their base letter ("Épargne" -> "Epargne"); apostrophes dropped so
    // "Joe's" stays one word; anything else that is not a letter or digit separates words.
    const QString plain = text.normalized(QString::NormalizationForm_KD);
    QStringList words;
    QString word;
    for (const QChar c : plain) {
        const char16_t u = c.unicode();
        const bool ascii = u < 128;
        if (ascii && (c.isLetterOrNumber()))
            word += c;
        else if (c == u'\'' || c == QChar(0x2019) || (!ascii && c.isMark()))
            continue;
        else if (!word.isEmpty()) {
            words << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        words << word;
    for (QString& w : words)
        w[0] = w[0].toUpper();
    return words.join(u'-');
}

} // namespace

QString AccountNames::component(Style style, const QString& text)
{
    return style == Style::Ledger ? ledgerComponent(text) : beancountComponent(text);
}

AccountNames::AccountNames(Style style, const QList<ExportAccount>& accounts)
    : m_style(style)
{
    const QChar space = style == Style::Ledger ? QChar(u' ') : QChar(u'-');
    QSet<QString> taken;
    for (const ExportAccount& e : accounts) {
        const model::Account& a = e.account;
        QString name =
            a.kind == model::AccountKind::CreditCard ? QStringLiteral("Liabilities") : QStringLiteral("Assets");
        if (const QString institution = component(style, a.institution); !institution.isEmpty())
            name += u':' + institution;
        QString leaf = component(style, a.name);
        if (leaf.isEmpty())
            leaf = QStringLiteral("Account") + space + QString::number(a.id);
        name += u':' + leaf;
        if (taken.contains(name))
            name += space + QString::number(a.id); // two accounts of the same name stay apart
        taken.insert(name);
        m_names.insert(a.id, name);
    }
}

QString AccountNames::forCategory(const QString& category, bool moneyOut) const
{
    QString leaf = component(m_style, category);
    if (leaf.isEmpty())
        leaf = QStringLiteral("Uncategorized");
    else
        leaf[0] = leaf[0].toUpper();
    return (moneyOut ? QStringLiteral("Expenses:") : QStringLiteral("Income:")) + leaf;
}

QString AccountNames::postings(const model::Transaction& t, const QString& indent) const
{
    const QString currency = u' ' + t.amount.currency() + u'\n';
    return indent + forAccount(t.accountId) + QStringLiteral("  ") + t.amount.toDecimalString() + currency + indent +
           forCategory(t.category, t.amount.isNegative()) + QStringLiteral("  ") +
           t.amount.negated().toDecimalString() + currency;
}

} // namespace coffer::exporting
