"""ember's code generator.

Layers, one direction (see STYLE.md): ``model`` (the schema language, typed and
round-tripping), ``native_yaml`` (native_functions.yaml entries -> validated
NativeFunctions), then the naming rules and emitters.  ``python -m codegen``
is the command line.
"""
