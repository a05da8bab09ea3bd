// Capture a short pipeline into a CUDA graph once, then replay it; also build a graph by hand.
#include <cstdio>
#include <cuda_runtime.h>

__global__ void addOne(float* x, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) x[i] += 1.0f;
}

int main() {
    const int n = 1 << 16;
    float* d;
    cudaMalloc(&d, n * sizeof(float));
    cudaStream_t s;
    cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking);

    cudaGraph_t graph;
    cudaGraphExec_t exec;
    cudaStreamBeginCapture(s, cudaStreamCaptureModeGlobal);
    for (int k = 0; k < 10; ++k) addOne<<<n / 256, 256, 0, s>>>(d, n);
    cudaMemsetAsync(d, 0, sizeof(float), s);
    cudaStreamEndCapture(s, &graph);
    cudaStreamCaptureStatus status;
    cudaStreamIsCapturing(s, &status);
    if (status != cudaStreamCaptureStatusNone) printf("still capturing\n");
    cudaGraphInstantiateWithFlags(&exec, graph, 0);
    for (int it = 0; it < 100; ++it) cudaGraphLaunch(exec, s);
    cudaStreamSynchronize(s);

    // The same kernel as an explicit node.
    cudaGraph_t manual;
    cudaGraphCreate(&manual, 0);
    int count = n;
    void* args[] = {&d, &count};
    cudaKernelNodeParams p = {};
    p.func = (void*)addOne;
    p.gridDim = dim3(n / 256);
    p.blockDim = dim3(256);
    p.sharedMemBytes = 0;
    p.kernelParams = args;
    p.extra = nullptr;
    cudaGraphNode_t node;
    cudaGraphAddKernelNode(&node, manual, nullptr, 0, &p);
    size_t numNodes = 0;
    cudaGraphGetNodes(manual, nullptr, &numNodes);
    cudaGraphExec_t manualExec;
    cudaGraphInstantiateWithFlags(&manualExec, manual, 0);
    cudaGraphLaunch(manualExec, s);
    cudaStreamSynchronize(s);

    cudaGraphExecDestroy(manualExec);
    cudaGraphDestroy(manual);
    cudaGraphExecDestroy(exec);
    cudaGraphDestroy(graph);
    cudaStreamDestroy(s);
    cudaFree(d);
    return 0;
}
