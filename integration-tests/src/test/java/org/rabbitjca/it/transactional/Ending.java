// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.transactional;

/** How an order's business method ends its container transaction. */
public enum Ending {
    /** Returns normally: the container commits. */
    COMMIT,
    /** Throws a system exception: the container rolls back. */
    THROW,
    /** Marks the transaction for rollback and returns normally. */
    ROLLBACK_ONLY
}
