# Compiler selection, ccache and the flags every ember translation unit shares.
#
# ember_prepare_compilers() runs *before* project(): it must see the compilers before
# CMake detects them. Everything else runs after project().

include_guard(GLOBAL)

# CC/CXX are read by CMake only when a build tree is first configured. A persistent
# build tree (pip's `build/...` directory) would silently keep the old compiler, so
# when CC or CXX now names a different program, forget the detected compilers and
# let project() detect them again. Every compile command then changes, and Ninja
# rebuilds what the new compiler must build.
function(_ember_forget_compiler lang env)
  if(NOT DEFINED ENV{${env}} OR NOT DEFINED CACHE{CMAKE_${lang}_COMPILER})
    return()
  endif()
  separate_arguments(_words UNIX_COMMAND "$ENV{${env}}")
  list(GET _words 0 _prog)
  find_program(_wanted NAMES "${_prog}" NO_CACHE)
  if(NOT _wanted)
    message(FATAL_ERROR "${env}=$ENV{${env}}: no such compiler on PATH")
  endif()
  file(REAL_PATH "${_wanted}" _wanted_real)
  file(REAL_PATH "${CMAKE_${lang}_COMPILER}" _cached_real)
  if(NOT _wanted_real STREQUAL _cached_real)
    message(STATUS "${env} changed (${CMAKE_${lang}_COMPILER} -> ${_wanted}): detecting the compiler again")
    unset(CMAKE_${lang}_COMPILER CACHE)
    file(REMOVE_RECURSE "${CMAKE_BINARY_DIR}/CMakeFiles/${CMAKE_VERSION}")
  endif()
endfunction()

macro(ember_prepare_compilers)
  _ember_forget_compiler(C CC)
  _ember_forget_compiler(CXX CXX)

  # ccache: used whenever it is on PATH, unless EMBER_USE_CCACHE=0.
  set(EMBER_CCACHE "")
  if(NOT "$ENV{EMBER_USE_CCACHE}" MATCHES "^(0|OFF|off|NO|no|FALSE|false)$")
    find_program(EMBER_CCACHE_PROGRAM ccache)
    if(EMBER_CCACHE_PROGRAM)
      set(EMBER_CCACHE "${EMBER_CCACHE_PROGRAM}")
      foreach(_lang C CXX CUDA)
        set(CMAKE_${_lang}_COMPILER_LAUNCHER "${EMBER_CCACHE}")
      endforeach()
    endif()
  endif()
endmacro()

# Flags for all C++ (set after project()).
macro(ember_common_cxx_settings)
  set(CMAKE_CXX_STANDARD 17)
  set(CMAKE_CXX_STANDARD_REQUIRED ON)
  set(CMAKE_CXX_EXTENSIONS OFF)
  set(CMAKE_POSITION_INDEPENDENT_CODE ON)
  # The module exports only PyInit__C; everything else stays inside it.
  set(CMAKE_CXX_VISIBILITY_PRESET hidden)
  set(CMAKE_CUDA_VISIBILITY_PRESET hidden)
  set(CMAKE_HIP_VISIBILITY_PRESET hidden)
  set(CMAKE_VISIBILITY_INLINES_HIDDEN ON)
  # Compiler diagnostics are part of the build's output, keep them readable.
  set(CMAKE_COLOR_DIAGNOSTICS ON)
  # Ninja writes compile_commands.json for editors and clang tools.
  set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
endmacro()

# Flags for CPU kernels (aten/src/ember/native/cpu/*.cpp).
#
# -O3 even in RelWithDebInfo (it defaults to -O2), so loops vectorize; Debug stays
# -O0 for the debugger. No -march=native: a wheel must run on any x86-64 (or
# aarch64) machine, so kernels target the baseline ISA and the compiler's
# auto-vectorizer. (Per-ISA variants through function multi-versioning
# (`target_clones`) are the way to go further without breaking portability.)
# -fno-math-errno / -fno-trapping-math change no value a kernel computes; they let
# GCC vectorize sqrt and branchy element-wise loops. -fopenmp-simd honours
# `#pragma omp simd` even when OpenMP threading is off.
function(ember_cpu_kernel_flags out)
  set(flags -fno-math-errno -fno-trapping-math)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    list(APPEND flags -fopenmp-simd)
  endif()
  list(APPEND flags $<$<NOT:$<CONFIG:Debug>>:-O3>)
  set(${out} "${flags}" PARENT_SCOPE)
endfunction()
