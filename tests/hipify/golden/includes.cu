/*
 * Licence header.
 */
#ifndef EMBER_INCLUDES_CU
#define EMBER_INCLUDES_CU

#include <cuda.h>
#include <cuda_runtime.h>
#include "cuda_runtime_api.h"
#include <vector>
#include "my_project/helpers.h"
#if __has_include(<cuda_fp16.h>)
#include <cuda_fp16.h>
#endif

void f() { cudaDeviceReset(); }

#endif  // EMBER_INCLUDES_CU
