// Thrust containers and algorithms stay Thrust (rocThrust provides them); only the runtime calls change.
#include <cstdio>
#include <thrust/device_vector.h>
#include <thrust/host_vector.h>
#include <thrust/sort.h>
#include <thrust/reduce.h>
#include <thrust/sequence.h>
#include <thrust/execution_policy.h>
#include <hip/hip_runtime.h>

struct square {
    __host__ __device__ float operator()(float x) const { return x * x; }
};

int main() {
    thrust::host_vector<float> h(1 << 16);
    for (size_t i = 0; i < h.size(); ++i) h[i] = float((i * 7919) % 1000);
    thrust::device_vector<float> d = h;
    thrust::sort(d.begin(), d.end());
    float sumsq = thrust::transform_reduce(d.begin(), d.end(), square(), 0.0f, thrust::plus<float>());
    thrust::device_vector<int> idx(d.size());
    thrust::sequence(idx.begin(), idx.end());
    thrust::sort_by_key(d.begin(), d.end(), idx.begin(), thrust::greater<float>());

    hipStream_t s;
    hipStreamCreate(&s);
    float total = thrust::reduce(thrust::cuda::par.on(s), d.begin(), d.end());
    hipStreamSynchronize(s);
    hipStreamDestroy(s);
    printf("sum %f, sum of squares %f\n", total, sumsq);
    float* raw = thrust::raw_pointer_cast(d.data());
    hipMemset(raw, 0, sizeof(float));
    return hipGetLastError() == hipSuccess ? 0 : 1;
}
