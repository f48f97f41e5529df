package org.mtan4j.cli;

import org.mtan4j.runtime.engine.EngineSetup;
import org.mtan4j.runtime.engine.EngineSetupException;
import org.mtan4j.runtime.engine.Installation;
import picocli.CommandLine;

/** {@code mtan --version}: mtan's, Java's, DJL's and PyTorch's versions, without starting the engine. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        Installation inst = Installation.current();
        return new String[] {"mtan " + (v == null ? "development" : v) + ", Java " + System.getProperty("java.version"),
            "DJL " + inst.djlVersion() + " (PyTorch engine built for PyTorch " + inst.engineVersion() + ")", "PyTorch " + pytorch(inst)};
    }

    /** The PyTorch a start would load, as planned from the engine variables ({@code mtan doctor} starts it and tells more). */
    private static String pytorch(Installation inst) {
        try {
            EngineSetup setup = EngineSetup.plan(EngineSetup.Variables.fromEnvironment(), inst);
            return setup.pytorchVersion() + (setup.flavor() == null ? "" : " " + setup.flavor()) + ", " + setup.route().label() + " (" + setup.nativeFolder()
                    + "; mtan doctor tells more)";
        } catch (EngineSetupException e) {
            return "unknown: the engine variables do not work (" + e.getMessage() + ")";
        }
    }
}
