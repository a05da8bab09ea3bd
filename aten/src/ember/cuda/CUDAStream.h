#pragma once
// The current CUDA stream of each device, per host thread.
//
// Note [ember's CUDA streams]
// Every kernel launch, every copy and every allocation's reuse is ordered on the
// *current stream* of the device it runs on. Each host thread starts with the legacy
// default stream (handle 0) current on every device, which synchronizes with all other
// blocking streams, so code that never touches streams sees program order, as in
// PyTorch. `ember.cuda.Stream()` hands out one of a fixed pool of non-blocking streams
// per device (created on first use, never destroyed: a destroyed stream's handle could
// be reissued while the caching allocator still orders freed blocks by it), and
// `with ember.cuda.stream(s)` makes it current for the block. Work on different streams
// is unordered; synchronizing them is the user's business (stream.synchronize(),
// ember.cuda.synchronize()), and a tensor used on a stream other than the one it was
// allocated on must outlive that use, exactly the contract PyTorch has before
// record_stream.
#include <cuda_runtime.h>

#include <cstdint>

#include <ember/core/Macros.h>

namespace ember::cuda {

// The most CUDA devices ember tracks per process (PyTorch's C10_COMPILE_TIME_MAX_GPUS).
constexpr int kMaxDevices = 64;

class CUDAStream {
 public:
  CUDAStream(cudaStream_t stream, int device) : stream_(stream), device_(device) {}

  cudaStream_t stream() const { return stream_; }
  operator cudaStream_t() const { return stream_; }  // NOLINT: used as a launch argument
  int device_index() const { return device_; }
  bool is_default() const { return stream_ == nullptr; }
  // An opaque integer handle for Python (the cudaStream_t's address; 0 = default stream).
  uint64_t id() const { return reinterpret_cast<uintptr_t>(stream_); }

  // Blocks the host until all work queued on the stream is done.
  void synchronize() const;
  // True when all work queued on the stream is done.
  bool query() const;

  bool operator==(const CUDAStream& o) const { return stream_ == o.stream_ && device_ == o.device_; }
  bool operator!=(const CUDAStream& o) const { return !(*this == o); }

 private:
  cudaStream_t stream_;
  int device_;
};

// device < 0: the current device.
EMBER_API CUDAStream getCurrentCUDAStream(int device = -1);
EMBER_API CUDAStream getDefaultCUDAStream(int device = -1);
// Makes `stream` current on its device for the calling thread.
EMBER_API void setCurrentCUDAStream(CUDAStream stream);
// The next stream of the device's pool (round robin), see Note [ember's CUDA streams].
EMBER_API CUDAStream getStreamFromPool(int device = -1);
// Finds the stream with this id() among the default and pool streams of `device`;
// raises ValueError for anything ember did not hand out.
EMBER_API CUDAStream streamFromId(uint64_t id, int device);

}  // namespace ember::cuda
