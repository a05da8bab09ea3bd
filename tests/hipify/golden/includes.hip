/*
 * Licence header.
 */
#ifndef EMBER_INCLUDES_CU
#define EMBER_INCLUDES_CU

#include <hip/hip_runtime.h>
#include "hip/hip_runtime_api.h"
#include <vector>
#include "my_project/helpers.h"
#if __has_include(<hip/hip_fp16.h>)
#include <hip/hip_fp16.h>
#endif

void f() { hipDeviceReset(); }

#endif  // EMBER_INCLUDES_CU
