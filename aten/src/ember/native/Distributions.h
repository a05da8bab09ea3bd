#pragma once
// Random fills, device-generic part: argument checks, generator selection and Philox
// offset reservation live in Distributions.cpp; the per-device loops that turn Philox
// blocks into elements (see Note [Philox element mapping] in native/Philox.h) register
// into these stubs. Every loop receives a contiguous, non-empty tensor and the state
// its operator reserved.
#include <ember/core/DispatchStub.h>
#include <ember/core/Generator.h>
#include <ember/core/Tensor.h>
#include <ember/native/Philox.h>

namespace ember::native {

using uniform_fn = void (*)(const Tensor& self, PhiloxState state, double from, double to);
using normal_fn = void (*)(const Tensor& self, PhiloxState state, double mean, double std);
using random_from_to_fn = void (*)(const Tensor& self, PhiloxState state, philox::RandomRange range);

EMBER_DECLARE_DISPATCH(uniform_fn, uniform_stub);
EMBER_DECLARE_DISPATCH(normal_fn, normal_stub);
EMBER_DECLARE_DISPATCH(random_from_to_fn, random_from_to_stub);

// Philox blocks an operator consumes for n elements drawn E per block.
inline uint64_t philox_blocks(int64_t n, int elements_per_block) {
  return (static_cast<uint64_t>(n) + elements_per_block - 1) / elements_per_block;
}

// The generator to draw from: `generator` when given (its device type must match),
// else the default generator of `device`.
GeneratorImpl* generator_for(const std::optional<Generator>& generator, Device device);

}  // namespace ember::native
