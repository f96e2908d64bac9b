// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QColor>
#include <QSize>
#include <QString>
#include <QVariant>

namespace folio {
class Library;
} // namespace folio

namespace folio::test {

/// Absolute path of a file under tests/data.
QString dataPath(const QString& relative);

/// The bytes of a file under tests/data; fails the calling test (QFAIL-style message) when missing.
QByteArray readData(const QString& relative);

/// Writes bytes to path, creating folders; returns false on failure.
bool writeFile(const QString& path, const QByteArray& bytes);

/// An image of one colour, encoded in format (PNG, JPEG, GIF...).
QByteArray imageBytes(const QSize& size, const QColor& color = Qt::blue, const char* format = "PNG");

/// Runs the shipped migrations (resources/sql) up to `version` on a new SQLite file and sets its
/// user_version: a library as that version of Folio left it. An empty string, or what failed.
QString createLibraryAtVersion(const QString& path, int version);

/// The first column of the first row of sql over a read-only connection of its own (binds in
/// order), or an invalid QVariant: for looking at a library another process has open.
QVariant peek(const QString& path, const QString& sql, const QVariantList& binds = {});

/// Waits until the library has no queued work and what it answered has been delivered on this
/// thread (including the work those answers asked for): for checks that something did NOT
/// happen, instead of sleeping for a while.
void waitUntilIdle(Library& library);

} // namespace folio::test
