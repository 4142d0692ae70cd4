package id.rekam.server.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the third-party tus peers of {@code interop/tus/} (tus-js-client, @tus/server) from
 * JUnit. Without Node.js (>= 20.19) and npm — a fresh machine with only a JDK — the tests are
 * skipped with a message saying what is missing and how to run them; where the claim must be
 * checked (CI), {@code -Drekam.interop.requireNode=true} makes the same condition a failure.
 * The npm packages are installed with {@code npm ci} from the committed lock when absent.
 */
public final class NodeTus {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOW_TO = "The tus interoperability tests need Node.js >= 20.19 and npm on PATH; they "
            + "install the pinned packages themselves (or run `npm ci --prefix interop/tus` in the repository root).";
    /** The packages the scripts import; their presence means a finished install. */
    private static final List<String> REQUIRED = List.of("tus-js-client", "@tus/server", "@tus/file-store");
    private static final long NPM_CI_TIMEOUT_SECONDS = 300;
    private static final long SCRIPT_TIMEOUT_SECONDS = 60;

    /** Own threads: the common pool has one thread on a 2-core machine, and drains block. */
    private static final Executor DRAINS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "node-tus-io");
        t.setDaemon(true);
        return t;
    });

    private static NodeTus ready;

    private final Path dir;

    private NodeTus(Path dir) {
        this.dir = dir;
    }

    /**
     * Finds {@code interop/tus}, checks node, installs the lock if needed. Skips the calling test
     * (see the class comment) when node, npm or the packages cannot be had.
     */
    public static synchronized NodeTus require() {
        if (ready != null) {
            return ready;
        }
        Path dir = locate();
        Exec version = tryExec(dir, List.of("node", "--version"));
        if (version == null || version.exitCode() != 0) {
            unavailable("`node --version` failed" + (version == null ? ": node is not on PATH" : ": " + version.stderr()));
        }
        String[] v = version.stdout().trim().replace("v", "").split("\\.");
        if (v.length < 2 || Integer.parseInt(v[0]) < 20 || (Integer.parseInt(v[0]) == 20 && Integer.parseInt(v[1]) < 19)) {
            unavailable("node " + version.stdout().trim() + " is too old (@tus/server needs >= 20.19)");
        }
        if (!installed(dir)) {
            npmCi(dir);
        }
        ready = new NodeTus(dir);
        return ready;
    }

    /** Aborts the test as skipped, or fails it under {@code -Drekam.interop.requireNode=true}. */
    private static void unavailable(String why) {
        if (Boolean.getBoolean("rekam.interop.requireNode")) {
            throw new IllegalStateException(why + "\n" + HOW_TO);
        }
        Assumptions.abort("skipped: " + why + ". " + HOW_TO);
    }

    /** Runs a command; null when the program cannot be started at all. */
    private static Exec tryExec(Path dir, List<String> cmd) {
        try {
            return exec(dir, cmd, Map.of(), 30);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof IOException) {
                return null;
            }
            throw e;
        }
    }

    public Path directory() {
        return dir;
    }

    /**
     * Runs {@code upload-with-tus-js-client.mjs}. {@code env} carries REKAM_STATION_ID,
     * REKAM_STATION_KEY_PKCS8, TUS_CHUNK_SIZE, TUS_URL_STORAGE, TUS_STOP_AFTER_CHUNKS as needed.
     */
    public Run upload(URI endpoint, Path file, Map<String, String> env, String... metadata) {
        List<String> cmd = new ArrayList<>(List.of("node", "upload-with-tus-js-client.mjs", endpoint.toString(),
                file.toAbsolutePath().toString()));
        cmd.addAll(List.of(metadata));
        Exec e = exec(dir, cmd, env, SCRIPT_TIMEOUT_SECONDS);
        List<JsonNode> events = new ArrayList<>();
        for (String line : e.stdout().split("\n")) {
            if (line.startsWith("{")) {
                try {
                    events.add(JSON.readTree(line));
                } catch (IOException ex) {
                    throw new UncheckedIOException("not JSON from the uploader: " + line, ex);
                }
            }
        }
        return new Run(e.exitCode(), events, e.stderr());
    }

    /** Runs a node command in {@code interop/tus}, e.g. {@code node --test ...}. */
    public Exec node(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("node");
        cmd.addAll(List.of(args));
        return exec(dir, cmd, Map.of(), SCRIPT_TIMEOUT_SECONDS);
    }

    /** Starts {@code serve-tus.mjs} (@tus/server + @tus/file-store) on a free loopback port, at /files. */
    public TusServer startServer(Path storage) throws IOException {
        return startServer(storage, "/files");
    }

    /**
     * As {@link #startServer(Path)} with the uploads under {@code path}, e.g. {@code /v1/uploads}
     * where the rekam sync-client sends its tus requests.
     */
    public TusServer startServer(Path storage, String path) throws IOException {
        Process p = new ProcessBuilder("node", "serve-tus.mjs", "0", storage.toAbsolutePath().toString(),
                "--path", path, "--stop-on-stdin-eof").directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, DRAINS);
        String line;
        try {
            line = first.get(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("serve-tus.mjs did not start", e);
        }
        if (line == null || !line.startsWith("listening ")) {
            p.destroyForcibly();
            throw new IllegalStateException("serve-tus.mjs did not start: " + line);
        }
        int port = Integer.parseInt(line.substring("listening ".length()).trim());
        return new TusServer(p, URI.create("http://127.0.0.1:" + port + path + "/"), storage);
    }

    /** One uploader run: exit code (0 done, 3 interrupted on purpose, 1 error) and its JSON events. */
    public record Run(int exitCode, List<JsonNode> events, String stderr) {

        public List<JsonNode> events(String type) {
            return events.stream().filter(e -> type.equals(e.path("event").asText())).toList();
        }

        /** Request/response pairs as tus-js-client saw them, in order. */
        public List<JsonNode> exchanges() {
            return events("exchange");
        }

        public List<JsonNode> exchanges(String method) {
            return exchanges().stream().filter(e -> method.equals(e.get("method").asText())).toList();
        }

        public Optional<JsonNode> last(String type) {
            List<JsonNode> l = events(type);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + events.stream().map(JsonNode::toString)
                    .reduce((a, b) -> a + "\n" + b).orElse("") + "\nstderr: " + stderr;
        }
    }

    /** A running @tus/server; {@link #endpoint()} is its creation URL. */
    public record TusServer(Process process, URI endpoint, Path storage) implements AutoCloseable {

        /** The stored body of an upload by its URL (@tus/file-store keeps it under the upload id). */
        public Path file(URI uploadUrl) {
            String path = uploadUrl.getPath();
            return storage.resolve(path.substring(path.lastIndexOf('/') + 1));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    public record Exec(int exitCode, String stdout, String stderr) {
    }

    private static Path locate() {
        Path p = Path.of("").toAbsolutePath();
        for (; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("interop/tus/package-lock.json"))) {
                return p.resolve("interop/tus");
            }
        }
        throw new IllegalStateException("interop/tus/package-lock.json not found above " + Path.of("").toAbsolutePath());
    }

    private static boolean installed(Path dir) {
        return REQUIRED.stream().allMatch(name -> Files.isRegularFile(dir.resolve("node_modules").resolve(name)
                .resolve("package.json")));
    }

    /** One install at a time, across test JVMs too (modules may be built in parallel). */
    private static void npmCi(Path dir) {
        try (FileChannel ch = FileChannel.open(dir.resolve(".npm-ci.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            if (installed(dir)) {
                return;
            }
            if (tryExec(dir, List.of("npm", "--version")) == null) {
                unavailable("npm is not on PATH");
            }
            Exec ci = exec(dir, List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"), Map.of(),
                    NPM_CI_TIMEOUT_SECONDS);
            if (ci.exitCode() != 0 || !installed(dir)) {
                // Most often no registry in reach: the packages are as absent as node would be.
                unavailable("`npm ci` in " + dir + " could not install the pinned packages (exit " + ci.exitCode()
                        + "):\n" + ci.stderr());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(HOW_TO, e);
        }
    }

    private static Exec exec(Path dir, List<String> cmd, Map<String, String> env, long timeoutSeconds) {
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
            pb.environment().putAll(env);
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run `" + cmd.get(0) + "`: " + e.getMessage() + "\n" + HOW_TO, e);
        }
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // nothing to tell the child; it reads no input
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Exec(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<String> drain(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, DRAINS);
    }
}
