// Capture a short pipeline into a CUDA graph once, then replay it; also build a graph by hand.
#include <cstdio>
#include <hip/hip_runtime.h>

__global__ void addOne(float* x, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) x[i] += 1.0f;
}

int main() {
    const int n = 1 << 16;
    float* d;
    hipMalloc(&d, n * sizeof(float));
    hipStream_t s;
    hipStreamCreateWithFlags(&s, hipStreamNonBlocking);

    hipGraph_t graph;
    hipGraphExec_t exec;
    hipStreamBeginCapture(s, hipStreamCaptureModeGlobal);
    for (int k = 0; k < 10; ++k) addOne<<<n / 256, 256, 0, s>>>(d, n);
    hipMemsetAsync(d, 0, sizeof(float), s);
    hipStreamEndCapture(s, &graph);
    hipStreamCaptureStatus status;
    hipStreamIsCapturing(s, &status);
    if (status != hipStreamCaptureStatusNone) printf("still capturing\n");
    hipGraphInstantiateWithFlags(&exec, graph, 0);
    for (int it = 0; it < 100; ++it) hipGraphLaunch(exec, s);
    hipStreamSynchronize(s);

    // The same kernel as an explicit node.
    hipGraph_t manual;
    hipGraphCreate(&manual, 0);
    int count = n;
    void* args[] = {&d, &count};
    hipKernelNodeParams p = {};
    p.func = (void*)addOne;
    p.gridDim = dim3(n / 256);
    p.blockDim = dim3(256);
    p.sharedMemBytes = 0;
    p.kernelParams = args;
    p.extra = nullptr;
    hipGraphNode_t node;
    hipGraphAddKernelNode(&node, manual, nullptr, 0, &p);
    size_t numNodes = 0;
    hipGraphGetNodes(manual, nullptr, &numNodes);
    hipGraphExec_t manualExec;
    hipGraphInstantiateWithFlags(&manualExec, manual, 0);
    hipGraphLaunch(manualExec, s);
    hipStreamSynchronize(s);

    hipGraphExecDestroy(manualExec);
    hipGraphDestroy(manual);
    hipGraphExecDestroy(exec);
    hipGraphDestroy(graph);
    hipStreamDestroy(s);
    hipFree(d);
    return 0;
}
