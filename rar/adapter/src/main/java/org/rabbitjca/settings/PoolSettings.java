// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

/**
 * The validated settings of one outbound pool (one managed connection factory), beyond its connection settings.
 *
 * @param publisherConfirms whether publishes wait for the broker's confirm
 * @param confirmTimeoutMillis how long a publish waits for its confirm
 * @param physicalConnections how many AMQP connections the pool's channels are spread over
 */
public record PoolSettings(boolean publisherConfirms, int confirmTimeoutMillis, int physicalConnections) {

    /** Default of {@code publisherConfirms}: on, a message reported as sent is stored by the broker. */
    public static final boolean DEFAULT_PUBLISHER_CONFIRMS = true;
    /** Default of {@code confirmTimeoutMillis}. */
    public static final int DEFAULT_CONFIRM_TIMEOUT_MILLIS = 5_000;
    /** Default of {@code physicalConnections}. */
    public static final int DEFAULT_PHYSICAL_CONNECTIONS = 1;
    /** Upper bound of {@code physicalConnections}: each connection costs the broker a process and a socket. */
    public static final int MAX_PHYSICAL_CONNECTIONS = 64;

    /**
     * Resolves and validates the pool properties; {@code null} means "not set", taking the default.
     *
     * @param where names the pool in error messages
     * @param publisherConfirms the {@code publisherConfirms} property
     * @param confirmTimeoutMillis the {@code confirmTimeoutMillis} property
     * @param physicalConnections the {@code physicalConnections} property
     * @return the validated settings
     * @throws InvalidSettingsException listing every invalid property
     */
    public static PoolSettings resolve(String where, Boolean publisherConfirms, Integer confirmTimeoutMillis,
                                       Integer physicalConnections) throws InvalidSettingsException {
        Problems problems = new Problems();
        PoolSettings settings = resolve(problems, publisherConfirms, confirmTimeoutMillis, physicalConnections);
        problems.throwIfAny(where);
        return settings;
    }

    /**
     * Like {@link #resolve(String, Boolean, Integer, Integer)}, adding every problem to {@code problems}, so that
     * the caller reports them with those of the pool's connection settings.
     *
     * @return the settings, or {@code null} when a problem was found
     */
    static PoolSettings resolve(Problems problems, Boolean publisherConfirms, Integer confirmTimeoutMillis,
                                Integer physicalConnections) {
        int before = problems.count();
        int timeout = problems.atLeast("confirmTimeoutMillis", confirmTimeoutMillis, DEFAULT_CONFIRM_TIMEOUT_MILLIS, 1,
                "milliseconds a publish waits for the broker's confirm");
        int connections = problems.between("physicalConnections", physicalConnections, DEFAULT_PHYSICAL_CONNECTIONS,
                1, MAX_PHYSICAL_CONNECTIONS, "AMQP connections the pool's channels share");
        return problems.count() > before ? null : new PoolSettings(publisherConfirms == null
                ? DEFAULT_PUBLISHER_CONFIRMS : publisherConfirms, timeout, connections);
    }
}
