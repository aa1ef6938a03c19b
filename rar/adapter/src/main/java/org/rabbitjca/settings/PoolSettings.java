// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

/**
 * The validated settings of one outbound pool (one managed connection factory), beyond its connection settings.
 *
 * @param publisherConfirms whether publishes wait for the broker's confirm
 * @param confirmTimeoutMillis how long a publish waits for its confirm; at commit, how long all of a transaction's
 *        messages together wait for theirs
 * @param physicalConnections how many AMQP connections the pool's channels are spread over
 * @param maxMessagesPerTransaction how many messages one JTA transaction may hold until it commits
 * @param maxBytesPerTransaction how many bytes of message bodies one JTA transaction may hold until it commits
 * @param holdUntilCommit whether publishes inside a JTA transaction are held until it commits, or leave at once
 */
public record PoolSettings(boolean publisherConfirms, int confirmTimeoutMillis, int physicalConnections,
                           int maxMessagesPerTransaction, int maxBytesPerTransaction, boolean holdUntilCommit) {

    /** Default of {@code publisherConfirms}: on, a message reported as sent is stored by the broker. */
    public static final boolean DEFAULT_PUBLISHER_CONFIRMS = true;
    /** Default of {@code confirmTimeoutMillis}. */
    public static final int DEFAULT_CONFIRM_TIMEOUT_MILLIS = 5_000;
    /** Default of {@code physicalConnections}. */
    public static final int DEFAULT_PHYSICAL_CONNECTIONS = 1;
    /** Upper bound of {@code physicalConnections}: each connection costs the broker a process and a socket. */
    public static final int MAX_PHYSICAL_CONNECTIONS = 64;
    /** Default of {@code maxMessagesPerTransaction}: far above an event or three per business transaction. */
    public static final int DEFAULT_MAX_MESSAGES_PER_TRANSACTION = 10_000;
    /** Default of {@code holdUntilCommit}: a publish follows the caller's transaction, like the database's work. */
    public static final boolean DEFAULT_HOLD_UNTIL_COMMIT = true;
    /** Default of {@code maxBytesPerTransaction}: 16 MiB, so that 16 callers at the limit hold 256 MiB of heap. */
    public static final int DEFAULT_MAX_BYTES_PER_TRANSACTION = 16 * 1024 * 1024;

    /**
     * Resolves and validates the pool properties.
     *
     * @param where names the pool in error messages
     * @param properties the pool's properties as set
     * @return the validated settings
     * @throws InvalidSettingsException listing every invalid property
     */
    public static PoolSettings resolve(String where, PoolProperties properties) throws InvalidSettingsException {
        Problems problems = new Problems();
        PoolSettings settings = resolve(problems, properties);
        problems.throwIfAny(where);
        return settings;
    }

    /**
     * Like {@link #resolve(String, PoolProperties)}, adding every problem to {@code problems}, so that the caller
     * reports them with those of the pool's connection settings.
     *
     * @return the settings, or {@code null} when a problem was found
     */
    static PoolSettings resolve(Problems problems, PoolProperties properties) {
        int before = problems.count();
        int timeout = problems.atLeast("confirmTimeoutMillis", properties.confirmTimeoutMillis(),
                DEFAULT_CONFIRM_TIMEOUT_MILLIS, 1, "milliseconds a publish waits for the broker's confirm");
        int connections = problems.between("physicalConnections", properties.physicalConnections(),
                DEFAULT_PHYSICAL_CONNECTIONS, 1, MAX_PHYSICAL_CONNECTIONS,
                "AMQP connections the pool's channels share");
        int messages = problems.atLeast("maxMessagesPerTransaction", properties.maxMessagesPerTransaction(),
                DEFAULT_MAX_MESSAGES_PER_TRANSACTION, 1, "messages one transaction may hold until it commits");
        int bytes = problems.atLeast("maxBytesPerTransaction", properties.maxBytesPerTransaction(),
                DEFAULT_MAX_BYTES_PER_TRANSACTION, 1, "bytes of message bodies one transaction may hold");
        return problems.count() > before ? null : new PoolSettings(
                orDefault(properties.publisherConfirms(), DEFAULT_PUBLISHER_CONFIRMS), timeout, connections, messages,
                bytes, orDefault(properties.holdUntilCommit(), DEFAULT_HOLD_UNTIL_COMMIT));
    }

    private static boolean orDefault(Boolean value, boolean defaultValue) {
        return value == null ? defaultValue : value;
    }

}
