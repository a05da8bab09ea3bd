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

  # The standard name -> prefixed symbol table, read from the header itself.
  file(READ "${stage}/include/cblas.h" header)
  string(REGEX MATCHALL "${prefix}(cblas_[A-Za-z0-9_]+|openblas_[A-Za-z0-9_]+|goto_[A-Za-z0-9_]+)[ \t]*\\("
         decls "${header}")
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
  if(NOT "cblas_sgemm" IN_LIST seen AND NOT prefix STREQUAL "")
    message(FATAL_ERROR "scipy-openblas32 ${version}: cblas_sgemm not found in ${inc}/cblas.h")
  endif()
  set(EMBER_BLAS_SYMBOL_MAP "${lines}")

  # LAPACKE (the same library's LAPACK, through its C interface): the same mapping,
  # read from lapacke.h, into <ember/config/lapacke.h>.
  file(READ "${stage}/include/lapacke.h" lapacke_header)
  string(REGEX MATCHALL "${prefix}LAPACKE_[a-z][A-Za-z0-9_]*[ \t]*\\(" lapacke_decls "${lapacke_header}")
  set(lapacke_lines "")
  set(lapacke_seen "")
  foreach(d IN LISTS lapacke_decls)
    string(REGEX REPLACE "[ \t]*\\($" "" sym "${d}")
    string(REGEX REPLACE "^${prefix}" "" name "${sym}")
    if(NOT name IN_LIST lapacke_seen AND NOT prefix STREQUAL "")
      list(APPEND lapacke_seen "${name}")
      string(APPEND lapacke_lines "#define ${name} ${sym}\n")
    endif()
  endforeach()
  if(NOT "LAPACKE_sgetrf" IN_LIST lapacke_seen AND NOT prefix STREQUAL "")
    message(FATAL_ERROR "scipy-openblas32 ${version}: LAPACKE_sgetrf not found in ${inc}/lapacke.h")
  endif()
  set(EMBER_LAPACKE_SYMBOL_MAP "${lapacke_lines}")
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
