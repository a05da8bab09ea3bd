#pragma once
// fill_: writes one value into every element (native/Fill.cpp; CPU loop:
// native/cpu/FillKernel.cpp). The stub receives a nullary TensorIterator over `self`.
#include <ember/core/DispatchStub.h>
#include <ember/core/Scalar.h>

namespace ember {

class TensorIterator;

using fill_fn = void (*)(TensorIterator&, const Scalar& value);
EMBER_DECLARE_DISPATCH(fill_fn, fill_stub);

}  // namespace ember
