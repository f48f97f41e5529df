package org.mtan4j.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mtan4j.runtime.config.ConfigException;

/** Parses the {@code device} setting and checks the devices exist. */
public final class Devices {

    private static final Pattern GPU = Pattern.compile("gpu(?::(\\d+))?");
    private static final String ALLOWED = "cpu, gpu, gpu:N, or a list of gpu:N";

    private Devices() {
    }

    /**
     * Checks the syntax without starting the engine.
     *
     * @throws ConfigException naming {@code device} and what is allowed
     */
    public static void check(List<String> names, String source) {
        if (names.isEmpty()) {
            throw new ConfigException(source, "device", "is empty; allowed: " + ALLOWED);
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).trim();
            String path = names.size() == 1 ? "device" : "device[" + i + "]";
            if (name.equals("cpu")) {
                if (names.size() > 1) {
                    throw new ConfigException(source, path, "cpu cannot be part of a device list; allowed: " + ALLOWED);
                }
            } else if (!GPU.matcher(name).matches()) {
                throw new ConfigException(source, path, "'" + name + "' is not a device; allowed: " + ALLOWED);
            }
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new ConfigException(source, "device", "lists a device twice: " + names);
        }
    }

    /**
     * The DJL devices, checked against the engine's GPU count.
     *
     * @throws ConfigException when a GPU is asked for that the engine does not see
     */
    public static Device[] resolve(List<String> names, Engine engine, String source) {
        check(names, source);
        List<Device> devices = new ArrayList<>();
        int gpus = Engines.gpuCount(engine);
        for (String raw : names) {
            String name = raw.trim();
            if (name.equals("cpu")) {
                devices.add(Device.cpu());
                continue;
            }
            Matcher m = GPU.matcher(name);
            m.matches();
            int id = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            if (id >= gpus) {
                throw new ConfigException(source, "device", "'" + name + "' is not available: " + (gpus == 0 ? Engines.noGpuReason()
                        + "; or choose device: cpu" : "the engine sees " + gpus + " GPU(s), gpu:0 to gpu:" + (gpus - 1)));
            }
            devices.add(Device.gpu(id));
        }
        return devices.toArray(new Device[0]);
    }
}
