package ps.takamul.security.pki;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the openssl command-line tool: a verifier that shares no code with ours. */
final class OpenSsl {
    private static final Path BINARY = Path.of("/usr/bin/openssl");

    /** What a run printed (stdout and stderr together) and its exit code. */
    record Result(int exitCode, String output) {
    }

    private OpenSsl() {
    }

    static void assumeAvailable() {
        assumeTrue(Files.isExecutable(BINARY) || onPath(), "openssl is not installed");
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Files.isExecutable(BINARY) ? BINARY.toString() : "openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl did not finish: " + command);
        }
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
