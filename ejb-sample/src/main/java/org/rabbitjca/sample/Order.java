// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An order, stored in the server's default datasource. */
@Entity
@Table(name = "SAMPLE_ORDER")
public class Order {

    @Id
    @GeneratedValue
    private Long id;
    private String item;
    private int quantity;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    /** How it was shipped, or why it was rejected. */
    private String note;

    /** For JPA. */
    protected Order() {
    }

    /**
     * @param item what is ordered
     * @param quantity how many
     */
    public Order(String item, int quantity) {
        this.item = item;
        this.quantity = quantity;
        this.status = OrderStatus.PLACED;
        this.note = "";
    }

    /** @return the order's number, given when it is stored */
    public Long getId() {
        return id;
    }

    /** @return what is ordered */
    public String getItem() {
        return item;
    }

    /** @return how many */
    public int getQuantity() {
        return quantity;
    }

    /** @return where the order is */
    public OrderStatus getStatus() {
        return status;
    }

    /** @return how it was shipped, or why it was rejected; empty while placed */
    public String getNote() {
        return note;
    }

    /**
     * @param newStatus where the order is now
     * @param why how it was shipped, or why it was rejected
     */
    void move(OrderStatus newStatus, String why) {
        this.status = newStatus;
        this.note = why;
    }

    /** @return e.g. {@code order 5: 3 apples, SHIPPED (...)} */
    public String describe() {
        return "order " + id + ": " + quantity + " " + item + ", " + status + (note.isEmpty() ? "" : " (" + note + ")");
    }
}
