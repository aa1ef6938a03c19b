// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

/** Where an order is. */
public enum OrderStatus {
    /** Stored, and its OrderPlaced event published in the same transaction. */
    PLACED,
    /** The shipping bean recorded its shipment. */
    SHIPPED,
    /** Shipping failed on every try; the event went to the dead-letter queue with the reason. */
    REJECTED
}
