package nl.vertelpunt.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a separate process, for tests that
 * kill and restart it. Its output goes to {@code target/it-logs/}.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "it-admin-password";

    private final String name;
    private final Path dataDir;
    private final int port;
    private final Map<String, String> environment;
    private Path workingDirectory;
    private Process process;

    public ServiceProcess(String name, Path dataDir, int port, Map<String, String> environment) {
        this.name = name;
        this.dataDir = dataDir;
        this.port = port;
        this.environment = environment;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the service in this folder instead of the test's (the repository); call before {@link #start()}. */
    public ServiceProcess in(Path folder) {
        this.workingDirectory = folder;
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts the process and waits until it reports ready. */
    public ServiceProcess start() throws IOException, InterruptedException {
        Path logs = Path.of("target/it-logs").toAbsolutePath();
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("VERTELPUNT_DATA_DIR", dataDir.toString());
        env.putIfAbsent("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.putIfAbsent("VERTELPUNT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.putIfAbsent("VERTELPUNT_STORYPOINTS_DIR", "samples/storypoints");
        builder.environment().putAll(env);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.redirectErrorStream(true);
        builder.redirectOutput(
                ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
        process = builder.start();
        waitUntilReady(Duration.ofSeconds(90));
        return this;
    }

    private void waitUntilReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see target/it-logs/" + name + ".log");
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not become ready in " + timeout);
    }

    /** The operating system's id of the service process. */
    public long pid() {
        return process.pid();
    }

    /** Kills the JVM with SIGKILL: no shutdown hooks, no clean-up; its PostgreSQL is left orphaned. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the process normally (SIGTERM) and waits for it. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
