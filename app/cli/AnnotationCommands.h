// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"

namespace folio::cli {

/// folio-cli annotate, annotations and export: highlights, notes and what leaves Folio.
class AnnotationCommands
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static QList<Command> commands();

private:
    explicit AnnotationCommands(Context& context)
        : m_c(context)
    {
    }
    int annotate(QSqlDatabase db, const QStringList& args);
    int annotations(QSqlDatabase db, const QStringList& args);
    int exportAnnotations(QSqlDatabase db, const QStringList& args);

    Context& m_c;
};

} // namespace folio::cli
