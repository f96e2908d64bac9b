# SPDX-FileCopyrightText: 2026 The Folio authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# cmake -DLUPDATE=<lupdate> -DSOURCE_DIR=<repo> -DMODE=update|check [-DWORK_DIR=<tmp>] -P lupdate.cmake
#
# update: rescans app/ and ui/ into resources/translations/*.ts (dropping vanished entries).
# check:  runs the same scan on copies in WORK_DIR and fails when a catalogue misses a message,
#         has an unfinished, vanished or obsolete entry (ctest TestTranslationCatalogue).
# Both modes use one lupdate command line, so what the check sees is what an update writes.
cmake_minimum_required(VERSION 3.21)

foreach(var LUPDATE SOURCE_DIR MODE)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "lupdate.cmake: ${var} is not set")
    endif()
endforeach()

set(ts_dir "${SOURCE_DIR}/resources/translations")
# No source locations in the catalogues: line numbers would change with every edit to app/ or ui/.
set(common_options -locations none -no-ui-lines -extensions cpp,h -I app -I ui app ui)

function(run_lupdate ts language extra)
    execute_process(
        COMMAND "${LUPDATE}" -silent ${extra} -target-language ${language} ${common_options} -ts "${ts}"
        WORKING_DIRECTORY "${SOURCE_DIR}"
        RESULT_VARIABLE result
        OUTPUT_VARIABLE output
        ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "lupdate failed for ${ts}:\n${output}")
    endif()
    if(output)
        message(STATUS "${output}")
    endif()
endfunction()

if(MODE STREQUAL "update")
    run_lupdate("${ts_dir}/folio_nl.ts" nl "-no-obsolete")
    # English keeps only the messages with plural forms: the source texts are English already.
    run_lupdate("${ts_dir}/folio_en.ts" en "-no-obsolete;-pluralonly")
    message(STATUS "Translate the entries marked unfinished in ${ts_dir} (Qt Linguist or an editor).")
    return()
endif()

if(NOT MODE STREQUAL "check")
    message(FATAL_ERROR "lupdate.cmake: MODE must be update or check")
endif()
if(NOT DEFINED WORK_DIR)
    message(FATAL_ERROR "lupdate.cmake: WORK_DIR is not set")
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

set(problems "")
foreach(entry "nl;" "en;-pluralonly")
    list(GET entry 0 language)
    list(SUBLIST entry 1 -1 extra)
    set(committed "${ts_dir}/folio_${language}.ts")
    set(fresh "${WORK_DIR}/folio_${language}.ts")
    if(NOT EXISTS "${committed}")
        string(APPEND problems "${committed} is missing\n")
        continue()
    endif()
    file(COPY "${committed}" DESTINATION "${WORK_DIR}")
    run_lupdate("${fresh}" ${language} "${extra}")
    file(READ "${committed}" committed_text)
    file(READ "${fresh}" fresh_text)
    string(REGEX MATCHALL "<message[ >]" committed_messages "${committed_text}")
    string(REGEX MATCHALL "<message[ >]" fresh_messages "${fresh_text}")
    list(LENGTH committed_messages committed_count)
    list(LENGTH fresh_messages fresh_count)
    if(NOT committed_count EQUAL fresh_count)
        string(APPEND problems "folio_${language}.ts: ${committed_count} messages, the sources have "
            "${fresh_count} (new or changed strings)\n")
    endif()
    foreach(kind unfinished vanished obsolete)
        string(REGEX MATCHALL "type=\"${kind}\"" hits "${fresh_text}")
        list(LENGTH hits count)
        if(count GREATER 0)
            string(APPEND problems "folio_${language}.ts: ${count} ${kind} entries\n")
        endif()
    endforeach()
    # Name the offending source texts so the report says what to translate.
    string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*(<comment>[^<]*</comment>[ \n]*)?<translation type=\"(unfinished|vanished|obsolete)\""
        bad "${fresh_text}")
    foreach(b IN LISTS bad)
        string(REGEX REPLACE "^<source>([^<]*)</source>.*type=\"([a-z]+)\"$" "  \\2: \\1" line "${b}")
        string(APPEND problems "${line}\n")
    endforeach()
endforeach()

if(problems)
    message(FATAL_ERROR "The translation catalogues are not up to date:\n${problems}"
        "Run: cmake --build <build> --target folio_lupdate, translate the unfinished entries "
        "and commit resources/translations/*.ts (docs/desktop.md).")
endif()
message(STATUS "Translation catalogues are complete.")
