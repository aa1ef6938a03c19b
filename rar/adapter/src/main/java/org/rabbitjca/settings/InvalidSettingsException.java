// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import jakarta.resource.spi.InvalidPropertyException;

import java.util.List;

/** One or more configuration properties are invalid; the message lists every problem with its fix. */
public class InvalidSettingsException extends InvalidPropertyException {

    private static final long serialVersionUID = 1L;

    /**
     * @param where which configuration was checked, e.g. {@code "connection pool"} or {@code "MDB 'OrderListener'"}
     * @param problems one line per invalid property, each naming the property, its value and what is allowed
     */
    public InvalidSettingsException(String where, List<String> problems) {
        super("Invalid rabbitmq-jca configuration of " + where + ": " + String.join("; ", problems));
    }
}
