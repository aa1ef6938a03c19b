// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.transactional;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An order's row as JPA writes it: the flush at commit inserts it, and a duplicate key fails there. */
@Entity
@Table(name = OrderService.TABLE)
public class OrderRow {

    @Id
    private String ref;

    /** For JPA. */
    protected OrderRow() {
    }

    /** @param ref the order's key */
    public OrderRow(String ref) {
        this.ref = ref;
    }

    /** @return the order's key */
    public String getRef() {
        return ref;
    }
}
