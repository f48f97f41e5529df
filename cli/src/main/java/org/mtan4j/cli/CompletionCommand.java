package org.mtan4j.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtan completion bash|zsh}: the shell completion script of every command and option, from picocli. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a completion script for commands, options and option values.",
            "bash: source <(mtan completion bash)   (in ~/.bashrc, or save it as /etc/bash_completion.d/mtan)",
            "zsh:  source <(mtan completion zsh)    (in ~/.zshrc)"})
final class CompletionCommand implements Callable<Integer> {

    /** The shells the script works in. */
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        // One script serves both: under zsh it loads zsh's bash completion layer (bashcompinit) itself.
        spec.commandLine().getOut().print(AutoComplete.bash("mtan", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
