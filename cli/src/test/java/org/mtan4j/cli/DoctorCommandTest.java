package org.mtan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mtan doctor} in-process on this CPU machine (no engine variable set: the bundled library),
 * {@code --torch-env} against stand-in Python interpreters, and {@code mtan -V}.
 */
class DoctorCommandTest {

    private static void assertNames(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), "'" + part + "' in:\n" + text);
        }
    }

    @Test
    void textNamesEverythingTheEngineUses() {
        CliTest.Result r = CliTest.mtan("doctor");
        assertEquals(0, r.code(), r.err());
        assertNames(r.out(), "engine            PyTorch 2.7.1 (DJL 0.36.0, built for PyTorch 2.7.1)", "pytorch           2.7.1, flavour cpu",
                "native library    ", "pytorch-native-cpu-2.7.1-linux-x86_64.jar", "jni library       ", "libdjl_torch.so",
                "pytorch-jni-2.7.1-0.36.0.jar", "engine variables  none set", "offline           yes; engine download: not asked",
                "djl cache         ", "devices           cpu", "cores", "GB memory", "usable gpus       none: the PyTorch library is a CPU build",
                "intra-op threads  ", "native allocator  ");
    }

    @Test
    void jsonIsOneObjectWithEveryField() throws Exception {
        CliTest.Result r = CliTest.mtan("doctor", "--json");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(1, lines.length, r.out());
        JsonNode json = new ObjectMapper().readTree(lines[0]);
        for (String field : List.of("engine", "engine_version", "djl_version", "built_for", "pytorch_version", "pytorch_version_source", "flavor",
                "route", "native_folder", "libtorch", "native_origin", "jni", "jni_origin", "variables", "offline", "download", "cache",
                "torch_cuda", "cuda_runtime", "cuda_driver", "devices", "gpus", "threads", "native_allocator", "warnings")) {
            assertTrue(json.has(field), field + " in " + lines[0]);
        }
        assertEquals("PyTorch", json.get("engine").asText());
        assertEquals("0.36.0", json.get("djl_version").asText());
        assertEquals("bundled", json.get("route").asText());
        assertEquals("cpu", json.get("flavor").asText());
        assertTrue(json.get("offline").asBoolean());
        assertEquals(false, json.get("torch_cuda").asBoolean());
        assertEquals(0, json.get("gpus").asInt());
        assertTrue(Files.isRegularFile(Path.of(json.get("native_folder").asText(), "libtorch.so")), lines[0]);
        assertTrue(Files.isRegularFile(Path.of(json.get("jni").asText())), lines[0]);
        JsonNode cpu = json.get("devices").get(0);
        assertEquals("cpu", cpu.get("device").asText());
        assertTrue(json.get("threads").asInt() >= 1, lines[0]);
        assertTrue(List.of("fast", "lean", "default").contains(json.get("native_allocator").asText()), lines[0]);
    }

    @Test
    void versionNamesDjlAndPyTorch() {
        CliTest.Result r = CliTest.mtan("-V");
        assertEquals(0, r.code(), r.err());
        assertNames(r.out(), "mtan ", "Java ", "DJL 0.36.0 (PyTorch engine built for PyTorch 2.7.1)", "PyTorch 2.7.1 cpu, bundled");
    }

    /** A stand-in interpreter: a shell script that answers as the torch-env script would. */
    private static Path python(Path dir, String body) throws Exception {
        Path script = dir.resolve("python");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void torchEnvPrintsTheVariablesForACudaTorch(@TempDir Path dir) throws Exception {
        Path python = python(dir, "echo '{\"dir\": \"/opt/py/site-packages/torch\", \"version\": \"2.7.1+cu128\", \"cuda\": \"12.8\", "
                + "\"nvidia\": [\"/opt/py/site-packages/nvidia/cuda_runtime/lib\"]}'");
        CliTest.Result r = CliTest.mtan("doctor", "--torch-env", "--python", python.toString());
        assertEquals(0, r.code(), r.err());
        assertNames(r.out(), "# PyTorch 2.7.1+cu128 (CUDA 12.8)", "export PYTORCH_LIBRARY_PATH='/opt/py/site-packages/torch/lib'\n",
                "export PYTORCH_VERSION=2.7.1\n", "export PYTORCH_FLAVOR=cu128\n",
                "export LD_LIBRARY_PATH='/opt/py/site-packages/torch/lib:/opt/py/site-packages/nvidia/cuda_runtime/lib'\"${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}\"",
                "mtan doctor");
        assertTrue(!r.out().contains("warning"), r.out());
    }

    @Test
    void torchEnvWarnsOfAnotherVersionAndPicksTheJarsCudaFlavour(@TempDir Path dir) throws Exception {
        Path newer = python(dir, "echo '{\"dir\": \"/t/torch\", \"version\": \"2.11.0+cu130\", \"cuda\": \"13.0\", \"nvidia\": []}'");
        CliTest.Result r = CliTest.mtan("doctor", "--torch-env", "--python", newer.toString());
        assertEquals(0, r.code(), r.err());
        assertNames(r.out(), "# warning: DJL 0.36.0's JNI library is built for PyTorch 2.7.1, not 2.11.0", "pip install torch==2.7.1",
                "export PYTORCH_VERSION=2.11.0", "export PYTORCH_FLAVOR=cu130");
        Path cu126 = python(dir, "echo '{\"dir\": \"/t/torch\", \"version\": \"2.7.1+cu126\", \"cuda\": \"12.6\", \"nvidia\": []}'");
        r = CliTest.mtan("doctor", "--torch-env", "--python", cu126.toString());
        assertNames(r.out(), "# note: DJL's pytorch-jni-2.7.1-0.36.0.jar carries JNI libraries for cpu, cu128, not cu126",
                "export PYTORCH_FLAVOR=cu128");
        Path cpu = python(dir, "echo '{\"dir\": \"/t/torch\", \"version\": \"2.7.1+cpu\", \"cuda\": null, \"nvidia\": []}'");
        r = CliTest.mtan("doctor", "--torch-env", "--python", cpu.toString());
        assertNames(r.out(), "(CPU build)", "export PYTORCH_FLAVOR=cpu");
        assertTrue(!r.out().contains("LD_LIBRARY_PATH"), r.out());
    }

    @Test
    void torchEnvWithoutTorchExits2SayingWhatToInstall(@TempDir Path dir) throws Exception {
        Path python = python(dir, "echo \"ModuleNotFoundError: No module named 'torch'\" >&2; exit 1");
        CliTest.Result r = CliTest.mtan("doctor", "--torch-env", "--python", python.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.out());
        assertNames(r.err(), "cannot import torch", "No module named 'torch'", "pip install torch==2.7.1", "--python");
        CliTest.Result missing = CliTest.mtan("doctor", "--torch-env", "--python", dir.resolve("no-such-python").toString());
        assertEquals(ExitCodes.USAGE, missing.code());
        assertNames(missing.err(), "cannot run", "no-such-python");
        CliTest.Result both = CliTest.mtan("doctor", "--torch-env", "--json");
        assertEquals(ExitCodes.USAGE, both.code());
        assertNames(both.err(), "--torch-env", "--json");
    }
}
