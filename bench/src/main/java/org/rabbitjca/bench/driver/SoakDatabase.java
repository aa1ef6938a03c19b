// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The soak's own PostgreSQL database and role on the machine's server (127.0.0.1:5432, trust authentication for
 * the {@code postgres} superuser, as on the machines this project runs on), created when missing, its table emptied
 * for each run.
 */
final class SoakDatabase {

    static final String NAME = "rabbitjca_soak";
    static final String USER = "rabbitjca_soak";
    static final String PASSWORD = "rabbitjca-soak-pw";
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private SoakDatabase() {
    }

    /** Creates the role, the database and the table when missing, and empties the table. */
    static void prepare() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            if (!exists(statement, "SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'")) {
                statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
            if (!exists(statement, "SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'")) {
                statement.execute("CREATE DATABASE " + NAME + " OWNER " + USER);
            }
        }
        try (Connection own = connect(); Statement statement = own.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS soak_rows (message_id varchar(64) PRIMARY KEY, "
                    + "body_bytes integer NOT NULL)");
            statement.execute("TRUNCATE soak_rows");
        }
    }

    /** @return how many rows the listener committed */
    static long rows() throws SQLException {
        try (Connection own = connect(); Statement statement = own.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM soak_rows")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** @return the glassfish-resources.xml elements of the non-XA pool the listener writes through */
    static String poolXml(String jndiName) {
        return """
                  <jdbc-connection-pool name="soak-db" res-type="javax.sql.DataSource"
                      datasource-classname="org.postgresql.ds.PGSimpleDataSource" steady-pool-size="0"
                      max-pool-size="16">
                    <property name="serverName" value="127.0.0.1"/>
                    <property name="portNumber" value="5432"/>
                    <property name="databaseName" value="%s"/>
                    <property name="user" value="%s"/>
                    <property name="password" value="%s"/>
                  </jdbc-connection-pool>
                  <jdbc-resource jndi-name="%s" pool-name="soak-db"/>
                """.formatted(NAME, USER, PASSWORD, jndiName);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + NAME, USER, PASSWORD);
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            return result.next();
        }
    }
}
