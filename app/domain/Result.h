// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace folio {

/// What went wrong, and where: the file and (1-based) line of the input when it is known.
struct Error
{
    enum class Code {
        Generic,
        Io,
        Parse,
        Database,
        Schema,
        NotFound,
        Invalid,
        Network,
        Cancelled,
        ReadOnly, ///< the library is opened read-only (read-only file, folder or media, or asked for)
        DiskFull, ///< SQLITE_FULL: no space left where the library lives
        Damaged,  ///< the library failed an integrity check (or SQLite reported corruption)
        Foreign,  ///< the file is not a Folio library (another program's database, or not SQLite)
    };

    Code code = Code::Generic;
    QString message;
    QString file;
    int line = 0;

    /// "file:line: message", leaving out what is unknown.
    QString toString() const
    {
        QString where = file;
        if (!where.isEmpty() && line > 0) {
            where += u':' + QString::number(line);
        }
        return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
    }
};

inline Error makeError(Error::Code code, QString message, QString file = {}, int line = 0)
{
    return Error{code, std::move(message), std::move(file), line};
}

/// A value or an Error; shaped like std::expected so the switch is mechanical later.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
    }

    bool hasValue() const { return m_data.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T& value() & { return std::get<0>(m_data); }
    const T& value() const& { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    {
    }

    bool hasValue() const { return !m_failed; }
    explicit operator bool() const { return !m_failed; }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace folio
