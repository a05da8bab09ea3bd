// The tensor core through its C++ API: storage shared by views, geometry (sizes,
// strides, offsets, contiguity), SmallVector-backed geometry past its inline
// capacity, dim wrapping and its errors, devices, and the CPU caching allocator.
#include <cstdint>
#include <vector>

#include <ember/core/Allocator.h>
#include <ember/core/Device.h>
#include <ember/core/Error.h>
#include <ember/core/SmallVector.h>
#include <ember/core/TensorImpl.h>
#include <ember/generated/Functions.h>

#include "check.h"

using ember::Tensor;
using ember_test::vec;
using Dims = std::vector<int64_t>;

namespace {

// 0, 1, ..., n-1 as int64, shaped by the caller.
Tensor iota(int64_t n) { return ember::arange(0, n); }

int64_t at(const Tensor& t, int64_t flat_storage_index) {
  return static_cast<const int64_t*>(t.storage()->data())[flat_storage_index];
}

}  // namespace

TEST_CASE(views_share_storage) {
  Tensor base = iota(12);
  Tensor v = base.view({3, 4});
  Tensor tr = v.transpose(0, 1);
  Tensor row = v.select(0, 1);
  Tensor col = v.select(1, 2);
  Tensor nar = v.narrow(1, 1, 2);

  for (const Tensor* t : {&v, &tr, &row, &col, &nar}) {
    CHECK(!t->is_same(base));                        // a new TensorImpl ...
    CHECK(t->storage().get() == base.storage().get());  // ... over the same StorageImpl
  }
  // Writing through a view is seen by the base and by every other view.
  row.data_ptr<int64_t>()[3] = 100;  // v[1][3] == base[7]
  CHECK_EQ(base.data_ptr<int64_t>()[7], 100);
  CHECK_EQ(tr.select(0, 3).select(0, 1).item().to_long(), 100);
  tr.select(0, 2).fill_(-1);  // column 2 of v
  for (int64_t r = 0; r < 3; ++r) CHECK_EQ(at(base, r * 4 + 2), -1);
  CHECK_EQ(col.sum().item().to_long(), -3);
}

TEST_CASE(view_geometry) {
  Tensor v = iota(24).view({2, 3, 4});
  CHECK_EQ(v.dim(), 3);
  CHECK_EQ(vec(v.sizes()), (Dims{2, 3, 4}));
  CHECK_EQ(vec(v.strides()), (Dims{12, 4, 1}));
  CHECK_EQ(v.numel(), 24);
  CHECK(v.is_contiguous());
  CHECK_EQ(v.size(-1), 4);
  CHECK_EQ(v.stride(-3), 12);

  Tensor tr = v.transpose(0, 2);
  CHECK_EQ(vec(tr.sizes()), (Dims{4, 3, 2}));
  CHECK_EQ(vec(tr.strides()), (Dims{1, 4, 12}));
  CHECK(!tr.is_contiguous());
  CHECK_EQ(tr.storage_offset(), 0);

  Tensor sel = v.select(1, 2);  // v[:, 2, :]
  CHECK_EQ(vec(sel.sizes()), (Dims{2, 4}));
  CHECK_EQ(vec(sel.strides()), (Dims{12, 1}));
  CHECK_EQ(sel.storage_offset(), 8);
  CHECK(!sel.is_contiguous());
  CHECK_EQ(sel.select(0, 1).select(0, 3).item().to_long(), 12 + 8 + 3);

  Tensor last = v.select(0, -1);  // negative index wraps
  CHECK_EQ(last.storage_offset(), 12);
  CHECK(last.is_contiguous());

  Tensor perm = v.permute({2, 0, 1});
  CHECK_EQ(vec(perm.sizes()), (Dims{4, 2, 3}));
  CHECK_EQ(vec(perm.strides()), (Dims{1, 12, 4}));

  Tensor ex = iota(3).view({3, 1}).expand({3, 5});
  CHECK_EQ(vec(ex.strides()), (Dims{1, 0}));
  CHECK(ex.storage().get() != nullptr);

  // contiguous() of a contiguous tensor is that tensor; of a transposed one, a copy
  // with row-major strides and its own storage.
  CHECK(v.contiguous().is_same(v));
  Tensor c = tr.contiguous();
  CHECK(c.is_contiguous());
  CHECK_EQ(vec(c.strides()), (Dims{6, 2, 1}));
  CHECK(c.storage().get() != v.storage().get());
  CHECK_EQ(c.select(0, 3).select(0, 2).select(0, 1).item().to_long(), 12 + 2 * 4 + 3);

  // reshape of a non-contiguous tensor must copy; of a contiguous one it is a view.
  CHECK(v.reshape({6, 4}).storage().get() == v.storage().get());
  CHECK(tr.reshape({24}).storage().get() != v.storage().get());
}

TEST_CASE(size_zero_and_scalar_geometry) {
  CHECK_EQ(vec(ember::contiguous_strides({2, 0, 3})), (Dims{3, 3, 1}));
  Tensor e = ember::empty({2, 0, 3});
  CHECK_EQ(e.numel(), 0);
  CHECK(e.is_contiguous());

  Tensor s = ember::scalar_tensor(7);
  CHECK_EQ(s.dim(), 0);
  CHECK_EQ(s.numel(), 1);
  CHECK(vec(s.sizes()).empty());
  CHECK_EQ(s.item().to_long(), 7);
  CHECK_THROWS(ember::Error, (void)ember::empty({2, -1}), "negative dimension");
}

TEST_CASE(geometry_beyond_inline_capacity) {
  // TensorImpl keeps sizes/strides in SmallVector<int64_t, 5>: 6+ dims go to the heap.
  const Dims sizes7{2, 1, 3, 1, 2, 1, 2};
  Tensor t = iota(24).view(sizes7);
  CHECK_EQ(t.dim(), 7);
  CHECK_EQ(vec(t.sizes()), sizes7);
  CHECK_EQ(vec(t.strides()), (Dims{12, 12, 4, 4, 2, 2, 1}));
  CHECK(t.is_contiguous());

  Tensor p = t.permute({6, 5, 4, 3, 2, 1, 0});
  CHECK_EQ(vec(p.sizes()), (Dims{2, 1, 2, 1, 3, 1, 2}));
  CHECK_EQ(vec(p.strides()), (Dims{1, 2, 2, 4, 4, 12, 12}));
  CHECK(!p.is_contiguous());
  CHECK_EQ(p.contiguous().sum().item().to_long(), 23 * 24 / 2);

  Tensor u = t.unsqueeze(0).unsqueeze(-1);  // 9 dims
  CHECK_EQ(u.dim(), 9);
  CHECK_EQ(u.size(0), 1);
  CHECK_EQ(u.size(8), 1);
  CHECK_EQ(u.squeeze().dim(), 4);  // 2, 3, 2, 2

  // Growing and shrinking one TensorImpl's geometry across the inline capacity.
  ember::TensorImpl impl(t.storage(), ember::ScalarType::Long, {24});
  impl.set_sizes_contiguous({1, 2, 1, 2, 1, 2, 1, 3});
  CHECK_EQ(impl.dim(), 8);
  CHECK_EQ(impl.numel(), 24);
  CHECK_EQ(vec(impl.strides()), (Dims{24, 12, 12, 6, 6, 3, 3, 1}));
  impl.set_sizes_and_strides({4, 6}, {1, 4});
  CHECK_EQ(vec(impl.sizes()), (Dims{4, 6}));
  CHECK_EQ(vec(impl.strides()), (Dims{1, 4}));
  CHECK(!impl.is_contiguous());
  CHECK_THROWS(ember::Error, impl.set_sizes_and_strides({4, 6}, {1}), "dimensionality");
}

TEST_CASE(small_vector) {
  ember::SmallVector<int64_t, 2> v;
  CHECK_EQ(v.size(), 0u);
  const int64_t five[] = {1, 2, 3, 4, 5};
  v.assign(five, five + 5);  // spills to the heap
  CHECK_EQ(vec(v), (Dims{1, 2, 3, 4, 5}));
  ember::SmallVector<int64_t, 2> copy = v;  // deep copy
  copy[0] = 42;
  CHECK_EQ(v[0], 1);
  CHECK_EQ(vec(copy), (Dims{42, 2, 3, 4, 5}));
  v.assign(v.begin() + 3, v.end());  // from inside itself
  CHECK_EQ(vec(v), (Dims{4, 5}));
  v.resize_uninitialized(7);
  CHECK_EQ(v.size(), 7u);
  CHECK_EQ(v[1], 5);  // existing elements survive a regrow
  copy = v;
  CHECK_EQ(copy.size(), 7u);
  ember::IntArrayRef ref = v;
  CHECK_EQ(ref.size(), 7u);
  CHECK(ref.data() == v.data());
}

TEST_CASE(dim_wrapping_errors) {
  CHECK_EQ(ember::maybe_wrap_dim(-1, 3), 2);
  CHECK_EQ(ember::maybe_wrap_dim(-3, 3), 0);
  CHECK_EQ(ember::maybe_wrap_dim(0, 0), 0);   // a 0-dim tensor accepts 0 and -1
  CHECK_EQ(ember::maybe_wrap_dim(-1, 0), 0);
  CHECK_THROWS(ember::IndexError, ember::maybe_wrap_dim(3, 3),
               "Dimension out of range (expected to be in range of [-3, 2], but got 3)");
  CHECK_THROWS(ember::IndexError, ember::maybe_wrap_dim(-4, 3), "but got -4");
  CHECK_THROWS(ember::IndexError, ember::maybe_wrap_dim(0, 0, /*wrap_scalar=*/false),
               "has no dimensions");

  Tensor t = ember::zeros({2, 3});
  CHECK_THROWS(ember::IndexError, (void)t.size(2), "Dimension out of range");
  CHECK_THROWS(ember::IndexError, (void)t.transpose(0, 5), "Dimension out of range");
  CHECK_THROWS(ember::IndexError, (void)t.sum(ember::IntArrayRef{-3}), "Dimension out of range");
  CHECK_THROWS(ember::IndexError, (void)t.select(1, 3), "out of range");
  // A wrong element type is a RuntimeError (ember::Error), not a crash.
  CHECK_THROWS(ember::Error, (void)t.data_ptr<int64_t>(), "expected scalar type Long");
}

TEST_CASE(devices) {
  CHECK_EQ(ember::Device("cpu"), ember::Device(ember::DeviceType::CPU));
  ember::Device d("cuda:1");
  CHECK(d.is_cuda());
  CHECK_EQ(static_cast<int>(d.index), 1);
  CHECK_EQ(d.str(), std::string("cuda:1"));
  CHECK(!ember::Device("cuda").has_index());
  CHECK_THROWS(ember::Error, ember::Device("gpu"), "Expected one of cpu, cuda");
  CHECK_THROWS(ember::Error, ember::Device("cuda:x"), "Invalid device string");
  Tensor t = ember::ones({2});
  CHECK(t.is_cpu());
  CHECK_EQ(t.device(), ember::Device(ember::DeviceType::CPU));
}

TEST_CASE(undefined_tensor) {
  Tensor u;
  CHECK(!u.defined());
  CHECK(u.impl() == nullptr);
  Tensor a = ember::zeros({1});
  Tensor b = a;  // copies share the TensorImpl
  CHECK(b.is_same(a));
  CHECK_EQ(a.use_count(), 2);
}

TEST_CASE(cpu_caching_allocator_reuses_large_blocks) {
  ember::Allocator* alloc = ember::get_allocator(ember::DeviceType::CPU);
  CHECK(alloc != nullptr);
  constexpr int64_t kFloats = 1 << 20;  // 4 MiB: above the 256 KiB caching threshold
  const ember::CPUAllocatorStats before = ember::cpu_allocator_stats();

  void* first = nullptr;
  {
    Tensor big = ember::empty({kFloats});
    first = big.data_ptr();
    const ember::CPUAllocatorStats live = ember::cpu_allocator_stats();
    CHECK(live.allocated_bytes >= before.allocated_bytes + kFloats * sizeof(float));
  }
  // Freed: the block sits in the cache instead of going back to the system ...
  const ember::CPUAllocatorStats freed = ember::cpu_allocator_stats();
  CHECK_EQ(freed.allocated_bytes, before.allocated_bytes);
  CHECK(freed.cached_bytes >= kFloats * sizeof(float));

  // ... and the next request of that size gets the same block back.
  Tensor again = ember::empty({kFloats});
  CHECK(again.data_ptr() == first);
  const ember::CPUAllocatorStats reused = ember::cpu_allocator_stats();
  CHECK_EQ(reused.cached_bytes + kFloats * sizeof(float), freed.cached_bytes);

  // Every block is 64-byte aligned, small ones (not cached) included.
  Tensor small = ember::empty({3});
  CHECK_EQ(reinterpret_cast<uintptr_t>(small.data_ptr()) % 64, 0u);
  CHECK_EQ(reinterpret_cast<uintptr_t>(again.data_ptr()) % 64, 0u);

  // A tensor of another device type has no allocator in a CPU-only build.
#if !EMBER_USE_CUDA && !EMBER_USE_ROCM
  CHECK_THROWS(ember::Error, ember::get_allocator(ember::DeviceType::CUDA),
               "ember was not compiled with CUDA support");
#endif
}

int main() { return ember_test::run_all(); }
