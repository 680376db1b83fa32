package nl.vertelpunt.testing;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct reads from the test database, to check what was (not) stored. */
public final class Database {

    private Database() {}

    public static int storyCount(AgroalDataSource ds, String slug) {
        return queryInt(
                ds,
                "SELECT count(*) FROM story s JOIN story_point p ON p.id = s.story_point_id WHERE p.slug = ?",
                slug);
    }

    /** The first column of the first row, as text (null when there is no row). */
    public static String queryString(AgroalDataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int queryInt(AgroalDataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE and returns how many rows it changed. */
    public static int update(AgroalDataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of every table in the application schema, as JSON text. */
    public static List<String> everyRowAsText(AgroalDataSource ds) {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement()
                    .executeQuery(
                            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs =
                        c.createStatement().executeQuery("SELECT row_to_json(t)::text FROM \"" + table + "\" t")) {
                    while (rs.next()) {
                        rows.add(table + ": " + rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
