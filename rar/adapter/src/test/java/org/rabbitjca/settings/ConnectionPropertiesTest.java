// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import jakarta.resource.spi.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The property table behind the connection properties: one name per property, secrets masked, levels compared. */
class ConnectionPropertiesTest {

    /** A level of properties, as the adapter, a pool or an activation spec holds them. */
    private static final class Level extends ConnectionProperties {
    }

    @Test
    void eachSetterStoresUnderItsOwnNameAndItsGetterReadsItBack() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Method setter : setters()) {
            Level level = new Level();
            Object value = sample(setter.getParameterTypes()[0]);
            setter.invoke(level, value);
            String name = propertyName(setter);
            Object read = Level.class.getMethod("get" + setter.getName().substring(3)).invoke(level);
            String described = level.describeConnectionProperties();
            boolean confidential = setter.getAnnotation(ConfigProperty.class).confidential();
            if (!value.equals(read) || !described.equals(name + "=" + (confidential ? "****" : value))) {
                wrong.add(name + " read back " + read + ", described as " + described);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theTableHoldsEverySetterAndMasksExactlyTheConfidentialOnes() {
        Set<String> setterNames = setters().stream().map(ConnectionPropertiesTest::propertyName)
                .collect(Collectors.toSet());
        Set<String> tableNames = Arrays.stream(ConnectionProperty.values()).map(ConnectionProperty::propertyName)
                .collect(Collectors.toSet());
        Set<String> masked = Arrays.stream(ConnectionProperty.values()).filter(ConnectionProperty::confidential)
                .map(ConnectionProperty::propertyName).collect(Collectors.toSet());

        assertAll(() -> assertEquals(setterNames, tableNames),
                () -> assertEquals(Set.of("password", "trustStorePassword", "keyStorePassword"), masked));
    }

    @Test
    void levelsAreEqualExactlyWhenTheySetTheSameValues() {
        Level one = new Level();
        one.setUseTls(true);
        one.setAddresses("rabbit1");
        Level same = new Level();
        same.setAddresses("rabbit1");
        same.setUseTls(true);
        Level other = new Level();
        other.setAddresses("rabbit1");
        Level unsetAgain = new Level();
        unsetAgain.setAddresses("rabbit1");
        unsetAgain.setUseTls(true);
        unsetAgain.setUseTls(null);

        assertAll(() -> assertTrue(one.sameConnectionProperties(same)),
                () -> assertEquals(one.connectionPropertiesHash(), same.connectionPropertiesHash()),
                () -> assertFalse(one.sameConnectionProperties(other)),
                () -> assertTrue(other.sameConnectionProperties(unsetAgain)));
    }

    @Test
    void theDescriptionListsWhatIsSetByNameWithEverySecretMasked() {
        Level level = new Level();
        level.setVirtualHost("orders");
        level.setPassword("pw-1");
        level.setTrustStorePassword("pw-2");
        level.setKeyStorePassword("pw-3");
        level.setAddresses("rabbit1");

        assertEquals("addresses=rabbit1, keyStorePassword=****, password=****, trustStorePassword=****, "
                + "virtualHost=orders", level.describeConnectionProperties());
    }

    private static List<Method> setters() {
        return Arrays.stream(ConnectionProperties.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(ConfigProperty.class)).toList();
    }

    private static String propertyName(Method setter) {
        String name = setter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object sample(Class<?> type) {
        if (type == Boolean.class) {
            return Boolean.FALSE;
        }
        return type == Integer.class ? Integer.valueOf(4711) : "value";
    }
}
