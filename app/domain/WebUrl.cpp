// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/WebUrl.h"

namespace folio::weburl {

namespace {

bool isLowerAlnum(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

/// Characters QUrl keeps as they are in a path, query or fragment (checked against QUrl by
/// TestWebUrl). Left out, to take QUrl's way: '%' (QUrl decodes some escapes and re-cases others),
/// brackets, and everything it encodes.
bool isKeptInPath(char16_t c)
{
    if (isLowerAlnum(c) || (c >= u'A' && c <= u'Z')) {
        return true;
    }
    switch (c) {
    case u'!': case u'$': case u'&': case u'\'': case u'(': case u')': case u'*': case u'+': case u',':
    case u'-': case u'.': case u'/': case u':': case u';': case u'=': case u'?': case u'@': case u'_':
    case u'~':
        return true;
    default:
        return false;
    }
}

} // namespace

qsizetype canonicalAuthorityEnd(QStringView url)
{
    qsizetype i = 0;
    if (url.startsWith(u"https://")) {
        i = 8;
    } else if (url.startsWith(u"http://")) {
        i = 7;
    } else {
        return -1;
    }
    // Host: dot-separated labels of lowercase letters, digits and inner hyphens, 1-63 characters,
    // the last one starting with a letter (QUrl rewrites hosts of numbers, decimal or "0x" hex, as
    // IPv4 addresses). No "--" anywhere, which also leaves IDNA's "xn--" labels (checked and decoded
    // by QUrl) to QUrl.
    const qsizetype hostFrom = i;
    qsizetype labelFrom = i;
    for (;; ++i) {
        const char16_t c = i < url.size() ? url.at(i).unicode() : u'/';
        if (c == u'.' || c == u'/' || c == u'?' || c == u'#' || c == u':') {
            const qsizetype length = i - labelFrom;
            if (length < 1 || length > 63 || url.at(labelFrom) == u'-' || url.at(i - 1) == u'-') {
                return -1;
            }
            if (c != u'.') {
                if (url.at(labelFrom) < u'a' || url.at(labelFrom) > u'z') {
                    return -1;
                }
                break;
            }
            labelFrom = i + 1;
        } else if (c >= u'a' && c <= u'z') {
        } else if (c == u'-') {
            if (i > labelFrom && url.at(i - 1) == u'-') {
                return -1;
            }
        } else if (!(c >= u'0' && c <= u'9')) {
            return -1;
        }
    }
    if (i - hostFrom > 253) {
        return -1;
    }
    // Port: 1-65535 without a leading zero (QUrl drops an empty port and the zeros).
    if (i < url.size() && url.at(i) == u':') {
        const qsizetype portFrom = ++i;
        int port = 0;
        while (i < url.size() && url.at(i) >= u'0' && url.at(i) <= u'9' && i - portFrom < 5) {
            port = port * 10 + (url.at(i).unicode() - u'0');
            ++i;
        }
        if (i == portFrom || url.at(portFrom) == u'0' || port > 65535) {
            return -1;
        }
        if (i < url.size() && url.at(i) != u'/' && url.at(i) != u'?' && url.at(i) != u'#') {
            return -1;
        }
    }
    const qsizetype authorityEnd = i;
    // Path, query and fragment; a second '#' (QUrl encodes it inside the fragment) takes QUrl's way.
    bool inFragment = false;
    for (; i < url.size(); ++i) {
        const char16_t c = url.at(i).unicode();
        if (c == u'#') {
            if (inFragment) {
                return -1;
            }
            inFragment = true;
        } else if (!isKeptInPath(c)) {
            return -1;
        }
    }
    return authorityEnd;
}

} // namespace folio::weburl
