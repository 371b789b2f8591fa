package ps.takamul.node.audit.auditors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ps.takamul.node.config.NodeSettings;
import ps.takamul.routes.auditor.AuditorRole;

/**
 * {@code takamul audit user add|remove|list}: manages who may read the audit log. The file is the
 * node's ({@code takamul.audit.users}, by default {@code <takamul.data.dir>/audit/auditors.properties})
 * unless {@code --file} names another; a running node picks the change up at its next audit request.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manages the audit log's readers (auditors).",
        subcommands = {AuditUserCommand.Add.class, AuditUserCommand.Remove.class, AuditUserCommand.ListUsers.class})
public final class AuditUserCommand {
    private final InputStream stdin;

    private AuditUserCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    public static CommandLine commandLine() {
        return commandLine(System.in);
    }

    /** The command with its standard input given, for {@code --password-stdin}. */
    public static CommandLine commandLine(InputStream stdin) {
        return new CommandLine(new AuditUserCommand(stdin));
    }

    /** Where the users file is: {@code --file}, or the one under the data folder of {@code --config}. */
    static final class UsersFile {
        @Option(names = "--file", paramLabel = "FILE",
                description = "the auditors file (default: takamul.audit.users, or <takamul.data.dir>/audit/auditors.properties)")
        Path file;

        @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/takamul.properties",
                description = "the node's settings, for its data folder (default: ${DEFAULT-VALUE})")
        Path config;

        Path resolve() {
            return file != null ? file : Auditors.file(NodeSettings.load(config, Map.of()));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a user, or gives an existing one a new password and role. The password is read from "
                    + "standard input with --password-stdin; otherwise one is generated and printed once.")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @CommandLine.ParentCommand AuditUserCommand parent;
        @Mixin UsersFile users;

        @Parameters(paramLabel = "NAME", description = "the user name: letters, digits, . _ @ -")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "auditor (reads everything) or data-protection (citizen data-access reports only)")
        String role;

        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordFromStdin;

        @Option(names = "--iterations", paramLabel = "N", description = "PBKDF2 iterations (default: ${DEFAULT-VALUE})",
                defaultValue = "" + Auditors.DEFAULT_ITERATIONS)
        int iterations;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            AuditorRole parsedRole;
            try {
                parsedRole = AuditorRole.parse(role);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                err.flush();
                return 2;
            }
            if (!AuditorEntry.validName(name)) {
                err.println("a user name is 1 to 64 letters, digits or . _ @ -");
                err.flush();
                return 2;
            }
            String password;
            if (passwordFromStdin) {
                password = new BufferedReader(new InputStreamReader(parent.stdin, StandardCharsets.UTF_8)).readLine();
                if (password == null || password.isEmpty()) {
                    err.println("no password on standard input");
                    err.flush();
                    return 2;
                }
            } else {
                password = AuditorEntry.randomPassword();
            }
            Path file = users.resolve();
            Auditors.add(file, name, parsedRole, password.toCharArray(), iterations);
            out.printf("user %s (%s) saved in %s%n", name, parsedRole.token(), file);
            if (!passwordFromStdin) {
                out.printf("password: %s%n", password);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a user.")
    static final class Remove implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin UsersFile users;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            Path file = users.resolve();
            if (!Auditors.remove(file, name)) {
                spec.commandLine().getErr().printf("no user %s in %s%n", name, file);
                spec.commandLine().getErr().flush();
                return 1;
            }
            spec.commandLine().getOut().printf("user %s removed from %s%n", name, file);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the users and their roles.")
    static final class ListUsers implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin UsersFile users;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Auditors.load(users.resolve()).roles().forEach((name, role) -> out.printf("%s %s%n", name, role.token()));
            out.flush();
            return 0;
        }
    }
}
