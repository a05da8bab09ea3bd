#include <ember/cuda/CUDAStream.h>

#include <array>
#include <atomic>
#include <mutex>

#include <ember/core/Error.h>
#include <ember/cuda/CUDAGuard.h>
#include <ember/cuda/Exceptions.h>

namespace ember::cuda {
namespace {

constexpr int kStreamsPerPool = 32;

struct StreamPool {
  std::once_flag created;
  std::array<cudaStream_t, kStreamsPerPool> streams{};
  std::atomic<uint32_t> next{0};
};

// Leaked on purpose: the streams must outlive every tensor and every static destructor
// that might still enqueue work (see Note [ember's CUDA streams]).
StreamPool* pools() {
  static StreamPool* p = new StreamPool[kMaxDevices];
  return p;
}

// The current stream of each device for this thread; nullptr is the default stream.
thread_local std::array<cudaStream_t, kMaxDevices> t_current{};

int resolve(int device) {
  if (device < 0) device = current_device_index();
  int count = 0;
  EMBER_CUDA_CHECK(cudaGetDeviceCount(&count));
  EMBER_CHECK(device < count && device < kMaxDevices, "CUDA device index ", device,
              " out of range: there are ", count, " CUDA devices");
  return device;
}

StreamPool& pool_of(int device) {
  StreamPool& pool = pools()[device];
  std::call_once(pool.created, [&] {
    CUDAGuard guard(device);
    for (auto& s : pool.streams) {
      // Non-blocking: pool streams do not synchronize with the legacy default stream,
      // which is the point of asking for a side stream.
      EMBER_CUDA_CHECK(cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking));
    }
  });
  return pool;
}

}  // namespace

void CUDAStream::synchronize() const {
  CUDAGuard guard(device_);
  EMBER_CUDA_CHECK(cudaStreamSynchronize(stream_));
}

bool CUDAStream::query() const {
  CUDAGuard guard(device_);
  const cudaError_t err = cudaStreamQuery(stream_);
  if (err == cudaErrorNotReady) {
    (void)cudaGetLastError();
    return false;
  }
  EMBER_CUDA_CHECK(err);
  return true;
}

CUDAStream getCurrentCUDAStream(int device) {
  device = device < 0 ? current_device_index() : device;
  EMBER_CHECK(device < kMaxDevices, "CUDA device index ", device, " out of range");
  return CUDAStream(t_current[device], device);
}

CUDAStream getDefaultCUDAStream(int device) {
  device = device < 0 ? current_device_index() : device;
  return CUDAStream(nullptr, device);
}

void setCurrentCUDAStream(CUDAStream stream) {
  EMBER_CHECK(stream.device_index() >= 0 && stream.device_index() < kMaxDevices,
              "setCurrentCUDAStream: device index ", stream.device_index(), " out of range");
  t_current[stream.device_index()] = stream.stream();
}

CUDAStream getStreamFromPool(int device) {
  device = resolve(device);
  StreamPool& pool = pool_of(device);
  const uint32_t i = pool.next.fetch_add(1, std::memory_order_relaxed) % kStreamsPerPool;
  return CUDAStream(pool.streams[i], device);
}

CUDAStream streamFromId(uint64_t id, int device) {
  device = resolve(device);
  if (id == 0) return CUDAStream(nullptr, device);
  StreamPool& pool = pool_of(device);
  for (cudaStream_t s : pool.streams) {
    if (reinterpret_cast<uintptr_t>(s) == id) return CUDAStream(s, device);
  }
  throw ValueError(str("stream id ", id, " is not a stream of cuda:", device,
                       " that ember created"));
}

}  // namespace ember::cuda
