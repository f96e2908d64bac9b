// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace folio {

/// What the annotation commands read from the command line.
struct AnnotationCommandOptions
{
    std::optional<QString> quote;
    QString note;
    QString color;
    std::optional<QString> occurrence;
    QString format;
    QStringList tags;
    std::optional<QString> since;
    std::optional<QString> output;
    bool json = false;
};

/// folio-cli annotate, annotations and export (see commandSummary()).
class AnnotationCommands
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    AnnotationCommands(QTextStream& out, QTextStream& err, AnnotationCommandOptions options);

    static QStringList commands();
    /// The lines these commands add to --help.
    static QString summary();

    /// Runs command; returns the exit status (0 ok, 1 failed, 2 usage).
    int run(QSqlDatabase db, const QString& command, const QStringList& args);

private:
    int annotate(QSqlDatabase db, const QStringList& args);
    int annotations(QSqlDatabase db, const QStringList& args);
    int exportAnnotations(QSqlDatabase db, const QStringList& args);
    int fail(const QString& message);
    int usage(const QString& message);

    QTextStream& m_out;
    QTextStream& m_err;
    AnnotationCommandOptions m_options;
};

} // namespace folio
