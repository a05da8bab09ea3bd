# The CUDA backend: finding nvcc, the arch list, and the language setup.
#
# USE_CUDA=auto builds CUDA whenever nvcc is found, GPU or not, the way PyTorch
# does: a machine that builds wheels or Docker images seldom has a GPU, and a CUDA
# build imports and runs on the CPU where no GPU is present. USE_CUDA=0 gives a
# CPU-only build; USE_CUDA=1 without nvcc is an error, never a CPU-only build.

include_guard(GLOBAL)

# Where nvcc is looked for, in PyTorch's order: $CUDACXX, $CUDA_HOME, $CUDA_PATH,
# PATH, /usr/local/cuda.
function(ember_find_nvcc out)
  # An explicit $CUDACXX is the only candidate (CMake gives it the same authority).
  if(DEFINED ENV{CUDACXX} AND NOT "$ENV{CUDACXX}" STREQUAL "")
    if(EXISTS "$ENV{CUDACXX}" AND NOT IS_DIRECTORY "$ENV{CUDACXX}")
      set(${out} "$ENV{CUDACXX}" PARENT_SCOPE)
    else()
      set(${out} "" PARENT_SCOPE)
    endif()
    return()
  endif()
  set(candidates "")
  foreach(var CUDA_HOME CUDA_PATH)
    if(DEFINED ENV{${var}} AND NOT "$ENV{${var}}" STREQUAL "")
      list(APPEND candidates "$ENV{${var}}/bin/nvcc")
    endif()
  endforeach()
  find_program(_nvcc_on_path nvcc NO_CACHE)
  if(_nvcc_on_path)
    list(APPEND candidates "${_nvcc_on_path}")
  endif()
  list(APPEND candidates /usr/local/cuda/bin/nvcc)
  foreach(c IN LISTS candidates)
    if(EXISTS "${c}" AND NOT IS_DIRECTORY "${c}")
      set(${out} "${c}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(${out} "" PARENT_SCOPE)
endfunction()

# EMBER_CUDA_ARCH_LIST uses TORCH_CUDA_ARCH_LIST's syntax: compute capabilities
# separated by ';', ',' or spaces, each optionally suffixed "+PTX" ("8.0;9.0+PTX",
# "9.0a"). "X.Y" means SASS for sm_XY only; "+PTX" also embeds PTX for compute_XY
# so newer GPUs can JIT it. The result is CMAKE_CUDA_ARCHITECTURES syntax
# ("80-real;90-real;90-virtual").
function(ember_parse_cuda_arch_list list out)
  string(REGEX REPLACE "[ ,]+" ";" items "${list}")
  set(result "")
  foreach(item IN LISTS items)
    if(item STREQUAL "")
      continue()
    endif()
    if(NOT item MATCHES "^([0-9]+)\\.([0-9]+)([af]?)(\\+PTX)?$")
      message(FATAL_ERROR
        "EMBER_CUDA_ARCH_LIST: expected compute capabilities such as \"8.0;9.0+PTX\", "
        "but got '${item}' in '${list}'")
    endif()
    set(sm "${CMAKE_MATCH_1}${CMAKE_MATCH_2}${CMAKE_MATCH_3}")
    list(APPEND result "${sm}-real")
    if(CMAKE_MATCH_4)
      list(APPEND result "${sm}-virtual")
    endif()
  endforeach()
  if(result STREQUAL "")
    message(FATAL_ERROR "EMBER_CUDA_ARCH_LIST is empty; give at least one compute capability, e.g. 9.0")
  endif()
  list(REMOVE_DUPLICATES result)
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# Decide USE_CUDA and, when on, enable the CUDA language. Sets EMBER_USE_CUDA (0/1),
# EMBER_CUDA_VERSION ("13.0" or ""), EMBER_NVCC.
macro(ember_setup_cuda)
  set(EMBER_USE_CUDA 0)
  set(EMBER_CUDA_VERSION "")
  set(EMBER_NVCC "")
  set(EMBER_CUDA_ARCHS "")
  if(NOT USE_CUDA STREQUAL "0")
    ember_find_nvcc(EMBER_NVCC)
    if(EMBER_NVCC)
      set(EMBER_USE_CUDA 1)
    elseif(USE_CUDA STREQUAL "1")
      message(FATAL_ERROR
        "USE_CUDA=1 was given, but nvcc (the CUDA toolkit's compiler) was not found.\n"
        "Looked in: $CUDACXX ('$ENV{CUDACXX}'), else $CUDA_HOME/bin, $CUDA_PATH/bin, PATH, "
        "/usr/local/cuda/bin.\n"
        "Install the CUDA toolkit (or point CUDA_HOME at it), or build for the CPU "
        "with USE_CUDA=0.")
    endif()
  endif()

  if(EMBER_USE_CUDA)
    ember_parse_cuda_arch_list("${EMBER_CUDA_ARCH_LIST}" EMBER_CUDA_ARCHS)
    set(CMAKE_CUDA_COMPILER "${EMBER_NVCC}")
    set(CMAKE_CUDA_ARCHITECTURES "${EMBER_CUDA_ARCHS}")
    set(CMAKE_CUDA_STANDARD 17)
    set(CMAKE_CUDA_STANDARD_REQUIRED ON)
    # Static cudart: the module then needs only the driver (libcuda.so) at run time,
    # and imports fine (CUDA unavailable) on a machine without one.
    set(CMAKE_CUDA_RUNTIME_LIBRARY Static)
    if(NOT CMAKE_CUDA_HOST_COMPILER)
      set(CMAKE_CUDA_HOST_COMPILER "${CMAKE_CXX_COMPILER}")
    endif()
    enable_language(CUDA)
    find_package(CUDAToolkit REQUIRED)
    string(REGEX MATCH "^[0-9]+\\.[0-9]+" EMBER_CUDA_VERSION "${CMAKE_CUDA_COMPILER_VERSION}")
    # Lambdas in device code and constexpr host functions called from kernels are
    # how the elementwise launcher is written.
    string(APPEND CMAKE_CUDA_FLAGS " --expt-relaxed-constexpr --extended-lambda")
  endif()
endmacro()
