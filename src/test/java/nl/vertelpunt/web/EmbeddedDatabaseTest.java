package nl.vertelpunt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL keeps its data across restarts, commits durably and wants a password. Not a @QuarkusTest: it starts its own server. */
class EmbeddedDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void shouldKeepDataAcrossRestartsCommitDurablyAndRequireAPassword() throws Exception {
        Path pgData = folder.resolve("postgres");
        String password;
        try (EmbeddedPostgres first = EmbeddedDatabase.start(pgData, 0)) {
            password = EmbeddedDatabase.readPassword(pgData);
            try (Connection c = DriverManager.getConnection(
                            EmbeddedDatabase.jdbcUrl(first.getPort()), "postgres", password);
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (story TEXT)");
                s.execute("INSERT INTO kept VALUES ('Een verhaal dat blijft')");
                assertThat(setting(s, "fsync")).isEqualTo("on");
                assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(s, "listen_addresses")).isEqualTo("127.0.0.1");
            }
            assertThatThrownBy(() ->
                            DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(first.getPort()), "postgres", "wrong"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
        try (EmbeddedPostgres second = EmbeddedDatabase.start(pgData, 0);
                Connection c = DriverManager.getConnection(
                        EmbeddedDatabase.jdbcUrl(second.getPort()), "postgres", EmbeddedDatabase.readPassword(pgData));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT story FROM kept")) {
            assertThat(EmbeddedDatabase.readPassword(pgData)).isEqualTo(password);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Een verhaal dat blijft");
        }
    }

    private static String setting(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
