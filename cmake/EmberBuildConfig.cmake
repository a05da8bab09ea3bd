# ember/_build_config.py: the build's configuration as a Python module, installed
# next to ember._C. ember.version and ember.show_config() read it.

include_guard(GLOBAL)

# A Python literal for a CMake string: None when empty, else a quoted string.
function(_ember_py_literal out value)
  if("${value}" STREQUAL "")
    set(${out} "None" PARENT_SCOPE)
  else()
    string(REPLACE "\\" "\\\\" value "${value}")
    string(REPLACE "\"" "\\\"" value "${value}")
    set(${out} "\"${value}\"" PARENT_SCOPE)
  endif()
endfunction()

function(_ember_py_bool out value)
  if(value)
    set(${out} "True" PARENT_SCOPE)
  else()
    set(${out} "False" PARENT_SCOPE)
  endif()
endfunction()

function(ember_write_build_config path)
  # git_version: the commit the tree was configured at (Python-only, so a new
  # commit rewrites this small file but recompiles nothing).
  set(git "Unknown")
  find_package(Git QUIET)
  if(GIT_FOUND)
    execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse HEAD
      WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
      OUTPUT_VARIABLE sha ERROR_QUIET RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(rc EQUAL 0 AND sha)
      set(git "${sha}")
    endif()
  endif()

  _ember_py_literal(PY_VERSION "${EMBER_VERSION}")
  _ember_py_literal(PY_CUDA "${EMBER_CUDA_VERSION}")
  _ember_py_literal(PY_HIP "${EMBER_HIP_VERSION}")
  if(CMAKE_BUILD_TYPE STREQUAL "Debug")
    set(PY_DEBUG True)
  else()
    set(PY_DEBUG False)
  endif()
  _ember_py_bool(PY_OPENMP "${EMBER_USE_OPENMP}")
  _ember_py_literal(PY_BLAS "${EMBER_BLAS}")
  _ember_py_literal(PY_CXX "${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION} (${CMAKE_CXX_COMPILER})")
  string(STRIP "${CMAKE_CXX_FLAGS} ${CMAKE_CXX_FLAGS_${EMBER_BUILD_TYPE_UPPER}}" flags)
  _ember_py_literal(PY_CXX_FLAGS "${flags}")
  _ember_py_literal(PY_CUDA_ARCH "${EMBER_CUDA_ARCH_LIST}")
  if(NOT EMBER_USE_CUDA)
    set(PY_CUDA_ARCH None)
  endif()
  string(REPLACE ";" " " rocm_arch "${EMBER_HIP_ARCHS}")
  _ember_py_literal(PY_ROCM_ARCH "${rocm_arch}")
  _ember_py_literal(PY_BUILD_TYPE "${CMAKE_BUILD_TYPE}")
  _ember_py_literal(PY_GIT "${git}")
  configure_file("${CMAKE_SOURCE_DIR}/cmake/build_config.py.in" "${path}" @ONLY)
endfunction()
