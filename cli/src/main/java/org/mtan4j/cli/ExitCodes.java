package org.mtan4j.cli;

/** The exit codes of {@code mtan}. */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** The run or command failed. */
    public static final int FAILURE = 1;
    /** Bad command-line usage or configuration. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
