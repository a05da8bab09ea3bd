# The build knobs of ember: one table, read in one place.
#
# Every knob is listed once below with its default and its meaning. The README's
# "Build toggles" table documents the same list (tests/build_system/test_build_toggles_documented.py checks
# they agree). See Note [How a toggle reaches CMake].
#
# Note [How a toggle reaches CMake]
# ---------------------------------
# Users set knobs as environment variables (`USE_CUDA=1 pip install -e .`), exactly
# as with PyTorch's setup.py. One rule forwards them: `ember_read_toggles()` copies
# each variable named in this table from the environment into the CMake cache.
#   * Environment set    -> that value wins (and is stored in the cache).
#   * Environment unset, pip build (scikit-build-core, SKBUILD defined)
#                        -> the default. A pip build is driven by the environment
#                           alone, so a knob dropped from the command line goes back
#                           to its default instead of sticking from an older run.
#   * Environment unset, plain `cmake` -> the cached value (`-DUSE_CUDA=1` works
#                           and sticks, as CMake users expect).
# scikit-build-core re-runs the configure step on every `pip install`, so changing a
# knob between two builds always reconfigures; with plain CMake, re-run `cmake`.
# The knobs that pick the build *directory* (USE_CUDA, USE_ROCM, DEBUG,
# REL_WITH_DEB_INFO) are also matched in pyproject.toml's overrides, so CPU, CUDA and
# ROCm builds keep separate persistent build trees.

include_guard(GLOBAL)

#             name                  default                      help
set(EMBER_TOGGLE_TABLE
  "USE_CUDA|auto|Build the CUDA backend: auto (when nvcc is found), 0 or 1"
  "USE_ROCM|auto|Build the ROCm/HIP backend from hipified CUDA sources: auto (when hipcc is found and USE_CUDA is off), 0 or 1"
  "USE_OPENMP|auto|Parallelize CPU kernels with OpenMP: auto (when found), 0 or 1"
  "DEBUG|0|Debug build: -O0 -g, assertions on"
  "REL_WITH_DEB_INFO|0|Optimized build with debug info (-O2 -g)"
  "MAX_JOBS||Parallel compile jobs (empty: Ninja's default, cores + 2)"
  "EMBER_CUDA_ARCH_LIST|9.0|CUDA archs, TORCH_CUDA_ARCH_LIST syntax: \"8.0;9.0+PTX\""
  "EMBER_ROCM_ARCH|gfx90a,gfx908,gfx1030|AMD GPU targets for hipcc --offload-arch (separated by ; or ,)"
  "BUILD_TEST|0|Build the C++ test programs in tests/cpp/ and register them with CTest"
  "VERBOSE|0|Print every compiler command line"
)

# Knobs with no cache entry of their own (they act before or around CMake):
#   CMAKE_FRESH  - pyproject.toml override: configure from scratch (`cmake --fresh`)
#   CC, CXX      - compilers; read by CMake itself (a change re-detects, see
#                  ember_check_compiler_change in EmberCompilers.cmake)
#   ccache       - used automatically when on PATH (EMBER_USE_CCACHE=0 to opt out)

function(_ember_truthy out value)
  string(TOUPPER "${value}" v)
  if(v MATCHES "^(1|ON|YES|TRUE|Y|T)$")
    set(${out} 1 PARENT_SCOPE)
  elseif(v MATCHES "^(0|OFF|NO|FALSE|N|F|)$")
    set(${out} 0 PARENT_SCOPE)
  else()
    set(${out} "" PARENT_SCOPE)
  endif()
endfunction()

# Normalize an auto/0/1 knob to "auto", "0" or "1"; anything else is an error.
function(ember_tristate name)
  string(TOLOWER "${${name}}" v)
  if(v STREQUAL "auto" OR v STREQUAL "")
    set(${name} auto PARENT_SCOPE)
    return()
  endif()
  _ember_truthy(t "${v}")
  if(t STREQUAL "")
    message(FATAL_ERROR "${name}: expected auto, 0 or 1, but got '${${name}}'")
  endif()
  set(${name} ${t} PARENT_SCOPE)
endfunction()

function(ember_bool name)
  _ember_truthy(t "${${name}}")
  if(t STREQUAL "")
    message(FATAL_ERROR "${name}: expected 0 or 1, but got '${${name}}'")
  endif()
  set(${name} ${t} PARENT_SCOPE)
endfunction()

# The one rule of Note [How a toggle reaches CMake].
macro(ember_read_toggles)
  set(EMBER_TOGGLES "")
  foreach(_row IN LISTS EMBER_TOGGLE_TABLE)
    # A row is "name|default|help"; the default may itself hold ';' (arch lists).
    string(REGEX MATCH "^([^|]*)\\|([^|]*)\\|(.*)$" _m "${_row}")
    set(_name "${CMAKE_MATCH_1}")
    set(_default "${CMAKE_MATCH_2}")
    set(_help "${CMAKE_MATCH_3}")
    list(APPEND EMBER_TOGGLES ${_name})
    if(DEFINED ENV{${_name}})
      set(${_name} "$ENV{${_name}}" CACHE STRING "${_help}" FORCE)
    elseif(DEFINED SKBUILD OR NOT DEFINED CACHE{${_name}})
      set(${_name} "${_default}" CACHE STRING "${_help}" FORCE)
    endif()
    set(EMBER_TOGGLE_DEFAULT_${_name} "${_default}")
  endforeach()
  unset(_row)
  unset(_m)
  unset(_name)
  unset(_default)
  unset(_help)

  ember_tristate(USE_CUDA)
  ember_tristate(USE_ROCM)
  ember_tristate(USE_OPENMP)
  ember_bool(DEBUG)
  ember_bool(REL_WITH_DEB_INFO)
  ember_bool(BUILD_TEST)
  ember_bool(VERBOSE)
  if(NOT MAX_JOBS STREQUAL "" AND NOT MAX_JOBS MATCHES "^[1-9][0-9]*$")
    message(FATAL_ERROR "MAX_JOBS: expected a positive number of jobs, but got '${MAX_JOBS}'")
  endif()
  if(USE_CUDA STREQUAL "1" AND USE_ROCM STREQUAL "1")
    message(FATAL_ERROR
      "USE_CUDA=1 and USE_ROCM=1 were both given, but ember builds one GPU backend at a "
      "time (the ROCm build is the CUDA sources translated to HIP). Pick one.")
  endif()
  if(DEBUG AND REL_WITH_DEB_INFO)
    message(FATAL_ERROR "DEBUG=1 and REL_WITH_DEB_INFO=1 were both given; pick one build type.")
  endif()
endmacro()

# The build type follows DEBUG / REL_WITH_DEB_INFO (pyproject.toml passes the same
# choice to scikit-build-core so its build directory name agrees).
macro(ember_select_build_type)
  if(DEBUG)
    set(CMAKE_BUILD_TYPE Debug CACHE STRING "Build type" FORCE)
  elseif(REL_WITH_DEB_INFO)
    set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
  elseif(NOT CMAKE_BUILD_TYPE)
    set(CMAKE_BUILD_TYPE Release CACHE STRING "Build type" FORCE)
  endif()
  if(VERBOSE)
    set(CMAKE_VERBOSE_MAKEFILE ON CACHE BOOL "" FORCE)
  else()
    set(CMAKE_VERBOSE_MAKEFILE OFF CACHE BOOL "" FORCE)
  endif()
endmacro()

# MAX_JOBS caps compile and link jobs inside the Ninja graph itself, so it holds
# however the build is started (pip, `cmake --build`, plain `ninja`).
macro(ember_apply_max_jobs)
  if(NOT MAX_JOBS STREQUAL "")
    set_property(GLOBAL PROPERTY JOB_POOLS ember_compile=${MAX_JOBS} ember_link=${MAX_JOBS})
    set(CMAKE_JOB_POOL_COMPILE ember_compile)
    set(CMAKE_JOB_POOL_LINK ember_link)
  endif()
endmacro()
