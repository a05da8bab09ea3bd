// CPU loops of the random fills: each Philox block is expanded into its elements as
// Note [Philox element mapping] (native/Philox.h) prescribes, so the values do not
// depend on how the blocks are split among threads.
#include <algorithm>

#include <ember/native/Distributions.h>
#include <ember/native/Parallel.h>

namespace ember::native {
namespace {

// Blocks per parallel chunk: a Philox block costs ~10 ns, so a chunk is ~100 us of work,
// enough to amortise waking a thread.
constexpr int64_t kGrainBlocks = 8192;

// out[i] = element(block(i / per_block), i % per_block) for i in [0, n).
template <typename T, typename Element>
void philox_fill(T* out, int64_t n, PhiloxState st, int per_block, const Element& element) {
  const int64_t nblocks = (n + per_block - 1) / per_block;
  parallel_for(0, nblocks, kGrainBlocks, [&](int64_t b0, int64_t b1) {
    for (int64_t b = b0; b < b1; ++b) {
      const Philox4x32 r = philox::block(st.seed, st.offset, static_cast<uint64_t>(b));
      const int64_t base = b * per_block;
      const int count = static_cast<int>(std::min<int64_t>(per_block, n - base));
      for (int s = 0; s < count; ++s) out[base + s] = element(r, s);
    }
  });
}

void uniform_kernel(const Tensor& self, PhiloxState st, double from, double to) {
  EMBER_DISPATCH_FLOATING_TYPES(self.dtype(), "uniform_cpu", [&] {
    using acc_t = typename philox::UniformTraits<scalar_t>::acc_t;
    const acc_t lo = static_cast<acc_t>(from);
    const acc_t range = static_cast<acc_t>(to - from);
    philox_fill(static_cast<scalar_t*>(self.data_ptr()), self.numel(), st,
                philox::uniform_elements_per_block<scalar_t>(),
                [lo, range](const Philox4x32& r, int s) {
                  return philox::uniform_element<scalar_t>(r, s, lo, range);
                });
  });
}

void normal_kernel(const Tensor& self, PhiloxState st, double mean, double std) {
  EMBER_DISPATCH_FLOATING_TYPES(self.dtype(), "normal_kernel_cpu", [&] {
    scalar_t* out = static_cast<scalar_t*>(self.data_ptr());
    const int64_t n = self.numel();
    constexpr int per_block = philox::normal_elements_per_block<scalar_t>();
    constexpr int pairs_per_block = per_block / 2;
    const int64_t nblocks = (n + per_block - 1) / per_block;
    parallel_for(0, nblocks, kGrainBlocks, [&](int64_t b0, int64_t b1) {
      // In batches: first the uniforms (Philox), then Box-Muller over plain arrays, a
      // branch-free loop without calls that the compiler can vectorise.
      constexpr int64_t kBatchBlocks = 128;
      constexpr int64_t kBatchPairs = kBatchBlocks * pairs_per_block;
      double u1[kBatchPairs], u2[kBatchPairs], z0[kBatchPairs], z1[kBatchPairs];
      for (int64_t bb = b0; bb < b1; bb += kBatchBlocks) {
        const int64_t nb = std::min(kBatchBlocks, b1 - bb);
        for (int64_t j = 0; j < nb; ++j) {
          const Philox4x32 r = philox::block(st.seed, st.offset, static_cast<uint64_t>(bb + j));
          for (int p = 0; p < pairs_per_block; ++p) {
            philox::normal_uniforms<scalar_t>(r, p, &u1[j * pairs_per_block + p], &u2[j * pairs_per_block + p]);
          }
        }
        const int64_t npairs = nb * pairs_per_block;
        for (int64_t i = 0; i < npairs; ++i) philox::box_muller(u1[i], u2[i], mean, std, &z0[i], &z1[i]);
        const int64_t first = bb * per_block;  // element index of the batch's first value
        const int64_t count = std::min<int64_t>(2 * npairs, n - first);
        for (int64_t i = 0; i < count; ++i) {
          out[first + i] = static_cast<scalar_t>((i & 1) ? z1[i >> 1] : z0[i >> 1]);
        }
      }
    });
  });
}

void random_from_to_kernel(const Tensor& self, PhiloxState st, philox::RandomRange rr) {
  EMBER_DISPATCH_ALL_TYPES_AND_BOOL(self.dtype(), "random_from_to_cpu", [&] {
    philox_fill(static_cast<scalar_t*>(self.data_ptr()), self.numel(), st, rr.elements_per_block(),
                [rr](const Philox4x32& r, int s) {
                  return static_cast<scalar_t>(philox::random_element(r, s, rr));
                });
  });
}

}  // namespace

EMBER_REGISTER_DISPATCH(uniform_stub, CPU, &uniform_kernel);
EMBER_REGISTER_DISPATCH(normal_stub, CPU, &normal_kernel);
EMBER_REGISTER_DISPATCH(random_from_to_stub, CPU, &random_from_to_kernel);

}  // namespace ember::native
