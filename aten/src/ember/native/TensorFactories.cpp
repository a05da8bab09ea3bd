// Creation operators: empty/zeros/ones/full and their *_like forms, scalar_tensor,
// arange, linspace, eye, and the random factories (rand, randn, randint and *_like),
// which allocate and then call the in-place random fills of Distributions.cpp.
// Allocation is device-generic (the allocator of the requested device); values are
// written by fill_ (native/Fill.cpp) or by the arange/linspace stubs.
#include <ember/native/TensorFactories.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/TensorShape.h>

namespace ember::native {

EMBER_DEFINE_DISPATCH(arange_stub);
EMBER_DEFINE_DISPATCH(linspace_stub);

namespace {

Device device_or_cpu(std::optional<Device> device) {
  return device.value_or(Device(DeviceType::CPU));
}

// Layout has a single value (strided); pinned host memory needs an allocator ember
// does not have yet, and silently returning pageable memory would break the caller's
// assumption that non_blocking copies from it are asynchronous.
void check_options(std::optional<bool> pin_memory) {
  EMBER_CHECK_NOT_IMPLEMENTED(!pin_memory || !*pin_memory,
                              "pin_memory=True is not supported: ember has no pinned host "
                              "memory allocator yet");
}

void check_sizes(IntArrayRef size) {
  for (int64_t s : size) {
    EMBER_CHECK(s >= 0, "Trying to create tensor with negative dimension ", s, ": ", shape_str(size));
  }
}

Tensor allocate(IntArrayRef size, ScalarType dtype, Device device) {
  check_sizes(size);
  return empty_tensor(size, dtype, device);
}

// The dtype `full` infers from its fill value, as PyTorch: bool -> bool, int -> int64,
// float -> the default dtype.
ScalarType infer_scalar_dtype(const Scalar& s) {
  if (s.is_bool()) return ScalarType::Bool;
  if (s.is_integral(/*include_bool=*/false)) return ScalarType::Long;
  return default_dtype();
}

// An uninitialised tensor shaped like self. memory_format preserve (the default) keeps
// self's strides when they describe a gap-free, non-overlapping layout (e.g. a
// transpose); any other input gets contiguous strides.
Tensor allocate_like(const Tensor& self, std::optional<ScalarType> dtype, std::optional<Device> device,
                     std::optional<bool> pin_memory, std::optional<MemoryFormat> memory_format) {
  check_options(pin_memory);
  const ScalarType dt = dtype.value_or(self.dtype());
  const Device dev = device.value_or(self.device());
  if (memory_format.value_or(MemoryFormat::Preserve) == MemoryFormat::Preserve &&
      !self.is_contiguous() && is_non_overlapping_and_dense(self.sizes(), self.strides())) {
    return empty_strided_tensor(self.sizes(), self.strides(), dt, dev);
  }
  return empty_tensor(self.sizes(), dt, dev);
}

// Runs fill(target) on a contiguous tensor with out's dtype and device, then makes it
// out's contents (out itself when it is contiguous; a copy_ otherwise).
template <typename Fill>
void fill_contiguous(Tensor& out, Fill&& fill) {
  if (out.is_contiguous()) {
    fill(out);
    return;
  }
  Tensor tmp = empty_tensor(out.sizes(), out.dtype(), out.device());
  fill(tmp);
  out.copy_(tmp);
}

void resize_out(Tensor& out, IntArrayRef size) {
  if (!out.sizes().equals(size)) native::resize_(out, size, std::nullopt);
}

}  // namespace

// ---------------------------------------------------------------------------------
// empty / filled tensors
// ---------------------------------------------------------------------------------

Tensor empty(IntArrayRef size, std::optional<ScalarType> dtype, std::optional<Layout> /*layout*/,
             std::optional<Device> device, std::optional<bool> pin_memory,
             std::optional<MemoryFormat> memory_format) {
  check_options(pin_memory);
  EMBER_CHECK(!memory_format || *memory_format == MemoryFormat::Contiguous,
              "unsupported memory format Preserve");
  return allocate(size, dtype.value_or(default_dtype()), device_or_cpu(device));
}

Tensor empty_strided(IntArrayRef size, IntArrayRef stride, std::optional<ScalarType> dtype,
                     std::optional<Layout> /*layout*/, std::optional<Device> device,
                     std::optional<bool> pin_memory) {
  check_options(pin_memory);
  check_sizes(size);
  EMBER_CHECK(size.size() == stride.size(), "dimensionality of sizes (", size.size(),
              ") must match dimensionality of strides (", stride.size(), ")");
  return empty_strided_tensor(size, stride, dtype.value_or(default_dtype()), device_or_cpu(device));
}

Tensor scalar_tensor(const Scalar& s, std::optional<ScalarType> dtype, std::optional<Layout> /*layout*/,
                     std::optional<Device> device, std::optional<bool> pin_memory) {
  check_options(pin_memory);
  return scalar_tensor_of(s, dtype.value_or(default_dtype()), device_or_cpu(device));
}

Tensor full(IntArrayRef size, const Scalar& fill_value, std::optional<ScalarType> dtype,
            std::optional<Layout> /*layout*/, std::optional<Device> device,
            std::optional<bool> pin_memory) {
  check_options(pin_memory);
  Tensor t = allocate(size, dtype.value_or(infer_scalar_dtype(fill_value)), device_or_cpu(device));
  ember::fill_(t, fill_value);
  return t;
}

Tensor zeros(IntArrayRef size, std::optional<ScalarType> dtype, std::optional<Layout> layout,
             std::optional<Device> device, std::optional<bool> pin_memory) {
  return native::full(size, 0, dtype.value_or(default_dtype()), layout, device, pin_memory);
}

Tensor ones(IntArrayRef size, std::optional<ScalarType> dtype, std::optional<Layout> layout,
            std::optional<Device> device, std::optional<bool> pin_memory) {
  return native::full(size, 1, dtype.value_or(default_dtype()), layout, device, pin_memory);
}

Tensor& zeros_out(IntArrayRef size, Tensor& out) {
  out.resize_(size, std::nullopt);
  return ember::fill_(out, Scalar(int64_t(0)));
}

Tensor& ones_out(IntArrayRef size, Tensor& out) {
  out.resize_(size, std::nullopt);
  return ember::fill_(out, Scalar(int64_t(1)));
}

Tensor empty_like(const Tensor& self, std::optional<ScalarType> dtype, std::optional<Layout> /*layout*/,
                  std::optional<Device> device, std::optional<bool> pin_memory,
                  std::optional<MemoryFormat> memory_format) {
  return allocate_like(self, dtype, device, pin_memory, memory_format);
}

Tensor full_like(const Tensor& self, const Scalar& fill_value, std::optional<ScalarType> dtype,
                 std::optional<Layout> /*layout*/, std::optional<Device> device,
                 std::optional<bool> pin_memory, std::optional<MemoryFormat> memory_format) {
  Tensor t = allocate_like(self, dtype, device, pin_memory, memory_format);
  ember::fill_(t, fill_value);
  return t;
}

Tensor zeros_like(const Tensor& self, std::optional<ScalarType> dtype, std::optional<Layout> layout,
                  std::optional<Device> device, std::optional<bool> pin_memory,
                  std::optional<MemoryFormat> memory_format) {
  return native::full_like(self, 0, dtype, layout, device, pin_memory, memory_format);
}

Tensor ones_like(const Tensor& self, std::optional<ScalarType> dtype, std::optional<Layout> layout,
                 std::optional<Device> device, std::optional<bool> pin_memory,
                 std::optional<MemoryFormat> memory_format) {
  return native::full_like(self, 1, dtype, layout, device, pin_memory, memory_format);
}

// ---------------------------------------------------------------------------------
// Random factories
// ---------------------------------------------------------------------------------

Tensor rand(IntArrayRef size, const std::optional<Generator>& generator, std::optional<ScalarType> dtype,
            std::optional<Layout> /*layout*/, std::optional<Device> device,
            std::optional<bool> pin_memory) {
  check_options(pin_memory);
  Tensor t = allocate(size, dtype.value_or(default_dtype()), device_or_cpu(device));
  return ember::native::uniform_(t, 0.0, 1.0, generator);
}

Tensor randn(IntArrayRef size, const std::optional<Generator>& generator, std::optional<ScalarType> dtype,
             std::optional<Layout> /*layout*/, std::optional<Device> device,
             std::optional<bool> pin_memory) {
  check_options(pin_memory);
  Tensor t = allocate(size, dtype.value_or(default_dtype()), device_or_cpu(device));
  return ember::native::normal_(t, 0.0, 1.0, generator);
}

Tensor randint(int64_t low, int64_t high, IntArrayRef size, const std::optional<Generator>& generator,
               std::optional<ScalarType> dtype, std::optional<Layout> /*layout*/,
               std::optional<Device> device, std::optional<bool> pin_memory) {
  check_options(pin_memory);
  Tensor t = allocate(size, dtype.value_or(ScalarType::Long), device_or_cpu(device));
  return ember::native::random_from_(t, low, high, generator);
}

Tensor randint(int64_t high, IntArrayRef size, const std::optional<Generator>& generator,
               std::optional<ScalarType> dtype, std::optional<Layout> layout,
               std::optional<Device> device, std::optional<bool> pin_memory) {
  return native::randint(0, high, size, generator, dtype, layout, device, pin_memory);
}

Tensor rand_like(const Tensor& self, std::optional<ScalarType> dtype, std::optional<Layout> /*layout*/,
                 std::optional<Device> device, std::optional<bool> pin_memory,
                 std::optional<MemoryFormat> memory_format) {
  Tensor t = allocate_like(self, dtype, device, pin_memory, memory_format);
  return ember::native::uniform_(t, 0.0, 1.0, std::nullopt);
}

Tensor randn_like(const Tensor& self, std::optional<ScalarType> dtype, std::optional<Layout> /*layout*/,
                  std::optional<Device> device, std::optional<bool> pin_memory,
                  std::optional<MemoryFormat> memory_format) {
  Tensor t = allocate_like(self, dtype, device, pin_memory, memory_format);
  return ember::native::normal_(t, 0.0, 1.0, std::nullopt);
}

Tensor randint_like(const Tensor& self, int64_t low, int64_t high, std::optional<ScalarType> dtype,
                    std::optional<Layout> /*layout*/, std::optional<Device> device,
                    std::optional<bool> pin_memory, std::optional<MemoryFormat> memory_format) {
  Tensor t = allocate_like(self, dtype, device, pin_memory, memory_format);
  return ember::native::random_from_(t, low, high, std::nullopt);
}

Tensor randint_like(const Tensor& self, int64_t high, std::optional<ScalarType> dtype,
                    std::optional<Layout> layout, std::optional<Device> device,
                    std::optional<bool> pin_memory, std::optional<MemoryFormat> memory_format) {
  return native::randint_like(self, 0, high, dtype, layout, device, pin_memory, memory_format);
}

// ---------------------------------------------------------------------------------
// arange / linspace / eye
// ---------------------------------------------------------------------------------

namespace {

// arange's dtype when none is given: int64 unless one of the numbers is a float.
ScalarType arange_dtype(const Scalar& start, const Scalar& end, const Scalar& step) {
  if (start.is_floating_point() || end.is_floating_point() || step.is_floating_point()) {
    return default_dtype();
  }
  return ScalarType::Long;
}

// The number of elements of arange(start, end, step) in `dtype`. The bounds are checked
// in double; the count is ceil((end - start) / step) in double so that every device gets
// the same size, except for int64 where double would lose precision and the count is
// computed on the integer values.
int64_t arange_size(const Scalar& start, const Scalar& end, const Scalar& step, ScalarType dtype) {
  EMBER_CHECK_NOT_IMPLEMENTED(dtype != ScalarType::Bool, "\"arange_cpu\" not implemented for 'Bool'");
  const double dstart = start.to_double(), dend = end.to_double(), dstep = step.to_double();
  EMBER_CHECK(dstep > 0 || dstep < 0, "step must be nonzero");
  EMBER_CHECK(std::isfinite(dstart) && std::isfinite(dend), "unsupported range: ", dstart, " -> ",
              dend);
  EMBER_CHECK((dstep > 0 && dend >= dstart) || (dstep < 0 && dend <= dstart),
              "upper bound and lower bound inconsistent with step sign");
  if (dtype == ScalarType::Long) {
    const int64_t xstart = start.to_long(), xend = end.to_long(), xstep = step.to_long();
    // A fractional step truncated to zero (PyTorch raises ValueError here too).
    EMBER_CHECK_VALUE(xstep != 0, "step must be nonzero");
    const int64_t sgn = xstep > 0 ? 1 : -1;
    // Truncation is monotonic, so the truncated bounds keep the sign checked above and
    // the quotient is a non-negative ceil((xend - xstart) / xstep).
    return (xend - xstart + xstep - sgn) / xstep;
  }
  const double size_d = std::ceil((dend - dstart) / dstep);
  EMBER_CHECK(size_d >= 0 && size_d <= static_cast<double>(std::numeric_limits<int64_t>::max()),
              "invalid size, possible overflow?");
  return static_cast<int64_t>(size_d);
}

}  // namespace

Tensor& arange_out(const Scalar& start, const Scalar& end, const Scalar& step, Tensor& out) {
  if (!out.defined()) out = empty_tensor({0}, arange_dtype(start, end, step), Device(DeviceType::CPU));
  const int64_t size = arange_size(start, end, step, out.dtype());
  resize_out(out, {size});
  if (size == 0) return out;
  fill_contiguous(out, [&](const Tensor& t) { arange_stub(t.device().type, t, start, step); });
  return out;
}

Tensor& arange_out(const Scalar& end, Tensor& out) { return native::arange_out(0, end, 1, out); }

Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step, std::optional<ScalarType> dtype,
              std::optional<Layout> /*layout*/, std::optional<Device> device,
              std::optional<bool> pin_memory) {
  check_options(pin_memory);
  const ScalarType dt = dtype.value_or(arange_dtype(start, end, step));
  const int64_t size = arange_size(start, end, step, dt);
  Tensor out = empty_tensor({size}, dt, device_or_cpu(device));
  if (size > 0) arange_stub(out.device().type, out, start, step);
  return out;
}

Tensor arange(const Scalar& start, const Scalar& end, std::optional<ScalarType> dtype,
              std::optional<Layout> layout, std::optional<Device> device,
              std::optional<bool> pin_memory) {
  return native::arange(start, end, 1, dtype, layout, device, pin_memory);
}

Tensor arange(const Scalar& end, std::optional<ScalarType> dtype, std::optional<Layout> layout,
              std::optional<Device> device, std::optional<bool> pin_memory) {
  return native::arange(0, end, 1, dtype, layout, device, pin_memory);
}

Tensor& linspace_out(const Scalar& start, const Scalar& end, int64_t steps, Tensor& out) {
  EMBER_CHECK(steps >= 0, "number of steps must be non-negative");
  if (!out.defined()) out = empty_tensor({steps}, default_dtype(), Device(DeviceType::CPU));
  EMBER_CHECK_NOT_IMPLEMENTED(out.dtype() != ScalarType::Bool,
                              "\"linspace_cpu\" not implemented for 'Bool'");
  resize_out(out, {steps});
  if (steps == 0) return out;
  if (steps == 1) {
    ember::fill_(out, start);
    return out;
  }
  fill_contiguous(out, [&](const Tensor& t) { linspace_stub(t.device().type, t, start, end, steps); });
  return out;
}

Tensor linspace(const Scalar& start, const Scalar& end, int64_t steps, std::optional<ScalarType> dtype,
                std::optional<Layout> /*layout*/, std::optional<Device> device,
                std::optional<bool> pin_memory) {
  check_options(pin_memory);
  EMBER_CHECK(steps >= 0, "number of steps must be non-negative");
  Tensor out = empty_tensor({steps}, dtype.value_or(default_dtype()), device_or_cpu(device));
  return native::linspace_out(start, end, steps, out);
}

Tensor& eye_out(int64_t n, int64_t m, Tensor& out) {
  EMBER_CHECK(n >= 0, "n must be greater or equal to 0, got ", n);
  EMBER_CHECK(m >= 0, "m must be greater or equal to 0, got ", m);
  if (!out.defined()) out = empty_tensor({n, m}, default_dtype(), Device(DeviceType::CPU));
  resize_out(out, {n, m});
  ember::fill_(out, 0);
  const int64_t diag = std::min(n, m);
  if (diag > 0) {
    // The diagonal is a strided view (stride = row stride + column stride): filling it
    // reuses fill_'s per-device loops.
    Tensor d = make_view(out, {diag}, {out.strides()[0] + out.strides()[1]}, out.storage_offset());
    ember::fill_(d, 1);
  }
  return out;
}

Tensor& eye_out(int64_t n, Tensor& out) { return native::eye_out(n, n, out); }

Tensor eye(int64_t n, int64_t m, std::optional<ScalarType> dtype, std::optional<Layout> /*layout*/,
           std::optional<Device> device, std::optional<bool> pin_memory) {
  check_options(pin_memory);
  EMBER_CHECK(n >= 0, "n must be greater or equal to 0, got ", n);
  EMBER_CHECK(m >= 0, "m must be greater or equal to 0, got ", m);
  Tensor out = empty_tensor({n, m}, dtype.value_or(default_dtype()), device_or_cpu(device));
  return native::eye_out(n, m, out);
}

Tensor eye(int64_t n, std::optional<ScalarType> dtype, std::optional<Layout> layout,
           std::optional<Device> device, std::optional<bool> pin_memory) {
  return native::eye(n, n, dtype, layout, device, pin_memory);
}

}  // namespace ember::native
