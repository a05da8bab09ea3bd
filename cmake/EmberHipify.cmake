# The ROCm build's translate step: CUDA sources -> HIP sources in the build tree.
#
# Note [HIP sources are generated]
# ember's GPU code is written once, in CUDA (aten/src/ember/cuda, native/cuda). For a
# ROCm build every file of those directories is translated by ember's own hipify
# (python -m hipify) into <build>/hipified/, keeping its path relative to aten/src, and
# the translated sources are compiled with hipcc (ember_add_hip_sources in
# EmberHIP.cmake). <build>/hipified comes before aten/src on the include path, so
# `#include <ember/native/cuda/Loops.cuh>` finds the translated header. Each file is
# its own Ninja step depending on its source and on the translator (its code and
# mapping tables): editing one .cu re-translates and recompiles that file alone, and
# nothing is ever written into the source tree. A CUDA file that would need a
# hand-written HIP twin means the translator lacks a rule: fix hipify instead.

include_guard(GLOBAL)

function(ember_hipify_and_add_sources target)
  set(src_root "${CMAKE_SOURCE_DIR}/aten/src")
  set(hip_root "${CMAKE_BINARY_DIR}/hipified")
  file(GLOB_RECURSE translator CONFIGURE_DEPENDS
    "${CMAKE_SOURCE_DIR}/hipify/*.py" "${CMAKE_SOURCE_DIR}/hipify/mappings/*.tsv")
  file(GLOB headers CONFIGURE_DEPENDS
    "${src_root}/ember/cuda/*.h" "${src_root}/ember/cuda/*.cuh"
    "${src_root}/ember/native/cuda/*.h" "${src_root}/ember/native/cuda/*.cuh")

  set(hipify_cmd "${CMAKE_COMMAND}" -E env "PYTHONPATH=${CMAKE_SOURCE_DIR}"
                 "${Python_EXECUTABLE}" -m hipify --quiet-warnings)
  set(translated_headers "")
  set(translated_sources "")
  foreach(file IN LISTS headers ARGN)
    cmake_path(RELATIVE_PATH file BASE_DIRECTORY "${src_root}" OUTPUT_VARIABLE rel)
    if(rel MATCHES "^\\.\\.")
      # a generated CUDA source (none today): keep its name under hipified/generated
      cmake_path(GET file FILENAME rel)
      set(rel "generated/${rel}")
    endif()
    if(rel MATCHES "\\.cu$")
      string(REGEX REPLACE "\\.cu$" ".hip" rel "${rel}")
    endif()
    set(out "${hip_root}/${rel}")
    add_custom_command(
      OUTPUT "${out}"
      COMMAND ${hipify_cmd} "${file}" -o "${out}"
      DEPENDS "${file}" ${translator}
      COMMENT "hipify ${rel}"
      VERBATIM)
    if(file IN_LIST headers)
      list(APPEND translated_headers "${out}")
    else()
      list(APPEND translated_sources "${out}")
    endif()
  endforeach()

  # Every HIP compile may include any translated header: translate them all first.
  add_custom_target(ember_hipify_headers DEPENDS ${translated_headers})
  add_dependencies(${target} ember_hipify_headers)
  target_include_directories(${target} BEFORE PUBLIC "${hip_root}")
  ember_add_hip_sources(${target} ${translated_sources})
endfunction()
