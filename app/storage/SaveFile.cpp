// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/SaveFile.h"

#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace folio {

Result<void> saveFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return makeError(Error::Code::Io, u"cannot write: %1"_s.arg(file.errorString()), path);
    }
    return {};
}

} // namespace folio
