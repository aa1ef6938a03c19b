// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import org.rabbitjca.broker.CloseReason;

import java.io.IOException;

/**
 * The broker refused one of the operations an endpoint makes before it consumes (a declaration, a check, the
 * consume itself): says which operation on which queue or exchange, and, for the broker's reply, what to do.
 */
final class RefusedStepException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String step;
    private final String permission;
    private final String ifMissing;
    private final String instead;

    /**
     * @param step what was being done, e.g. {@code "declaring retry queue 'orders.retry.1000ms'"}
     * @param permission the permission the step needs ({@code configure}, {@code read}, {@code write}), or
     *                   {@code null} when it needs none
     * @param ifMissing what to do when the broker answers 404 (something does not exist)
     * @param instead another way when the user may not have the permission, or {@code ""}
     * @param cause the broker's refusal
     */
    RefusedStepException(String step, String permission, String ifMissing, String instead, IOException cause) {
        super(step + " was refused", cause);
        this.step = step;
        this.permission = permission;
        this.ifMissing = ifMissing;
        this.instead = instead;
    }

    /**
     * @param reason the broker's reply
     * @param user the user the adapter logged in as
     * @param virtualHost the virtual host
     * @return e.g. {@code "declaring retry queue 'q.retry.1000ms' was refused: 403 ACCESS_REFUSED - ...: user 'u' needs
     *         the configure permission on it in virtual host '/'; ..."}
     */
    String explain(CloseReason reason, String user, String virtualHost) {
        String broker = step + " was refused: " + reason.replyCode() + " " + reason.replyText() + ". ";
        return switch (reason.replyCode()) {
            case 403 -> broker + "User '" + user + "' needs the " + permission + " permission on it in virtual host '"
                    + virtualHost + "' (rabbitmqctl set_permissions)" + instead + ".";
            case 404 -> broker + ifMissing + ".";
            case 406 -> broker + "It exists with other arguments or another type: make the declaration match the "
                    + "existing one (queueType, exchangeType), or delete it so that it is declared anew.";
            default -> broker + "See the broker's log for the reason.";
        };
    }
}
