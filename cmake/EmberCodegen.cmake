# Code generation from native_functions.yaml, as a step of the Ninja graph.
#
# Note [Codegen in the build graph]
# ---------------------------------
# * The generated files are known at configure time: `--list-outputs` prints them
#   (a fixed list for given backends). Configure re-runs when the schema or the
#   generator changes (CMAKE_CONFIGURE_DEPENDS), so a new output shard is picked up.
# * One custom command runs the generator. Its OUTPUT is a stamp; the generated
#   files are BYPRODUCTS, which the Ninja generator marks `restat`. The generator
#   writes only files whose bytes changed (codegen's Note [Write only when
#   changed]), so after a schema edit Ninja re-checks the mtimes and recompiles
#   only the translation units whose generated inputs really changed.
# * The command depends on the schema, every codegen/**/*.py and every template,
#   so any change to the generator re-runs it.

include_guard(GLOBAL)

# Sets EMBER_GENERATED_DIR, EMBER_GENERATED_SOURCES (compiled .cpp/.cu),
# EMBER_GENERATED_FILES (everything), and the target `ember_codegen`.
function(ember_codegen backends)
  set(yaml "${CMAKE_SOURCE_DIR}/native_functions.yaml")
  set(templates "${CMAKE_SOURCE_DIR}/codegen/templates")
  set(out_dir "${CMAKE_BINARY_DIR}/generated")
  # Normally `python -m codegen`; a test may substitute another generator.
  set(EMBER_CODEGEN_COMMAND "" CACHE STRING
      "The code generator's command line before its subcommand (empty: python -m codegen)")
  set(gen ${EMBER_CODEGEN_COMMAND})
  if(NOT gen)
    set(gen "${Python_EXECUTABLE}" -m codegen)
  endif()
  if(NOT EXISTS "${yaml}")
    message(FATAL_ERROR "ember's schema ${yaml} is missing")
  endif()

  file(GLOB_RECURSE generator_files CONFIGURE_DEPENDS
    "${CMAKE_SOURCE_DIR}/codegen/*.py"
    "${templates}/*")
  set_property(DIRECTORY "${CMAKE_SOURCE_DIR}" APPEND PROPERTY
    CMAKE_CONFIGURE_DEPENDS "${yaml}" ${generator_files})

  set(args generate --yaml "${yaml}" --templates "${templates}"
           --out-dir "${out_dir}" --backends "${backends}")
  execute_process(
    COMMAND ${gen} ${args} --list-outputs
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
    OUTPUT_VARIABLE listing ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    string(JOIN " " cmd ${gen} ${args} --list-outputs)
    message(FATAL_ERROR "The code generator failed to list its outputs:\n  ${cmd}\n${err}")
  endif()
  string(REGEX REPLACE "\r?\n" ";" listing "${listing}")
  set(files "")
  set(sources "")
  foreach(rel IN LISTS listing)
    string(STRIP "${rel}" rel)
    if(rel STREQUAL "")
      continue()
    endif()
    list(APPEND files "${out_dir}/${rel}")
    if(rel MATCHES "\\.(cpp|cu)$")
      list(APPEND sources "${out_dir}/${rel}")
    endif()
  endforeach()
  if(NOT files)
    message(FATAL_ERROR "The code generator listed no outputs for backends ${backends}")
  endif()

  set(stamp "${out_dir}/.codegen.stamp")
  add_custom_command(
    OUTPUT "${stamp}"
    BYPRODUCTS ${files}
    COMMAND ${gen} ${args}
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS "${yaml}" ${generator_files}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
    COMMENT "Generating operators from native_functions.yaml (backends: ${backends})"
    VERBATIM)
  add_custom_target(ember_codegen DEPENDS "${stamp}")

  set(EMBER_GENERATED_DIR "${out_dir}" PARENT_SCOPE)
  set(EMBER_GENERATED_FILES "${files}" PARENT_SCOPE)
  set(EMBER_GENERATED_SOURCES "${sources}" PARENT_SCOPE)
endfunction()
