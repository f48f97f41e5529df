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

    /** The shells with a script. */
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("mtan", spec.root().commandLine());
        // picocli's script is a bash completion function; zsh runs it through its bash compatibility layer.
        if (shell == Shell.zsh && !script.contains("bashcompinit")) {
            script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
