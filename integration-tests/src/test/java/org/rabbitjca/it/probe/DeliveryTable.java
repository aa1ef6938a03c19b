// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.probe;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The table {@link org.rabbitjca.it.beans.TransactedListener} writes to, in the default datasource; counts its rows for
 * the tests.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryTable {

    /** The table's name. */
    public static final String NAME = "rabbitjca_deliveries";

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    /** Creates the table if this is the first deployment. */
    @PostConstruct
    void create() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + NAME + " (message_id VARCHAR(100) NOT NULL)");
        } catch (SQLException failure) {
            throw new IllegalStateException("Cannot create table " + NAME, failure);
        }
    }

    /**
     * @param messageIdPrefix counts rows whose message id starts with this
     * @return the number of committed rows
     */
    public int rows(String messageIdPrefix) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT COUNT(*) FROM " + NAME + " WHERE message_id LIKE ?")) {
            count.setString(1, messageIdPrefix + "%");
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
