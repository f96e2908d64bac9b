# SPDX-FileCopyrightText: 2026 The Folio authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# CPACK_PRE_BUILD_SCRIPTS hook (macOS): signs folio.app in CPack's staging directory, after
# macdeployqt and before the DMG is made. Does nothing unless FOLIO_CODESIGN_IDENTITY is set in the
# environment (e.g. "Developer ID Application: Example Ltd (TEAMID)"); see packaging/README.md.
if(NOT DEFINED ENV{FOLIO_CODESIGN_IDENTITY} OR "$ENV{FOLIO_CODESIGN_IDENTITY}" STREQUAL "")
    message(STATUS "codesign.cmake: FOLIO_CODESIGN_IDENTITY not set, folio.app stays unsigned (ad hoc)")
    return()
endif()
file(GLOB_RECURSE _bundles LIST_DIRECTORIES true "${CPACK_TEMPORARY_DIRECTORY}/*folio.app")
list(FILTER _bundles INCLUDE REGEX "/folio\\.app$")
if(NOT _bundles)
    message(FATAL_ERROR "codesign.cmake: no folio.app under ${CPACK_TEMPORARY_DIRECTORY}")
endif()
foreach(_bundle IN LISTS _bundles)
    message(STATUS "codesign.cmake: signing ${_bundle}")
    # --deep signs the frameworks and plugins macdeployqt copied; hardened runtime + timestamp are
    # what notarisation requires.
    execute_process(COMMAND codesign --force --deep --options runtime --timestamp
            --sign "$ENV{FOLIO_CODESIGN_IDENTITY}" "${_bundle}"
        COMMAND_ERROR_IS_FATAL ANY)
    execute_process(COMMAND codesign --verify --deep --strict --verbose=2 "${_bundle}"
        COMMAND_ERROR_IS_FATAL ANY)
endforeach()
