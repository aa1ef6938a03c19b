// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import org.rabbitjca.testserver.JdbcPool;
import org.rabbitjca.testserver.PostgresDatabase;

import java.sql.SQLException;

/**
 * A benchmark's own PostgreSQL database and role (same name) with the one table its server writes, emptied for each
 * run, and the non-XA pool the server writes it through.
 */
final class BenchDatabase {

    private final PostgresDatabase database;
    private final String name;
    private final String table;

    private BenchDatabase(PostgresDatabase database, String name, String table) {
        this.database = database;
        this.name = name;
        this.table = table;
    }

    /**
     * Creates the role, the database and the table when missing, and empties the table.
     *
     * @param name the database's and its role's name
     * @param table the table's name
     * @param columns the table's column definitions
     */
    static BenchDatabase prepare(String name, String table, String columns) throws SQLException {
        PostgresDatabase database = PostgresDatabase.prepare(name, name.replace('_', '-') + "-pw");
        database.execute("CREATE TABLE IF NOT EXISTS " + table + " (" + columns + ")", "TRUNCATE " + table);
        return new BenchDatabase(database, name, table);
    }

    /** @return how many rows the server committed */
    long rows() throws SQLException {
        return database.queryLong("SELECT count(*) FROM " + table);
    }

    /** @return the non-XA pool the server writes through, named after the database */
    JdbcPool pool(String jndiName) {
        return database.pool(name, jndiName, false, 32);
    }
}
