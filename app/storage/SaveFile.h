// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QString>

namespace folio {

/// Writes bytes to path whole or not at all (QSaveFile: a temporary file renamed over the old
/// one on success). The Error (Io) names the file and says why: "path: cannot write: …".
/// Any thread.
Result<void> saveFile(const QString& path, const QByteArray& bytes);

} // namespace folio
