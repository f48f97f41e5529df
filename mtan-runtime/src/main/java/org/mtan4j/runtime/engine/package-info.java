/**
 * DJL's PyTorch engine: which native library it loads ({@link org.mtan4j.runtime.engine.EngineSetup},
 * decided from {@code PYTORCH_LIBRARY_PATH}, {@code PYTORCH_VERSION} and {@code PYTORCH_FLAVOR} before the
 * engine starts, refused with one message when it cannot work), what it loaded and sees
 * ({@link org.mtan4j.runtime.engine.EngineReport}, {@code mtan doctor}), and the GPUs through the CUDA
 * runtime ({@link org.mtan4j.runtime.engine.CudaDevices}, {@link org.mtan4j.runtime.engine.DeviceMemoryPeak}).
 */
package org.mtan4j.runtime.engine;
