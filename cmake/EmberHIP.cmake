# The ROCm backend: finding hipcc, the arch list, and compiling HIP sources.
#
# ember's GPU kernels are written once, in CUDA. For ROCm the CUDA sources are
# translated to HIP into the build tree (the hipify step, issue 3) and compiled
# here with hipcc. We drive hipcc through custom commands rather than CMake's HIP
# language: CMake's HIP support needs a ROCm layout (hip-lang package, device
# libraries under the ROCm root) that Debian's `hipcc` package does not provide,
# while hipcc itself knows where Debian put everything.

include_guard(GLOBAL)

# USE_ROCM=auto turns ROCm on only when hipcc is found and USE_CUDA was left on
# auto with no nvcc: auto-detection prefers CUDA, and USE_CUDA=0 means "no GPU
# backend" unless USE_ROCM=1 says otherwise.
macro(ember_setup_rocm)
  set(EMBER_USE_ROCM 0)
  set(EMBER_HIP_VERSION "")
  set(EMBER_HIPCC "")
  set(EMBER_HIP_ARCHS "")
  if(NOT USE_ROCM STREQUAL "0")
    # $HIPCC, when set, is the only candidate.
    unset(EMBER_HIPCC_PROGRAM)
    if(DEFINED ENV{HIPCC} AND NOT "$ENV{HIPCC}" STREQUAL "")
      if(EXISTS "$ENV{HIPCC}")
        set(EMBER_HIPCC_PROGRAM "$ENV{HIPCC}")
      endif()
    else()
      find_program(EMBER_HIPCC_PROGRAM hipcc NO_CACHE
        HINTS "$ENV{ROCM_PATH}/bin" "$ENV{HIP_PATH}/bin" /opt/rocm/bin)
    endif()
    if(USE_ROCM STREQUAL "1")
      if(NOT EMBER_HIPCC_PROGRAM)
        message(FATAL_ERROR
          "USE_ROCM=1 was given, but hipcc (the HIP compiler driver) was not found "
          "($HIPCC, else PATH, $ROCM_PATH/bin, /opt/rocm/bin).\n"
          "On Debian/Ubuntu: apt-get install hipcc libamdhip64-dev\n"
          "Or build without ROCm: USE_ROCM=0.")
      endif()
      set(EMBER_USE_ROCM 1)
    elseif(EMBER_HIPCC_PROGRAM AND USE_CUDA STREQUAL "auto" AND NOT EMBER_USE_CUDA)
      set(EMBER_USE_ROCM 1)
    endif()
  endif()

  if(EMBER_USE_ROCM)
    set(EMBER_HIPCC "${EMBER_HIPCC_PROGRAM}")
    execute_process(COMMAND "${EMBER_HIPCC}" --version
      OUTPUT_VARIABLE _hip_out ERROR_VARIABLE _hip_out RESULT_VARIABLE _hip_rc)
    if(_hip_out MATCHES "HIP version: ([0-9][^ \r\n]*)")
      set(EMBER_HIP_VERSION "${CMAKE_MATCH_1}")
      string(REGEX REPLACE "-0$" "" EMBER_HIP_VERSION "${EMBER_HIP_VERSION}")
    else()
      message(FATAL_ERROR "${EMBER_HIPCC} --version did not report a HIP version:\n${_hip_out}")
    endif()
    find_library(EMBER_AMDHIP64_LIBRARY amdhip64
      HINTS "$ENV{ROCM_PATH}/lib" "$ENV{HIP_PATH}/lib" /opt/rocm/lib)
    if(NOT EMBER_AMDHIP64_LIBRARY)
      message(FATAL_ERROR
        "USE_ROCM: hipcc was found (${EMBER_HIPCC}) but the HIP runtime library "
        "(libamdhip64.so) was not.\nOn Debian/Ubuntu: apt-get install libamdhip64-dev")
    endif()
    string(REGEX REPLACE "[ ,]+" ";" EMBER_HIP_ARCHS "${EMBER_ROCM_ARCH}")
    list(REMOVE_ITEM EMBER_HIP_ARCHS "")
    foreach(_arch IN LISTS EMBER_HIP_ARCHS)
      if(NOT _arch MATCHES "^gfx[0-9a-f]+(:[a-z+-]+)*$")
        message(FATAL_ERROR
          "EMBER_ROCM_ARCH: expected AMD GPU targets such as \"gfx90a;gfx908\", but got '${_arch}'")
      endif()
    endforeach()
    if(NOT EMBER_HIP_ARCHS)
      message(FATAL_ERROR "EMBER_ROCM_ARCH is empty; give at least one target, e.g. gfx90a")
    endif()
  endif()
endmacro()

# ember_add_hip_sources(<target> <file.hip>...)
#
# Compiles each HIP source with hipcc for every EMBER_ROCM_ARCH (the objects are
# linked by ember_link_hip_objects). The command sees <target>'s include directories and
# compile definitions, so HIP code includes ember's headers like any other source.
# Header dependencies come from hipcc's depfile, so editing a header rebuilds the
# HIP objects that include it, and editing one source recompiles that source only.
function(ember_add_hip_sources target)
  set(arch_flags "")
  foreach(arch IN LISTS EMBER_HIP_ARCHS)
    list(APPEND arch_flags "--offload-arch=${arch}")
  endforeach()
  set(opt -O3)
  if(CMAKE_BUILD_TYPE STREQUAL "Debug")
    set(opt -O0 -g)
  elseif(CMAKE_BUILD_TYPE STREQUAL "RelWithDebInfo")
    set(opt -O2 -g)
  endif()
  set(incs "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
  set(defs "$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>")
  foreach(src IN LISTS ARGN)
    cmake_path(ABSOLUTE_PATH src BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" OUTPUT_VARIABLE src)
    cmake_path(RELATIVE_PATH src BASE_DIRECTORY "${CMAKE_BINARY_DIR}" OUTPUT_VARIABLE rel)
    if(rel MATCHES "^\\.\\.")
      cmake_path(RELATIVE_PATH src BASE_DIRECTORY "${CMAKE_SOURCE_DIR}" OUTPUT_VARIABLE rel)
    endif()
    set(obj "${CMAKE_BINARY_DIR}/hip-objects/${rel}.o")
    cmake_path(GET obj PARENT_PATH obj_dir)
    file(MAKE_DIRECTORY "${obj_dir}")
    add_custom_command(
      OUTPUT "${obj}"
      COMMAND "${CMAKE_COMMAND}" -E env HIP_PLATFORM=amd
              "${EMBER_HIPCC}" ${arch_flags} ${opt} -std=c++17 -fPIC
              -fvisibility=hidden -fvisibility-inlines-hidden
              "$<$<BOOL:${incs}>:-I$<JOIN:${incs},;-I>>"
              "$<$<BOOL:${defs}>:-D$<JOIN:${defs},;-D>>"
              -MD -MF "${obj}.d" -x hip -c "${src}" -o "${obj}"
      DEPENDS "${src}"
      DEPFILE "${obj}.d"
      COMMENT "Compiling HIP object ${rel}.o"
      COMMAND_EXPAND_LISTS
      VERBATIM)
    set_property(GLOBAL APPEND PROPERTY EMBER_HIP_OBJECTS "${obj}")
  endforeach()
endfunction()

# ember_link_hip_objects(<target>): link the objects ember_add_hip_sources produced,
# and the HIP runtime, into a target that links (the module). They cannot live in an
# OBJECT library such as ember_core: CMake does not pass prebuilt objects on through
# $<TARGET_OBJECTS>.
function(ember_link_hip_objects target)
  get_property(objects GLOBAL PROPERTY EMBER_HIP_OBJECTS)
  target_sources(${target} PRIVATE ${objects})
  target_link_libraries(${target} PRIVATE "${EMBER_AMDHIP64_LIBRARY}")
endfunction()
