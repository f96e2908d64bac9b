# SPDX-FileCopyrightText: 2026 The Folio authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Included from app/CMakeLists.txt: compiles the catalogues, embeds them in folio_i18n under
# :/i18n (both executables find them without paths) and writes the .qm files to
# FOLIO_TRANSLATIONS_BUILD_DIR, which packaging/CMakeLists.txt installs.
#
# Qt 6.4's qt_add_translations() runs one lupdate with the same options for every .ts file and
# embeds the .qm files relative to the current binary dir, so its two halves are spelled out:
# qt_add_lrelease() + qt_add_resources() here, and our own folio_lupdate target (lupdate.cmake),
# which also backs the ctest that keeps the catalogues complete.

# Same default as packaging/CMakeLists.txt, which is read later and keeps this value.
set(FOLIO_TRANSLATIONS_BUILD_DIR "${PROJECT_BINARY_DIR}/translations" CACHE PATH
    "Directory with the compiled translations (*.qm) to install")

set(FOLIO_TS_FILES
    "${CMAKE_CURRENT_LIST_DIR}/folio_nl.ts"
    "${CMAKE_CURRENT_LIST_DIR}/folio_en.ts")
set_source_files_properties(${FOLIO_TS_FILES} PROPERTIES OUTPUT_LOCATION "${FOLIO_TRANSLATIONS_BUILD_DIR}")
qt_add_lrelease(folio_i18n
    TS_FILES ${FOLIO_TS_FILES}
    QM_FILES_OUTPUT_VARIABLE FOLIO_QM_FILES
    OPTIONS -silent)
qt_add_resources(folio_i18n folio_translations
    PREFIX "/i18n"
    BASE "${FOLIO_TRANSLATIONS_BUILD_DIR}"
    FILES ${FOLIO_QM_FILES})

# cmake --build <build> --target folio_lupdate: refresh both catalogues from app/ and ui/.
set(FOLIO_LUPDATE_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/lupdate.cmake")
add_custom_target(folio_lupdate
    COMMAND "${CMAKE_COMMAND}" "-DLUPDATE=$<TARGET_FILE:Qt6::lupdate>" "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}"
            -DMODE=update -P "${FOLIO_LUPDATE_SCRIPT}"
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
    COMMENT "Updating resources/translations/*.ts from app/ and ui/"
    VERBATIM)
