// The dispatcher (Note [How an operator call is dispatched] in core/DispatchKey.h):
// dispatch keys computed from tensor arguments and from `device=`, the generated
// kernel tables, NotImplementedError for a backend with no kernel (an operator called
// on a CUDA tensor in a CPU-only build), and DispatchStub's missing-loop error.
#include <memory>
#include <optional>
#include <vector>

#include <ember/core/DeviceHooks.h>
#include <ember/core/DispatchKey.h>
#include <ember/core/DispatchStub.h>
#include <ember/generated/Functions.h>
#include <ember/generated/Operators.h>
#include <ember/native/Distributions.h>

#include "check.h"

using ember::DeviceType;
using ember::DispatchKey;
using ember::Tensor;

// A stub of our own, declared, defined and registered the way native/ files do it.
namespace {
using twice_fn = int (*)(int);
int twice_cpu(int x) { return 2 * x; }
}  // namespace
EMBER_DECLARE_DISPATCH(twice_fn, twice_stub);
EMBER_DEFINE_DISPATCH(twice_stub);
EMBER_REGISTER_DISPATCH(twice_stub, CPU, &twice_cpu);

namespace {

constexpr int kCPU = static_cast<int>(DispatchKey::CPU);
constexpr int kCUDA = static_cast<int>(DispatchKey::CUDA);

// Host memory dressed up as a tensor on cuda:0. Its storage has no deleter and no
// allocator, so nothing ever frees or reads it through a CUDA API: it only exists to
// steer the dispatcher. Only use it where no kernel will touch its data.
struct FakeCudaTensor {
  std::vector<float> host;
  Tensor tensor;
  explicit FakeCudaTensor(std::vector<int64_t> sizes) {
    int64_t n = 1;
    for (int64_t s : sizes) n *= s;
    host.assign(static_cast<size_t>(n), 0.0f);
    ember::DataPtr data(host.data(), nullptr, /*deleter=*/nullptr,
                        ember::Device(DeviceType::CUDA, 0));
    auto storage = std::make_shared<ember::StorageImpl>(std::move(data), n * sizeof(float));
    tensor = Tensor(std::make_shared<ember::TensorImpl>(storage, ember::ScalarType::Float,
                                                         ember::IntArrayRef(sizes)));
  }
};

}  // namespace

TEST_CASE(dispatch_key_of_tensors) {
  Tensor cpu = ember::ones({2});
  Tensor undefined;
  FakeCudaTensor cuda({2});
  CHECK(cuda.tensor.is_cuda());
  CHECK_EQ(cuda.tensor.device().str(), std::string("cuda:0"));

  CHECK(ember::dispatch::key_of(cpu) == DispatchKey::CPU);
  CHECK(ember::dispatch::key_of(cpu, undefined) == DispatchKey::CPU);
  CHECK(ember::dispatch::key_of(undefined) == DispatchKey::CPU);
  CHECK(ember::dispatch::key_of(cuda.tensor) == DispatchKey::CUDA);
  // CUDA wins over CPU (0-dim CPU tensors may be mixed with CUDA ones).
  CHECK(ember::dispatch::key_of(cpu, cuda.tensor) == DispatchKey::CUDA);
  CHECK(ember::dispatch::key_of(cuda.tensor, cpu) == DispatchKey::CUDA);

  std::optional<Tensor> none, some_cuda = cuda.tensor;
  CHECK(ember::dispatch::key_of(cpu, none) == DispatchKey::CPU);
  CHECK(ember::dispatch::key_of(cpu, some_cuda) == DispatchKey::CUDA);

  std::vector<Tensor> list{cpu, cpu};
  CHECK(ember::dispatch::key_of(ember::TensorList(list)) == DispatchKey::CPU);
  list.push_back(cuda.tensor);
  CHECK(ember::dispatch::key_of(ember::TensorList(list)) == DispatchKey::CUDA);

  std::vector<std::optional<Tensor>> opt_list{none, cpu};
  ember::dispatch::KeyAccumulator acc;
  acc.add(ember::ArrayRef<std::optional<Tensor>>(opt_list));
  CHECK(acc.key() == DispatchKey::CPU);
  opt_list.push_back(cuda.tensor);
  acc.add(ember::ArrayRef<std::optional<Tensor>>(opt_list));
  CHECK(acc.key() == DispatchKey::CUDA);
}

TEST_CASE(dispatch_key_of_device) {
  CHECK(ember::dispatch::key_of_device(std::nullopt) == DispatchKey::CPU);
  CHECK(ember::dispatch::key_of_device(ember::Device("cpu")) == DispatchKey::CPU);
  CHECK(ember::dispatch::key_of_device(ember::Device("cuda:1")) == DispatchKey::CUDA);
  CHECK(ember::dispatch_key_for(DeviceType::CUDA) == DispatchKey::CUDA);
  CHECK(ember::dispatch_key_for(DeviceType::CPU) == DispatchKey::CPU);
  CHECK_EQ(std::string(ember::to_string(DispatchKey::CUDA)), std::string("CUDA"));
}

TEST_CASE(missing_kernel_error) {
  CHECK_THROWS(ember::NotImplementedError,
               ember::dispatch::missing_kernel("ember::frobnicate.out", DispatchKey::CUDA),
               "Could not run 'ember::frobnicate.out' with arguments from the 'CUDA' backend");
  CHECK_THROWS(ember::NotImplementedError,
               ember::dispatch::missing_kernel("ember::frobnicate", DispatchKey::CPU),
               "ember has no CPU kernel for this operator");
}

TEST_CASE(kernel_tables) {
  // Backend kernels fill their own slot; composite kernels fill every slot.
  CHECK(ember::ops::add_out::kernels[kCPU] != nullptr);
  CHECK(ember::ops::add_Tensor::kernels[kCPU] != nullptr);
  CHECK(ember::ops::add_Tensor::kernels[kCUDA] != nullptr);
  CHECK(ember::ops::mm::kernels[kCUDA] != nullptr);
  CHECK_EQ(std::string(ember::ops::add_out::name), std::string("ember::add.out"));
#if !EMBER_USE_CUDA && !EMBER_USE_ROCM
  CHECK(ember::ops::add_out::kernels[kCUDA] == nullptr);
  CHECK(ember::ops::mm_out::kernels[kCUDA] == nullptr);
  CHECK(ember::ops::empty_memory_format::kernels[kCUDA] == nullptr);
#else
  CHECK(ember::ops::add_out::kernels[kCUDA] != nullptr);
#endif
}

TEST_CASE(cuda_tensor_in_cpu_only_build) {
#if EMBER_USE_CUDA || EMBER_USE_ROCM
  std::printf("  (skipped: this build has a CUDA backend)\n");
#else
  FakeCudaTensor a({2, 2}), b({2, 2});
  Tensor cpu = ember::ones({2, 2});
  const char* cuda_backend = "with arguments from the 'CUDA' backend";

  // A backend operator reached directly ...
  Tensor out;
  CHECK_THROWS(ember::NotImplementedError, ember::add_out(a.tensor, b.tensor, 1, out),
               "Could not run 'ember::add.out' with arguments from the 'CUDA' backend");
  // ... or through a composite one, which runs the out= operator and fails there.
  CHECK_THROWS(ember::NotImplementedError, (void)ember::add(a.tensor, b.tensor),
               "Could not run 'ember::add.out'");
  CHECK_THROWS(ember::NotImplementedError, (void)ember::add(cpu, a.tensor), cuda_backend);
  CHECK_THROWS(ember::NotImplementedError, (void)a.tensor.add(cpu), cuda_backend);
  CHECK_THROWS(ember::NotImplementedError, (void)ember::mm(a.tensor, b.tensor),
               "Could not run 'ember::mm.out'");
  // A factory dispatches on its device= argument.
  CHECK_THROWS(ember::NotImplementedError,
               (void)ember::empty({2}, std::nullopt, std::nullopt, ember::Device("cuda")),
               "Could not run 'ember::empty.memory_format' with arguments from the 'CUDA'");
  // Composite kernels that allocate their result before reaching a backend operator
  // fail on the missing device allocator instead: still an ember::Error, not a crash.
  const char* no_cuda = "ember was not compiled with";
  CHECK_THROWS(ember::Error, (void)a.tensor.sum(), no_cuda);
  CHECK_THROWS(ember::Error,
               (void)ember::zeros({2}, std::nullopt, std::nullopt, ember::Device("cuda")),
               no_cuda);
  // The backend's device services are absent too.
  CHECK(ember::has_device_hooks(DeviceType::CPU));
  CHECK(!ember::has_device_hooks(DeviceType::CUDA));
  CHECK_THROWS(ember::Error, (void)ember::device_hooks(DeviceType::CUDA),
               "ember was not compiled with CUDA");
#endif
}

TEST_CASE(dispatch_stub) {
  CHECK_EQ(twice_stub(DeviceType::CPU, 21), 42);
  CHECK_THROWS(ember::NotImplementedError, twice_stub(DeviceType::CUDA, 21),
               "twice_stub: no cuda kernel in this build of ember");

  // A real stub: the CPU loop is registered; in a CPU-only build the CUDA one is not.
  CHECK(ember::native::uniform_stub.table[static_cast<int>(DeviceType::CPU)] != nullptr);
#if !EMBER_USE_CUDA && !EMBER_USE_ROCM
  Tensor t = ember::empty({4});
  CHECK_THROWS(ember::NotImplementedError,
               ember::native::uniform_stub(DeviceType::CUDA, t, ember::PhiloxState{0, 0}, 0.0, 1.0),
               "uniform_stub: no cuda kernel in this build of ember");
#endif
}

int main() { return ember_test::run_all(); }
