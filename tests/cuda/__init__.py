"""CUDA tests: every operator family on the GPU against NumPy/CPU results, the caching
allocator, streams, cross-device copies and device-mismatch errors.

Tests that need a GPU are marked `cuda` and skip without one (tests/conftest.py); the
rest check that ember.cuda answers "no GPU" cleanly. On a machine with an NVIDIA GPU:

    cmake -S . -B build/dev-cuda -G Ninja -DUSE_CUDA=1 -DEMBER_CUDA_ARCH_LIST=9.0 \\
          -DCMAKE_BUILD_TYPE=Release && cmake --build build/dev-cuda
    EMBER_C_PATH=$(ls build/dev-cuda/_C*.so) PYTHONPATH=python python -m pytest tests/cuda -q
"""
