// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CommandLine.h"

#include "cli/AnnotationCommands.h"
#include "cli/ArticleCommands.h"
#include "cli/FeedCommands.h"
#include "cli/ImportCommands.h"
#include "cli/MaintenanceCommands.h"
#include "cli/OfflineCommands.h"
#include "cli/TagCommands.h"
#include "cli/TeamCommands.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace folio {

using cli::Command;

namespace {

// The dispatch table: one line per command group (see app/cli/README.md to add one).
using CommandGroup = QList<Command> (*)();
const CommandGroup kCommandGroups[] = {
    &cli::ImportCommands::commands,
    &cli::ArticleCommands::commands,
    &cli::TagCommands::commands,
    &cli::FeedCommands::commands,
    &cli::AnnotationCommands::commands,
    &cli::TeamCommands::commands,
    &cli::MaintenanceCommands::commands,
    &cli::OfflineCommands::commands,
};

const QCommandLineOption kVersion(QStringList{u"v"_s, u"version"_s}, CommandLine::tr("Show the version."));

// QCommandLineParser::helpText() starts with "Usage: <the path the program was started as> …";
// ours names folio-cli.
QString helpWithUsage(const QCommandLineParser& parser, const QString& usage)
{
    QString text = parser.helpText();
    const qsizetype end = text.indexOf(u'\n');
    return CommandLine::tr("Usage: %1").arg(usage) + (end < 0 ? QString() : text.mid(end));
}

// text in lines of at most width characters, every line after the first indented by indent.
QString wrapped(const QString& text, int indent, int width)
{
    QString out;
    int column = indent;
    for (const QString& word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (column > indent && column + 1 + word.size() > width) {
            out += u'\n' + QString(indent, u' ');
            column = indent;
        } else if (column > indent) {
            out += u' ';
            ++column;
        }
        out += word;
        column += static_cast<int>(word.size());
    }
    return out;
}

// The command is the first argument that is neither an option nor an option's value.
QString findCommand(const QStringList& arguments, const QSet<QString>& optionsWithValues)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (arg == "--"_L1) {
            return arguments.value(i + 1);
        }
        if (arg.size() > 1 && arg.startsWith(u'-')) {
            const QString name = arg.mid(arg.startsWith("--"_L1) ? 2 : 1);
            if (!name.contains(u'=') && optionsWithValues.contains(name)) {
                ++i;
            }
            continue;
        }
        return arg;
    }
    return {};
}

} // namespace

CommandLine::CommandLine(QTextStream& out, QTextStream& err)
    : m_out(out)
    , m_err(err)
{
}

QList<Command> CommandLine::commands()
{
    QList<Command> all;
    for (const CommandGroup group : kCommandGroups) {
        all.append(group());
    }
    return all;
}

int CommandLine::usage(const QString& message, const QString& command)
{
    m_err << "folio-cli: " << message << Qt::endl
          << (command.isEmpty() ? tr("Try 'folio-cli --help'.") : tr("Try 'folio-cli %1 --help'.").arg(command))
          << Qt::endl;
    return cli::kExitUsage;
}

QString CommandLine::overallHelp() const
{
    QString list;
    for (const Command& command : commands()) {
        const QString call = command.synopsis.isEmpty() ? command.name : command.name + u' ' + command.synopsis;
        list += u"  "_s + call;
        list += call.size() < 20 ? QString(20 - call.size(), u' ') : u"\n"_s + QString(22, u' ');
        list += wrapped(command.summary, 22, 80) + u'\n';
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Folio %1, headless: the article library from the command line.").arg(QString::fromLatin1(FOLIO_VERSION))
        + u"\n\n"_s + tr("Commands:") + u'\n' + list + u'\n'
        + tr("'folio-cli COMMAND --help' shows the options of one command."));
    parser.addOptions(cli::globalOptions());
    parser.addOption(kVersion);
    return helpWithUsage(parser, u"folio-cli [options] COMMAND [ARGS...]"_s);
}

int CommandLine::run(const QStringList& arguments)
{
    const QList<Command> all = commands();
    QSet<QString> optionsWithValues;
    for (const Command& command : all) {
        for (const QCommandLineOption& option : command.options) {
            if (!option.valueName().isEmpty()) {
                for (const QString& name : option.names()) {
                    optionsWithValues.insert(name);
                }
            }
        }
    }
    for (const QCommandLineOption& option : cli::globalOptions()) {
        if (!option.valueName().isEmpty()) {
            optionsWithValues.insert(option.names().constFirst());
        }
    }

    const QString name = findCommand(arguments, optionsWithValues);
    const auto found = std::find_if(all.cbegin(), all.cend(), [&name](const Command& c) { return c.name == name; });
    if (!name.isEmpty() && found == all.cend()) {
        return usage(tr("unknown command \"%1\"").arg(name));
    }

    QCommandLineParser parser;
    parser.addOptions(cli::globalOptions());
    if (found == all.cend()) {
        parser.addOption(kVersion);
    } else {
        parser.addOptions(found->options);
        parser.setApplicationDescription(found->summary);
    }
    if (!parser.parse(arguments)) {
        return usage(parser.errorText(), name);
    }
    if (parser.isSet(u"help"_s)) {
        m_out << (found == all.cend()
                      ? overallHelp()
                      : helpWithUsage(parser, u"folio-cli "_s + found->name
                                                  + (found->synopsis.isEmpty() ? QString() : u' ' + found->synopsis)));
        return cli::kExitOk;
    }
    if (found == all.cend()) {
        if (parser.isSet(kVersion)) {
            m_out << "folio-cli " << FOLIO_VERSION << Qt::endl;
            return cli::kExitOk;
        }
        return usage(tr("no command given"));
    }
    QStringList args = parser.positionalArguments();
    args.removeFirst(); // the command's name
    cli::Context context(m_out, m_err, parser, found->name);
    if (found->needsLibrary) {
        if (auto db = context.openLibrary(); !db) {
            return context.fail(db.error().toString());
        }
    }
    return found->run(context, args);
}

} // namespace folio
