package nl.vertelpunt.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the committed deployment files (deploy/kubernetes, deploy/compose.yaml) and checks what an organisation
 * relies on: several replicas, probes on SmallRye Health, resources, secrets only from the Secret, settings from
 * the ConfigMap, the Ingress with TLS, and a compose file whose services wait for each other.
 */
class DeploymentFilesTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path KUBERNETES = Path.of("deploy/kubernetes");

    /** Every document of a (multi-document) YAML file. */
    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            }
        }
        return documents;
    }

    private static JsonNode only(List<JsonNode> documents, String kind) {
        List<JsonNode> found = documents.stream()
                .filter(d -> kind.equals(d.path("kind").asText()))
                .toList();
        assertThat(found).as("resources of kind %s", kind).hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> generated() throws IOException {
        return documents(KUBERNETES.resolve("vertelpunt.yml"));
    }

    private static JsonNode container(JsonNode deployment) {
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        assertThat(containers.size()).isEqualTo(1);
        return containers.get(0);
    }

    private static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    @Test
    void shouldRunSeveralReplicasWithProbesOnSmallRyeHealth() throws IOException {
        JsonNode deployment = only(generated(), "Deployment");
        assertThat(deployment.at("/metadata/name").asText()).isEqualTo("vertelpunt");
        assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode container = container(deployment);
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asInt())
                    .as(probe)
                    .isEqualTo(8080);
        }
        // The start (migrations on a new database) gets minutes, not the default 35 seconds.
        JsonNode startup = container.path("startupProbe");
        assertThat(startup.path("periodSeconds").asInt()
                        * startup.path("failureThreshold").asInt())
                .isGreaterThanOrEqualTo(120);
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    }

    @Test
    void shouldRequestAndLimitCpuAndMemory() throws IOException {
        JsonNode resources = container(only(generated(), "Deployment")).path("resources");
        for (String kind : List.of("requests", "limits")) {
            assertThat(resources.at("/" + kind + "/cpu").asText())
                    .as(kind + " cpu")
                    .isNotBlank();
            assertThat(resources.at("/" + kind + "/memory").asText())
                    .as(kind + " memory")
                    .isNotBlank();
        }
        // The heap is a share of the limit: the request must guarantee that memory.
        assertThat(resources.at("/requests/memory").asText())
                .isEqualTo(resources.at("/limits/memory").asText());
    }

    @Test
    void shouldTakeSecretsFromTheSecretAndSettingsFromTheConfigMap() throws IOException {
        JsonNode container = container(only(generated(), "Deployment"));
        Map<String, JsonNode> env = env(container);
        assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")
                        .at("/valueFrom/secretKeyRef/name")
                        .asText())
                .isEqualTo("vertelpunt-secrets");
        assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")
                        .at("/valueFrom/secretKeyRef/key")
                        .asText())
                .isEqualTo("database-password");
        assertThat(env.get("VERTELPUNT_ADMIN_PASSWORD")
                        .at("/valueFrom/secretKeyRef/name")
                        .asText())
                .isEqualTo("vertelpunt-secrets");
        assertThat(env.get("VERTELPUNT_ADMIN_PASSWORD")
                        .at("/valueFrom/secretKeyRef/key")
                        .asText())
                .isEqualTo("admin-password");
        // No literal value anywhere for anything that looks like a secret.
        env.forEach((name, e) -> {
            if (name.contains("PASSWORD")) {
                assertThat(e.has("value")).as(name).isFalse();
            }
        });
        assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo("vertelpunt-config");

        JsonNode configMap = only(documents(KUBERNETES.resolve("configmap.yaml")), "ConfigMap");
        assertThat(configMap.at("/metadata/name").asText()).isEqualTo("vertelpunt-config");
        JsonNode data = configMap.path("data");
        assertThat(data.path("QUARKUS_DATASOURCE_JDBC_URL").asText()).startsWith("jdbc:postgresql://");
        assertThat(data.path("QUARKUS_DATASOURCE_USERNAME").asText()).isNotBlank();
        data.fieldNames()
                .forEachRemaining(
                        key -> assertThat(key).as("no secret in the ConfigMap").doesNotContain("PASSWORD"));

        // Every key the Deployment takes from the Secret is in the example Secret.
        JsonNode secret = only(documents(KUBERNETES.resolve("secret.example.yaml")), "Secret");
        assertThat(secret.at("/metadata/name").asText()).isEqualTo("vertelpunt-secrets");
        Set<String> referenced = env.values().stream()
                .map(e -> e.at("/valueFrom/secretKeyRef/key"))
                .filter(k -> !k.isMissingNode())
                .map(JsonNode::asText)
                .collect(Collectors.toSet());
        Set<String> provided = new HashSet<>();
        secret.path("stringData").fieldNames().forEachRemaining(provided::add);
        assertThat(provided).containsAll(referenced);
    }

    @Test
    void shouldRunAsTheImagesNonRootUser() throws IOException {
        JsonNode pod = only(generated(), "Deployment").at("/spec/template/spec");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(185);
        assertThat(container(only(generated(), "Deployment")).at("/image").asText())
                .isEqualTo("docker.io/vertelpunt/vertelpunt:" + projectVersion());
    }

    @Test
    void shouldServeThroughTheServiceAndAnIngressWithTls() throws IOException {
        List<JsonNode> documents = generated();
        JsonNode deployment = only(documents, "Deployment");
        JsonNode service = only(documents, "Service");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        service.path("spec")
                .path("selector")
                .fields()
                .forEachRemaining(
                        selector -> assertThat(podLabels.path(selector.getKey()).asText())
                                .as("selector %s", selector.getKey())
                                .isEqualTo(selector.getValue().asText()));
        JsonNode servicePort = service.at("/spec/ports/0");
        assertThat(servicePort.path("name").asText()).isEqualTo("http");
        assertThat(servicePort.path("targetPort").asInt()).isEqualTo(8080);

        JsonNode ingress = only(documents, "Ingress");
        JsonNode rule = ingress.at("/spec/rules/0");
        String host = rule.path("host").asText();
        assertThat(host).isEqualTo("vertelpunt.example.org");
        assertThat(rule.at("/http/paths/0/backend/service/name").asText())
                .isEqualTo(service.at("/metadata/name").asText());
        assertThat(rule.at("/http/paths/0/backend/service/port/name").asText()).isEqualTo("http");
        JsonNode tls = ingress.at("/spec/tls/0");
        assertThat(tls.path("secretName").asText()).isEqualTo("vertelpunt-tls");
        assertThat(tls.path("hosts")).extracting(JsonNode::asText).containsExactly(host);
        // CSV imports are larger than ingress-nginx's default of 1 MB.
        assertThat(ingress.at("/metadata/annotations")
                        .path("nginx.ingress.kubernetes.io/proxy-body-size")
                        .asText())
                .isEqualTo("256m");
    }

    @Test
    void shouldMountAWritableTmpAndTheOptionalStoryPoints() throws IOException {
        JsonNode deployment = only(generated(), "Deployment");
        Map<String, JsonNode> volumes = new HashMap<>();
        deployment
                .at("/spec/template/spec/volumes")
                .forEach(v -> volumes.put(v.path("name").asText(), v));
        assertThat(volumes.get("tmp").has("emptyDir")).isTrue();
        assertThat(volumes.get("storypoints").at("/configMap/name").asText()).isEqualTo("vertelpunt-storypoints");
        assertThat(volumes.get("storypoints").at("/configMap/optional").asBoolean())
                .isTrue();
        Map<String, String> mounts = new HashMap<>();
        container(deployment)
                .path("volumeMounts")
                .forEach(m ->
                        mounts.put(m.path("name").asText(), m.path("mountPath").asText()));
        assertThat(mounts).containsEntry("tmp", "/tmp").containsEntry("storypoints", "/deployments/storypoints");
    }

    /**
     * kustomization.yaml lists existing files, renames the generated image, and its JSON patch applies to the
     * generated Deployment (checked by applying it here, as kustomize would).
     */
    @Test
    void shouldHardenTheContainerThroughTheKustomization() throws IOException {
        JsonNode kustomization =
                documents(KUBERNETES.resolve("kustomization.yaml")).get(0);
        kustomization
                .path("resources")
                .forEach(r -> assertThat(KUBERNETES.resolve(r.asText())).exists());
        assertThat(kustomization.path("resources")).extracting(JsonNode::asText).doesNotContain("secret.example.yaml");
        JsonNode deployment = only(generated(), "Deployment");
        String image = container(deployment).path("image").asText();
        assertThat(image).startsWith(kustomization.at("/images/0/name").asText() + ":");

        JsonNode patch = kustomization.at("/patches/0");
        assertThat(patch.at("/target/kind").asText()).isEqualTo("Deployment");
        assertThat(patch.at("/target/name").asText())
                .isEqualTo(deployment.at("/metadata/name").asText());
        ObjectNode patched = deployment.deepCopy();
        for (JsonNode op : YAML.readTree(patch.path("patch").asText())) {
            assertThat(op.path("op").asText()).isEqualTo("add");
            add(patched, op.path("path").asText(), op.path("value"));
        }
        JsonNode securityContext = container(patched).path("securityContext");
        assertThat(securityContext.path("allowPrivilegeEscalation").asBoolean(true))
                .isFalse();
        assertThat(securityContext.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(securityContext.at("/capabilities/drop"))
                .extracting(JsonNode::asText)
                .containsExactly("ALL");
        assertThat(patched.at("/spec/template/spec/securityContext/seccompProfile/type")
                        .asText())
                .isEqualTo("RuntimeDefault");
        assertThat(patched.at("/spec/template/spec/securityContext/runAsNonRoot")
                        .asBoolean())
                .isTrue();
    }

    /** JSON Patch "add" (RFC 6902): the parent must exist, as kustomize requires. */
    private static void add(ObjectNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        assertThat(parent.isMissingNode()).as("parent of %s exists", pointer).isFalse();
        if (parent instanceof ArrayNode array) {
            array.insert(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    @Test
    void shouldStartTheServiceAfterAHealthyPostgreSql() throws IOException {
        JsonNode compose = documents(Path.of("deploy/compose.yaml")).get(0);
        JsonNode postgres = compose.at("/services/postgres");
        JsonNode service = compose.at("/services/vertelpunt");
        assertThat(postgres.path("image").asText()).isEqualTo("postgres:17");
        assertThat(postgres.path("volumes"))
                .extracting(JsonNode::asText)
                .anyMatch(v -> v.endsWith(":/var/lib/postgresql/data"));
        assertThat(postgres.at("/healthcheck/test"))
                .extracting(JsonNode::asText)
                .contains("pg_isready");
        assertThat(compose.at("/volumes").has("postgres-data")).isTrue();

        assertThat(service.path("image").asText()).startsWith("vertelpunt/vertelpunt:");
        assertThat(service.at("/depends_on/postgres/condition").asText()).isEqualTo("service_healthy");
        assertThat(service.path("env_file").asText()).isEqualTo(".env");
        JsonNode env = service.path("environment");
        assertThat(env.path("QUARKUS_DATASOURCE_JDBC_URL").asText())
                .isEqualTo("jdbc:postgresql://postgres:5432/vertelpunt");
        // Passwords come from the environment file, never from this file.
        assertThat(env.path("QUARKUS_DATASOURCE_PASSWORD").asText()).startsWith("${VERTELPUNT_DB_PASSWORD:?");
        assertThat(env.path("VERTELPUNT_ADMIN_PASSWORD").asText()).startsWith("${VERTELPUNT_ADMIN_PASSWORD:?");
        assertThat(postgres.at("/environment/POSTGRES_PASSWORD").asText()).startsWith("${VERTELPUNT_DB_PASSWORD:?");
        assertThat(service.at("/healthcheck/test"))
                .extracting(JsonNode::asText)
                .anyMatch(t -> t.contains("/q/health/ready"));
        assertThat(service.path("ports")).extracting(JsonNode::asText).allMatch(p -> p.startsWith("127.0.0.1:"));
        assertThat(service.path("read_only").asBoolean()).isTrue();
        assertThat(service.path("volumes"))
                .extracting(JsonNode::asText)
                .anyMatch(v -> v.endsWith(":/deployments/storypoints:ro"));

        // The example environment file defines every variable the compose file requires.
        String example = Files.readString(Path.of("deploy/env.example"), StandardCharsets.UTF_8);
        assertThat(example)
                .contains(
                        "\nVERTELPUNT_DB_PASSWORD=",
                        "\nVERTELPUNT_ADMIN_PASSWORD=",
                        "\nCOMPOSE_PROJECT_NAME=vertelpunt");
    }

    /** The fenced code blocks of a Markdown file whose first line starts with {@code firstLine}. */
    static List<String> codeBlocks(Path markdown, String language, String firstLine) throws IOException {
        List<String> blocks = new ArrayList<>();
        String text = Files.readString(markdown, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL)
                .matcher(text);
        while (m.find()) {
            if (m.group(1).startsWith(firstLine)) {
                blocks.add(m.group(1));
            }
        }
        return blocks;
    }

    /**
     * Every way of deploying puts a proxy in front: each must take the client from the proxy's X-Forwarded-For,
     * and the proxy must send it, or all storytellers and staff share one address and one limit.
     */
    @Test
    void shouldTakeTheClientFromTheProxyInEveryDeployment() throws IOException {
        JsonNode configMap = only(documents(KUBERNETES.resolve("configmap.yaml")), "ConfigMap");
        assertThat(configMap.at("/data/VERTELPUNT_RATE_LIMIT_FORWARDED").asText())
                .isEqualTo("true");
        // and the Deployment reads the ConfigMap
        assertThat(container(only(generated(), "Deployment"))
                        .at("/envFrom/0/configMapRef/name")
                        .asText())
                .isEqualTo(configMap.at("/metadata/name").asText());

        List<String> example = Files.readAllLines(Path.of("deploy/env.example"), StandardCharsets.UTF_8);
        assertThat(example).as("an active line of env.example").contains("VERTELPUNT_RATE_LIMIT_FORWARDED=true");
        JsonNode compose = documents(Path.of("deploy/compose.yaml")).get(0);
        assertThat(compose.at("/services/vertelpunt/env_file").asText()).isEqualTo(".env");
        assertThat(compose.at("/services/vertelpunt/environment").has("VERTELPUNT_RATE_LIMIT_FORWARDED"))
                .as("compose.yaml leaves it to .env")
                .isFalse();

        Path guide = Path.of("deploy/README.md");
        List<String> envFile = codeBlocks(guide, "sh", "# /etc/vertelpunt/vertelpunt.env");
        assertThat(envFile).hasSize(1);
        assertThat(envFile.get(0).lines())
                .contains("VERTELPUNT_RATE_LIMIT_FORWARDED=true", "QUARKUS_HTTP_HOST=127.0.0.1");

        List<String> nginx = codeBlocks(guide, "nginx", "server {");
        assertThat(nginx).hasSize(1);
        assertThat(nginx.get(0).lines().map(String::strip))
                .contains(
                        "proxy_pass http://127.0.0.1:8080;",
                        "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
                        "proxy_set_header X-Forwarded-Proto $scheme;");
        assertThat(nginx.get(0).lines().map(String::strip))
                .as("no access log of client addresses")
                .anyMatch(line -> line.startsWith("access_log off;"));
    }

    /** When docker-compose is installed (Debian's package), it must accept the file with the example environment. */
    @Test
    void shouldBeAcceptedByDockerCompose(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/docker-compose")), "docker-compose is not installed");
        Files.copy(Path.of("deploy/compose.yaml"), dir.resolve("compose.yaml"));
        Files.copy(Path.of("deploy/env.example"), dir.resolve(".env"));
        Process process = new ProcessBuilder("/usr/bin/docker-compose", "--file", "compose.yaml", "config", "--quiet")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    static String projectVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        int artifact = pom.indexOf("<artifactId>vertelpunt</artifactId>");
        int start = pom.indexOf("<version>", artifact) + "<version>".length();
        return pom.substring(start, pom.indexOf("</version>", start));
    }
}
