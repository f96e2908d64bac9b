# SPDX-FileCopyrightText: 2026 The Folio authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# TestPackaging (ctest -L packaging; registered by packaging/CMakeLists.txt on Linux with dpkg-deb):
#   1. cpack -G DEB into a scratch directory, check the file list and the control fields;
#   2. validate the packaged .desktop and metainfo files (when the validators are installed);
#   3. cmake --install into a scratch prefix and run <prefix>/bin/folio-cli --version.
# Inputs (-D): BUILD_DIR SOURCE_DIR CPACK_COMMAND DPKG_DEB EXPECTED_VERSION APP_ID ICON_SIZES (comma list)
cmake_minimum_required(VERSION 3.21)

foreach(var BUILD_DIR CPACK_COMMAND DPKG_DEB EXPECTED_VERSION APP_ID ICON_SIZES)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "TestPackaging: -D${var}=... is missing")
    endif()
endforeach()
string(REPLACE "," ";" ICON_SIZES "${ICON_SIZES}")

set(failures 0)
macro(check condition message)
    if(${condition})
        message(STATUS "PASS  ${message}")
    else()
        message(SEND_ERROR "FAIL  ${message}")
        math(EXPR failures "${failures} + 1")
    endif()
endmacro()

# Runs a command, fails the test with its output when it does not exit 0; output in <out_var>.
function(run_checked out_var)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        string(REPLACE ";" " " cmd "${ARGN}")
        message(FATAL_ERROR "TestPackaging: '${cmd}' failed (${rc}):\n${out}\n${err}")
    endif()
    set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

set(work "${BUILD_DIR}/tests/packaging/work")
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}")

# --- 1. The .deb --------------------------------------------------------------------------------
message(STATUS "Building the .deb (cpack -G DEB) ...")
run_checked(cpack_out "${CPACK_COMMAND}" -G DEB -B "${work}/cpack" --config "${BUILD_DIR}/CPackConfig.cmake")
file(GLOB debs "${work}/cpack/*.deb")
list(LENGTH debs deb_count)
if(NOT deb_count EQUAL 1)
    message(FATAL_ERROR "TestPackaging: expected one .deb in ${work}/cpack, found ${deb_count}:\n${cpack_out}")
endif()
message(STATUS "Package: ${debs}")

run_checked(listing "${DPKG_DEB}" --contents "${debs}")
set(expected_files
    ./usr/bin/folio
    ./usr/bin/folio-cli
    ./usr/share/applications/${APP_ID}.desktop
    ./usr/share/metainfo/${APP_ID}.metainfo.xml
    ./usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg
    ./usr/share/doc/folio/copyright)
foreach(size IN LISTS ICON_SIZES)
    list(APPEND expected_files ./usr/share/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
endforeach()
foreach(path IN LISTS expected_files)
    string(REGEX REPLACE "([.+])" "\\\\\\1" pattern "${path}")
    if(listing MATCHES " ${pattern}\n")
        set(present TRUE)
    else()
        set(present FALSE)
    endif()
    check(present "package contains ${path}")
endforeach()

function(control_field out_var field)
    run_checked(value "${DPKG_DEB}" --field "${debs}" "${field}")
    string(STRIP "${value}" value)
    set(${out_var} "${value}" PARENT_SCOPE)
endfunction()
control_field(package Package)
control_field(version Version)
control_field(depends Depends)
message(STATUS "Package: ${package}, Version: ${version}\nDepends: ${depends}")
string(COMPARE EQUAL "${package}" "folio" package_ok)
check(package_ok "Package is 'folio' (got '${package}')")
string(COMPARE EQUAL "${version}" "${EXPECTED_VERSION}" version_ok)
check(version_ok "Version is '${EXPECTED_VERSION}' (got '${version}')")
# check_names(FIELD VALUE NAME...): the control field VALUE names each NAME (a macro, like check).
macro(check_names field value)
    foreach(name ${ARGN})
        string(FIND "${value}" "${name}" pos)
        if(pos GREATER_EQUAL 0)
            set(named TRUE)
        else()
            set(named FALSE)
        endif()
        check(named "${field} names ${name} (got '${value}')")
    endforeach()
endmacro()
check_names(Depends "${depends}" libqt6sql6-sqlite qt6-qpa-plugins)
control_field(recommends Recommends)
check_names(Recommends "${recommends}" qt6-translations-l10n)

# --- 2. Validate the packaged desktop entry and AppStream metadata ------------------------------
run_checked(ignored "${DPKG_DEB}" --extract "${debs}" "${work}/root")
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
if(DESKTOP_FILE_VALIDATE)
    execute_process(COMMAND "${DESKTOP_FILE_VALIDATE}" "${work}/root/usr/share/applications/${APP_ID}.desktop"
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    string(COMPARE EQUAL "${rc}" "0" desktop_ok)
    check(desktop_ok "desktop-file-validate ${APP_ID}.desktop ${out}")
else()
    message(STATUS "SKIP  desktop-file-validate not found")
endif()
find_program(APPSTREAMCLI appstreamcli)
if(APPSTREAMCLI)
    execute_process(COMMAND "${APPSTREAMCLI}" validate --no-net --no-color
            "${work}/root/usr/share/metainfo/${APP_ID}.metainfo.xml"
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    string(COMPARE EQUAL "${rc}" "0" metainfo_ok)
    check(metainfo_ok "appstreamcli validate ${APP_ID}.metainfo.xml\n${out}")
else()
    message(STATUS "SKIP  appstreamcli not found")
endif()

# --- 3. Relocatable install tree ----------------------------------------------------------------
set(prefix "${work}/prefix")
run_checked(ignored "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")
foreach(path bin/folio bin/folio-cli share/applications/${APP_ID}.desktop share/metainfo/${APP_ID}.metainfo.xml
        share/icons/hicolor/512x512/apps/${APP_ID}.png share/icons/hicolor/scalable/apps/${APP_ID}.svg)
    if(EXISTS "${prefix}/${path}")
        set(present TRUE)
    else()
        set(present FALSE)
    endif()
    check(present "install tree contains ${path}")
endforeach()
execute_process(COMMAND "${prefix}/bin/folio-cli" --version
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 30)
string(STRIP "${out}" out)
if(rc EQUAL 0 AND out STREQUAL "folio-cli ${EXPECTED_VERSION}")
    set(cli_ok TRUE)
else()
    set(cli_ok FALSE)
endif()
check(cli_ok "installed folio-cli --version prints 'folio-cli ${EXPECTED_VERSION}' (exit ${rc}, got '${out}' ${err})")

if(failures GREATER 0)
    message(FATAL_ERROR "TestPackaging: ${failures} check(s) failed")
endif()
file(REMOVE_RECURSE "${work}")
message(STATUS "TestPackaging: all checks passed")
