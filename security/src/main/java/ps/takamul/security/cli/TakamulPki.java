package ps.takamul.security.cli;

import java.io.Console;
import java.util.Arrays;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import ps.takamul.core.identifier.IdentifierException;
import ps.takamul.security.pki.PkiException;

/**
 * {@code takamul-pki}: runs a government instance's PKI from the command line.
 *
 * <p>Passwords are never options, so they stay out of shell history and process listings: they
 * come from {@value #CA_PASSWORD} and {@value #KEY_PASSWORD}, or from a prompt on the terminal.
 */
@Command(name = "takamul-pki", mixinStandardHelpOptions = true, version = "takamul-pki 0.1.0",
        description = "Runs a Takamul instance PKI: an offline root CA, an issuing CA, member and node keys.",
        subcommands = {CaCommand.class, KeyCommand.class, ListCommand.class, ShowCommand.class},
        footer = {"", "Environment:",
                "  " + TakamulPki.CA_PASSWORD + "   password of the CA keystores (root-ca.p12, issuing-ca.p12)",
                "  " + TakamulPki.KEY_PASSWORD + "  password of a member's or node's keystore",
                "When a variable is unset the password is asked on the terminal."})
public final class TakamulPki {
    public static final String CA_PASSWORD = "TAKAMUL_CA_PASSWORD";
    public static final String KEY_PASSWORD = "TAKAMUL_KEY_PASSWORD";

    private final Function<String, String> environment;

    public TakamulPki(Function<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System::getenv).execute(args));
    }

    /** The configured command line; tests pass their own environment instead of the process's. */
    public static CommandLine commandLine(Function<String, String> environment) {
        CommandLine commandLine = new CommandLine(new TakamulPki(environment));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof PkiException || e instanceof IdentifierException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return commandLine;
    }

    /**
     * The password from the environment variable, else from the terminal; when {@code confirm},
     * the terminal asks twice, because a mistyped new password locks the key away for good.
     */
    char[] password(String variable, String what, boolean confirm) {
        String value = environment.apply(variable);
        if (value != null && !value.isEmpty()) {
            return value.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new PkiException("no password: set " + variable + " or run in a terminal to be asked");
        }
        char[] password = console.readPassword("%s password: ", what);
        if (confirm && !Arrays.equals(password, console.readPassword("%s password again: ", what))) {
            throw new PkiException("the two passwords differ");
        }
        if (password == null || password.length == 0) {
            throw new PkiException("an empty password is not accepted");
        }
        return password;
    }

    static TakamulPki of(CommandLine.Model.CommandSpec spec) {
        return (TakamulPki) spec.root().userObject();
    }
}
