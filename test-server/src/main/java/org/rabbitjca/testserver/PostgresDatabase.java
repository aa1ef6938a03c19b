// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver;

import java.io.File;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A database and role of a test's own on the machine's PostgreSQL server (127.0.0.1:5432, trust authentication for
 * the {@code postgres} superuser, as on the machines this project runs on; {@code .ci/run} starts the server when it
 * is down), created when missing. The role and the database have the same name.
 */
public final class PostgresDatabase {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String name;
    private final String password;

    private PostgresDatabase(String name, String password) {
        this.name = name;
        this.password = password;
    }

    /**
     * Creates the role and the database when missing.
     *
     * @param name the role's and the database's name
     * @param password the role's password
     * @return the database
     */
    public static PostgresDatabase prepare(String name, String password) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            if (!exists(statement, "SELECT 1 FROM pg_roles WHERE rolname = '" + name + "'")) {
                statement.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
            }
            if (!exists(statement, "SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + name);
            }
        }
        return new PostgresDatabase(name, password);
    }

    /**
     * A server's default datasource's database, emptied: each server starts with an empty one, as Payara's and
     * WildFly's in-memory defaults do, whatever an earlier run left there.
     *
     * @param name the role's and the database's name; its password is the name with {@code -pw}
     * @return the database, created when missing, everything its role owned dropped
     */
    public static PostgresDatabase emptyDefault(String name) throws SQLException {
        PostgresDatabase database = prepare(name, name + "-pw");
        database.execute("DROP OWNED BY " + name);
        return database;
    }

    /** @return a new connection to the database as its role */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + name, name, password);
    }

    /** Runs statements (DDL, a truncate) as the database's role. */
    public void execute(String... statements) throws SQLException {
        try (Connection own = connect(); Statement statement = own.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** @return the first column of the first row of a query, e.g. a {@code count(*)} */
    public long queryLong(String query) throws SQLException {
        try (Connection own = connect(); Statement statement = own.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * @param poolName the pool's name
     * @param jndiName its data source's JNDI name
     * @param xa whether the server enlists it for two phases ({@code PGXADataSource}) or not
     * @param maxPoolSize the most connections
     * @return a server pool of this database
     */
    public JdbcPool pool(String poolName, String jndiName, boolean xa, int maxPoolSize) {
        return new JdbcPool(poolName, jndiName, xa ? "org.postgresql.xa.PGXADataSource"
                : "org.postgresql.ds.PGSimpleDataSource", xa, maxPoolSize, Map.of("serverName", "127.0.0.1",
                "portNumber", "5432", "databaseName", name, "user", name, "password", password));
    }

    /** @return the PostgreSQL driver's jar, for the war of an application whose pool uses it */
    public static File driver() {
        try {
            return new File(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException("The PostgreSQL driver's location is not a file", impossible);
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            return result.next();
        }
    }
}
