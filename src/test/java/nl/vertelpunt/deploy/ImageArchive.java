package nl.vertelpunt.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A container image saved as a docker-archive (the format of {@code docker save} and {@code docker load}):
 * manifest.json, the image configuration and one tar per layer, here unpacked into a folder.
 */
record ImageArchive(Path folder, JsonNode manifest, JsonNode configuration, List<Path> layers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Unpacks {@code archive} into {@code folder} (emptied first) and reads its manifest and configuration. */
    static ImageArchive unpack(Path archive, Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(folder);
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = folder.resolve(entry.getName()).normalize();
                if (!target.startsWith(folder)) {
                    throw new IOException("entry outside the archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                }
            }
        }
        JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
        if (manifest.size() != 1) {
            throw new IOException("expected one image in " + archive + ", found " + manifest.size());
        }
        JsonNode entry = manifest.get(0);
        JsonNode configuration =
                JSON.readTree(folder.resolve(entry.path("Config").asText()).toFile());
        List<Path> layers = new ArrayList<>();
        entry.path("Layers").forEach(l -> layers.add(folder.resolve(l.asText())));
        return new ImageArchive(folder, manifest, configuration, layers);
    }

    JsonNode config() {
        return configuration.path("config");
    }

    List<String> repoTags() {
        List<String> tags = new ArrayList<>();
        manifest.get(0).path("RepoTags").forEach(t -> tags.add(t.asText()));
        return tags;
    }

    List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        config().path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        return entrypoint;
    }

    List<String> cmd() {
        List<String> cmd = new ArrayList<>();
        config().path("Cmd").forEach(e -> cmd.add(e.asText()));
        return cmd;
    }

    /** The image's environment, in order. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        config().path("Env").forEach(e -> {
            String[] pair = e.asText().split("=", 2);
            env.put(pair[0], pair.length > 1 ? pair[1] : "");
        });
        return env;
    }

    /** The entries of one layer, their paths without a leading "./" or "/". */
    static List<TarArchiveEntry> entries(Path layer) throws IOException {
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = open(layer)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    static String path(TarArchiveEntry entry) {
        String name = entry.getName();
        while (name.startsWith("./") || name.startsWith("/")) {
            name = name.substring(name.startsWith("./") ? 2 : 1);
        }
        return name;
    }

    /** The text of a file in a layer, if the layer holds it. */
    static Optional<String> read(Path layer, String path) throws IOException {
        try (TarArchiveInputStream tar = open(layer)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (path(entry).equals(path) && entry.isFile()) {
                    return Optional.of(new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return Optional.empty();
    }

    private static TarArchiveInputStream open(Path layer) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(layer));
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        boolean gzip = b1 == 0x1f && b2 == 0x8b;
        return new TarArchiveInputStream(gzip ? new GZIPInputStream(in) : in);
    }
}
