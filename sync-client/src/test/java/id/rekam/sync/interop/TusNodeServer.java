package id.rekam.sync.interop;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A third-party tus 1.0.0 server for the station's tus client: {@code interop/tus/serve-tus.mjs}
 * (@tus/server + @tus/file-store) in a Node child process on a free loopback port. Without
 * Node.js and npm (a machine with only a JDK) the test is skipped with a message saying how to
 * run it; {@code -Drekam.interop.requireNode=true} turns that skip into a failure, for a machine
 * where the interoperability claim must be checked. The npm packages are installed from the
 * committed lock when absent. (central-server's
 * {@code id.rekam.server.interop.NodeTus} does the same for its tests; test classes do not
 * cross modules, hence this small twin.)
 */
final class TusNodeServer implements AutoCloseable {

    static final String HOW_TO = "The tus interoperability tests need Node.js >= 20.19 and npm on PATH; they install "
            + "the pinned packages themselves (or run `npm ci --prefix interop/tus` in the repository root).";
    private static final List<String> REQUIRED = List.of("tus-js-client", "@tus/server", "@tus/file-store");

    private final Process process;
    private final URI endpoint;
    private final Path storage;

    private TusNodeServer(Process process, URI endpoint, Path storage) {
        this.process = process;
        this.endpoint = endpoint;
        this.storage = storage;
    }

    /** Starts @tus/server with uploads under {@code path} (e.g. {@code /v1/uploads}), files in {@code storage}. */
    static TusNodeServer start(Path storage, String path) throws Exception {
        Path dir = interopDir();
        requireTool("node");
        ensureInstalled(dir);
        Process p;
        try {
            p = new ProcessBuilder("node", "serve-tus.mjs", "0", storage.toAbsolutePath().toString(), "--path", path,
                    "--stop-on-stdin-eof").directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node: " + e.getMessage() + "\n" + HOW_TO, e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        var reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tus-node-server");
            t.setDaemon(true);
            return t;
        });
        String line;
        try {
            line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }, reader).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("serve-tus.mjs did not start\n" + HOW_TO, e);
        } finally {
            reader.shutdown();
        }
        if (line == null || !line.startsWith("listening ")) {
            p.destroyForcibly();
            throw new IllegalStateException("serve-tus.mjs did not start: " + line + "\n" + HOW_TO);
        }
        int port = Integer.parseInt(line.substring("listening ".length()).trim());
        return new TusNodeServer(p, URI.create("http://127.0.0.1:" + port + path), storage);
    }

    /** The creation URL, e.g. {@code http://127.0.0.1:PORT/v1/uploads}. */
    URI endpoint() {
        return endpoint;
    }

    /** What @tus/file-store holds for an upload (it names the file by the last path segment). */
    byte[] stored(String uploadUrl) throws IOException {
        return Files.readAllBytes(storage.resolve(uploadUrl.substring(uploadUrl.lastIndexOf('/') + 1)));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Skips (or, when required, fails) the test if {@code tool --version} cannot run. */
    private static void requireTool(String tool) {
        String missing = null;
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                missing = "`" + tool + " --version` failed";
            }
        } catch (IOException e) {
            missing = "`" + tool + "` is not on PATH";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            missing = "interrupted";
        }
        unavailable(missing);
    }

    private static void unavailable(String why) {
        if (why == null) {
            return;
        }
        if (Boolean.getBoolean("rekam.interop.requireNode")) {
            throw new IllegalStateException(why + "\n" + HOW_TO);
        }
        Assumptions.abort("skipped: " + why + ". " + HOW_TO);
    }

    private static Path interopDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("interop/tus/package-lock.json"))) {
                return p.resolve("interop/tus");
            }
        }
        throw new IllegalStateException("interop/tus/package-lock.json not found above " + Path.of("").toAbsolutePath());
    }

    private static boolean installed(Path dir) {
        return REQUIRED.stream().allMatch(n -> Files.isRegularFile(dir.resolve("node_modules").resolve(n)
                .resolve("package.json")));
    }

    /** One install at a time across JVMs; output goes to a file so no pipe can fill up. */
    private static synchronized void ensureInstalled(Path dir) throws Exception {
        if (installed(dir)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir.resolve(".npm-ci.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            if (installed(dir)) {
                return;
            }
            requireTool("npm");
            Path log = Files.createTempFile("npm-ci", ".log");
            Process p;
            try {
                p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline")
                        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                unavailable("cannot run npm: " + e.getMessage());
                return;
            }
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            if (p.isAlive() || p.exitValue() != 0 || !installed(dir)) {
                // Most often no registry in reach: the packages are as absent as node would be.
                unavailable("`npm ci` in " + dir + " could not install the pinned packages:\n" + Files.readString(log));
            }
        }
    }
}
