# Python, pybind11 and BLAS: the build-time dependencies that come from pip.
#
# Note [Stable third-party paths]
# -------------------------------
# `pip install -e .` builds in an isolated environment that pip creates afresh, in
# a new temporary directory, for every build. pybind11's headers and OpenBLAS come
# from there, so their paths change from one build to the next. Were those paths
# on the compile and link lines, every `pip install` would change every command
# and Ninja would rebuild everything. So configure copies the headers (and the
# library we link against) into the build tree, rewriting only files whose bytes
# differ; the commands then name build-tree paths that never change, and an
# unchanged tree rebuilds nothing however it is started. See
# tests/build_system/test_build_noop_rebuild.py.

include_guard(GLOBAL)

# Mirror the files under <src> into <dst>, writing only what changed (and removing
# files that disappeared), so mtimes stay put when nothing changed.
function(ember_mirror_tree src dst)
  file(GLOB_RECURSE files RELATIVE "${src}" "${src}/*")
  if(EXISTS "${dst}")
    file(GLOB_RECURSE old RELATIVE "${dst}" "${dst}/*")
    list(REMOVE_ITEM old ${files})
    foreach(f IN LISTS old)
      file(REMOVE "${dst}/${f}")
    endforeach()
  endif()
  set(dirs "")
  foreach(f IN LISTS files)
    get_filename_component(d "${dst}/${f}" DIRECTORY)
    list(APPEND dirs "${d}")
  endforeach()
  list(REMOVE_DUPLICATES dirs)
  file(MAKE_DIRECTORY ${dirs})
  foreach(f IN LISTS files)
    file(COPY_FILE "${src}/${f}" "${dst}/${f}" ONLY_IF_DIFFERENT INPUT_MAY_BE_RECENT)
  endforeach()
endfunction()

# Ask Python a question at configure time; fail with the given hint.
function(ember_python_query out code hint)
  execute_process(
    COMMAND "${Python_EXECUTABLE}" -c "${code}"
    OUTPUT_VARIABLE value ERROR_VARIABLE err RESULT_VARIABLE rc
    OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${hint}\n(${Python_EXECUTABLE} said: ${err})")
  endif()
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

macro(ember_find_python)
  find_package(Python 3.9 REQUIRED COMPONENTS Interpreter Development.Module)
endmacro()

# pybind11: headers only; the module itself is a plain Python_add_library.
function(ember_find_pybind11)
  ember_python_query(inc "import pybind11; print(pybind11.get_include())"
    "ember needs pybind11 to build: pip install pybind11")
  ember_python_query(ver "import pybind11; print(pybind11.__version__)" "")
  ember_mirror_tree("${inc}" "${CMAKE_BINARY_DIR}/third_party/pybind11/include")
  set(EMBER_PYBIND11_VERSION "${ver}" PARENT_SCOPE)
  add_library(ember_pybind11 INTERFACE)
  target_include_directories(ember_pybind11 SYSTEM INTERFACE
    "${CMAKE_BINARY_DIR}/third_party/pybind11/include")
endfunction()

# `#define name prefixed_name` lines for every function `header` declares with
# `prefix` and a name matching `names` (a regex); `must_have` must be among them.
function(ember_symbol_map out_var header prefix names must_have version)
  file(READ "${header}" text)
  string(REGEX MATCHALL "${prefix}(${names})[ \t]*\\(" decls "${text}")
  set(lines "")
  set(seen "")
  foreach(d IN LISTS decls)
    string(REGEX REPLACE "[ \t]*\\($" "" sym "${d}")
    string(REGEX REPLACE "^${prefix}" "" name "${sym}")
    if(NOT name IN_LIST seen AND NOT prefix STREQUAL "")
      list(APPEND seen "${name}")
      string(APPEND lines "#define ${name} ${sym}\n")
    endif()
  endforeach()
  if(NOT "${must_have}" IN_LIST seen AND NOT prefix STREQUAL "")
    message(FATAL_ERROR "scipy-openblas32 ${version}: ${must_have} not found in ${header}")
  endif()
  set(${out_var} "${lines}" PARENT_SCOPE)
endfunction()

# BLAS: the scipy-openblas32 wheel (same OpenBLAS that NumPy and SciPy ship), so
# `pip install` on a fresh machine needs no system BLAS. See Note [Loading OpenBLAS]
# in python/ember/_loader.py for how it is found at run time.
#
# Its symbols carry a prefix (scipy_cblas_sgemm, scipy_openblas_set_num_threads)
# so it can live beside another BLAS in one process. ember's C++ includes the
# configured header <ember/config/cblas.h>, which includes the package's cblas.h
# and maps the standard names onto the prefixed ones, so code calls
# `cblas_sgemm(CblasRowMajor, ...)` and never spells the prefix.
function(ember_find_blas)
  ember_python_query(info
    "import scipy_openblas32 as s, re; pc = s.get_pkg_config(); m = re.search(r'-DBLAS_SYMBOL_PREFIX=(\\w+)', pc); print(';'.join([s.get_include_dir(), s.get_lib_dir(), s.get_library(fullname=True), s.__version__, m.group(1) if m else '']))"
    "ember needs the scipy-openblas32 package to build: pip install scipy-openblas32")
  list(GET info 0 inc)
  list(GET info 1 libdir)
  list(GET info 2 libfile)
  list(GET info 3 version)
  list(GET info 4 prefix)

  set(stage "${CMAKE_BINARY_DIR}/third_party/openblas")
  ember_mirror_tree("${inc}" "${stage}/include")
  file(MAKE_DIRECTORY "${stage}/lib")
  file(COPY_FILE "${libdir}/${libfile}" "${stage}/lib/${libfile}" ONLY_IF_DIFFERENT INPUT_MAY_BE_RECENT)

  # The standard name -> prefixed symbol tables, read from the headers themselves:
  # CBLAS into <ember/config/cblas.h> and LAPACKE (the same library's LAPACK, through
  # its C interface) into <ember/config/lapacke.h>.
  ember_symbol_map(EMBER_BLAS_SYMBOL_MAP "${stage}/include/cblas.h" "${prefix}"
                   "cblas_[A-Za-z0-9_]+|openblas_[A-Za-z0-9_]+|goto_[A-Za-z0-9_]+" cblas_sgemm "${version}")
  ember_symbol_map(EMBER_LAPACKE_SYMBOL_MAP "${stage}/include/lapacke.h" "${prefix}"
                   "LAPACKE_[a-z][A-Za-z0-9_]*" LAPACKE_sgetrf "${version}")
  configure_file("${CMAKE_SOURCE_DIR}/cmake/lapacke.h.in"
                 "${CMAKE_BINARY_DIR}/config/ember/config/lapacke.h" @ONLY)
  set(EMBER_BLAS_DESCRIPTION "OpenBLAS ${version} (scipy-openblas32, symbol prefix '${prefix}')")
  configure_file("${CMAKE_SOURCE_DIR}/cmake/cblas.h.in"
                 "${CMAKE_BINARY_DIR}/config/ember/config/cblas.h" @ONLY)

  # Link by soname, with no RPATH: the loader has mapped the library before _C is
  # imported (Note [Loading OpenBLAS]).
  add_library(ember_blas INTERFACE)
  target_include_directories(ember_blas SYSTEM INTERFACE "${stage}/include")
  target_link_libraries(ember_blas INTERFACE "${stage}/lib/${libfile}")
  set(EMBER_BLAS "${EMBER_BLAS_DESCRIPTION}" PARENT_SCOPE)
  set(EMBER_BLAS_LIBRARY_FILE "${libfile}" PARENT_SCOPE)
endfunction()
