package nl.vertelpunt.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A logical backup of everything Vertelpunt keeps, as one ZIP file: a manifest and every table as CSV
 * (PostgreSQL's COPY), read in one read-only repeatable-read transaction, so the backup is consistent
 * while the service keeps running. Restore creates the schema with the migrations, loads the tables
 * in foreign-key order in one transaction, and sets every sequence past the restored ids. Web sessions
 * are not backed up (people sign in again) and neither is the migration history (it is recreated).
 */
public final class Backup {

    /** Tables that are not worth restoring. */
    static final Set<String> SKIPPED = Set.of("flyway_schema_history", "staff_session");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Backup() {}

    /** What a backup holds: per table its columns and number of rows. */
    public record Summary(String schemaVersion, Map<String, Long> rows) {}

    /** Writes the backup of the database behind {@code c} to {@code file}. */
    public static Summary write(Connection c, Path file) throws SQLException, IOException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        Map<String, Long> rows = new LinkedHashMap<>();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            String version = schemaVersion(c);
            ArrayNode tables = JSON.createArrayNode();
            for (String table : tablesInLoadOrder(c)) {
                List<String> columns = columns(c, table);
                zip.putNextEntry(new ZipEntry("tables/" + table + ".csv"));
                long count = copy.copyOut(
                        "COPY (SELECT " + String.join(", ", quoted(columns)) + " FROM " + quote(table)
                                + ") TO STDOUT WITH (FORMAT csv)",
                        zip);
                zip.closeEntry();
                rows.put(table, count);
                ObjectNode t = tables.addObject();
                t.put("name", table);
                t.set("columns", JSON.valueToTree(columns));
                t.put("rows", count);
            }
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("format", "vertelpunt-backup-1");
            manifest.put("createdAt", Instant.now().toString());
            manifest.put("schemaVersion", version);
            manifest.set("tables", tables);
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            c.rollback();
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Summary(version, rows);
        } finally {
            Files.deleteIfExists(partial);
            c.setReadOnly(false);
            c.setAutoCommit(true);
        }
    }

    /**
     * Loads a backup into a database whose schema is at the backup's version and that holds no stories.
     * All or nothing: one transaction.
     */
    public static Summary restore(Connection c, Path file) throws SQLException, IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifestEntry = zip.getEntry("manifest.json");
            if (manifestEntry == null) {
                throw new IOException(file + " is not a Vertelpunt backup: it has no manifest.json");
            }
            JsonNode manifest = JSON.readTree(zip.getInputStream(manifestEntry));
            if (!"vertelpunt-backup-1".equals(manifest.path("format").asText())) {
                throw new IOException(file + " has an unknown backup format: "
                        + manifest.path("format").asText());
            }
            String version = schemaVersion(c);
            if (!version.equals(manifest.path("schemaVersion").asText())) {
                throw new IOException("the backup has schema version "
                        + manifest.path("schemaVersion").asText() + " but this database has " + version
                        + "; restore with the release that made the backup");
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM story")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new IOException("the database already holds stories; restore into an empty database");
                    }
                }
                // the first start creates an admin and publishes samples; the backup brings its own
                for (String table : reversed(tablesInLoadOrder(c))) {
                    s.execute("DELETE FROM " + quote(table));
                }
                s.execute("SET CONSTRAINTS ALL DEFERRED");
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                Map<String, Long> rows = new LinkedHashMap<>();
                Map<String, JsonNode> byName = new HashMap<>();
                manifest.path("tables").forEach(t -> byName.put(t.path("name").asText(), t));
                for (String table : tablesInLoadOrder(c)) {
                    JsonNode t = byName.get(table);
                    if (t == null) {
                        continue;
                    }
                    List<String> columns = new ArrayList<>();
                    t.path("columns").forEach(col -> columns.add(col.asText()));
                    try (InputStream in = zip.getInputStream(zip.getEntry("tables/" + table + ".csv"))) {
                        long count = copy.copyIn(
                                "COPY " + quote(table) + " (" + String.join(", ", quoted(columns))
                                        + ") FROM STDIN WITH (FORMAT csv)",
                                in);
                        if (count != t.path("rows").asLong()) {
                            throw new IOException(table + ": " + count + " rows read, the manifest says "
                                    + t.path("rows").asLong());
                        }
                        rows.put(table, count);
                    }
                }
                resetSequences(c);
                c.commit();
                return new Summary(version, rows);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** A checksum per table over its content (all columns, rows in a fixed order), for checking a restore. */
    public static Map<String, String> checksums(Connection c) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : tablesInLoadOrder(c)) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
                                    + quote(table) + " t")) {
                rs.next();
                sums.put(table, rs.getString(1));
            }
        }
        return sums;
    }

    static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }

    /** The application's tables, each after the tables it refers to (deferrable references excepted). */
    static List<String> tablesInLoadOrder(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                                + "AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                if (!SKIPPED.contains(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
        }
        Map<String, Set<String>> needs = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT cl.relname, ref.relname FROM pg_constraint con "
                        + "JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_class ref ON ref.oid = con.confrelid "
                        + "JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE con.contype = 'f' AND NOT con.condeferrable "
                        + "AND n.nspname = 'public'")) {
            while (rs.next()) {
                if (!rs.getString(1).equals(rs.getString(2))) {
                    needs.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>())
                            .add(rs.getString(2));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String table : tables) {
            visit(table, needs, done, ordered, new LinkedHashSet<>(), tables);
        }
        return ordered;
    }

    private static void visit(
            String table,
            Map<String, Set<String>> needs,
            Set<String> done,
            List<String> ordered,
            Set<String> path,
            List<String> tables) {
        if (done.contains(table) || !tables.contains(table)) {
            return;
        }
        if (!path.add(table)) {
            throw new IllegalStateException("tables refer to each other in a circle: " + path);
        }
        for (String needed : needs.getOrDefault(table, Set.of())) {
            visit(needed, needs, done, ordered, path, tables);
        }
        done.add(table);
        ordered.add(table);
    }

    static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                        + "AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** Sets every sequence of the schema past the highest id that uses it. */
    private static void resetSequences(Connection c) throws SQLException {
        List<String[]> owned = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq.relname, tab.relname, att.attname FROM pg_depend d "
                        + "JOIN pg_class seq ON seq.oid = d.objid AND seq.relkind = 'S' "
                        + "JOIN pg_class tab ON tab.oid = d.refobjid JOIN pg_attribute att ON att.attrelid = tab.oid AND att.attnum = d.refobjsubid "
                        + "JOIN pg_namespace n ON n.oid = seq.relnamespace WHERE n.nspname = 'public'")) {
            while (rs.next()) {
                owned.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        try (Statement s = c.createStatement()) {
            for (String[] o : owned) {
                s.execute("SELECT setval('" + o[0] + "', greatest(1, coalesce((SELECT max(" + quote(o[2]) + ") FROM "
                        + quote(o[1]) + "), 1)))");
            }
            // sequences Hibernate uses by name, outside any column default
            for (String[] named : new String[][] {
                {"story_point_seq", "story_point"},
                {"story_point_version_seq", "story_point_version"},
                {"app_user_seq", "app_user"}
            }) {
                s.execute("SELECT setval('" + named[0] + "', greatest(1, coalesce((SELECT max(id) FROM " + named[1]
                        + "), 0) + 50))");
            }
        }
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(Backup::quote).toList();
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
