// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import org.rabbitjca.testserver.JdbcPool;
import org.rabbitjca.testserver.PostgresDatabase;

import java.sql.SQLException;

/** The soak's own PostgreSQL database and role, with the table its listener writes, emptied for each run. */
final class SoakDatabase {

    private static final String NAME = "rabbitjca_soak";
    private static final String PASSWORD = "rabbitjca-soak-pw";

    private final PostgresDatabase database;

    private SoakDatabase(PostgresDatabase database) {
        this.database = database;
    }

    /** Creates the role, the database and the table when missing, and empties the table. */
    static SoakDatabase prepare() throws SQLException {
        PostgresDatabase database = PostgresDatabase.prepare(NAME, PASSWORD);
        database.execute("CREATE TABLE IF NOT EXISTS soak_rows (message_id varchar(64) PRIMARY KEY, "
                + "body_bytes integer NOT NULL)", "TRUNCATE soak_rows");
        return new SoakDatabase(database);
    }

    /** @return how many rows the listener committed */
    long rows() throws SQLException {
        return database.queryLong("SELECT count(*) FROM soak_rows");
    }

    /** @return the non-XA pool the listener writes through */
    JdbcPool pool(String jndiName) {
        return database.pool("soak-db", jndiName, false, 16);
    }
}
