// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "TestConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace folio::test {

QString dataPath(const QString& relative)
{
    return QDir(QString::fromUtf8(FOLIO_TEST_DATA_DIR)).filePath(relative);
}

QByteArray readData(const QString& relative)
{
    QFile file(dataPath(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("missing test data: %s", qPrintable(file.fileName()));
        return {};
    }
    return file.readAll();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    return file.write(bytes) == bytes.size();
}

} // namespace folio::test
