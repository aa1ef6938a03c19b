// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustedObjectInputTest {

    /** A serializable class of this test's package. */
    record Parcel(String ref, ArrayList<Integer> sizes) implements Serializable {
    }

    @Test
    void aPackageIsTrustedWithItsSubPackagesButNotItsPrefixes() {
        List<String> trusted = List.of("com.acme.orders");
        assertAll(trusted, "com.acme.orders.Order", "com.acme.orders.eu.Line", "[Lcom.acme.orders.Order;",
                "[[Lcom.acme.orders.Order;", "[I", "java.lang.String", "java.util.ArrayList", "java.time.Instant",
                "java.math.BigDecimal");
        for (String refused : List.of("com.acme.ordersx.Order", "com.acme.Order", "java.lang.reflect.Proxy",
                "javax.management.BadAttributeValueExpException", "[Lorg.apache.Gadget;", "Unpackaged")) {
            assertFalse(TrustedObjectInput.trusted(refused, trusted), refused);
        }
    }

    private static void assertAll(List<String> trusted, String... names) {
        for (String name : names) {
            assertTrue(TrustedObjectInput.trusted(name, trusted), name);
        }
    }

    @Test
    void readsAnObjectOfATrustedPackage() throws Exception {
        Parcel parcel = new Parcel("p-1", new ArrayList<>(List.of(1, 2)));
        try (TrustedObjectInput input = new TrustedObjectInput(serialize(parcel), List.of("org.rabbitjca.jms"),
                getClass().getClassLoader())) {
            assertEquals(parcel, input.readObject());
        }
    }

    @Test
    void refusesAnObjectOfAnotherPackageBeforeLoadingIt() throws Exception {
        try (TrustedObjectInput input = new TrustedObjectInput(serialize(new Parcel("p-2", new ArrayList<>())),
                List.of("com.acme"), getClass().getClassLoader())) {
            InvalidClassException refused = assertThrows(InvalidClassException.class, input::readObject);
            assertEquals(Parcel.class.getName(), refused.classname);
        }
    }

    static byte[] serialize(Serializable object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toByteArray();
    }
}
