package org.mtan4j.cli;

import picocli.CommandLine;

/** {@code mtan --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"mtan " + (v == null ? "development" : v) + ", Java " + System.getProperty("java.version")};
    }
}
