// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.AMQP;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ReturnCorrelationTest {

    private static final AMQP.BasicProperties APPLICATION = new AMQP.BasicProperties.Builder().messageId("m-1")
            .headers(Map.of("app", "kept")).build();

    @Test
    void aTaggedCopyCarriesTheSequenceAndLeavesTheApplicationsPropertiesAlone() {
        AMQP.BasicProperties tagged = ReturnCorrelation.tag(APPLICATION, 42);

        assertAll(() -> assertEquals(OptionalLong.of(42), ReturnCorrelation.sequenceOf(tagged)),
                () -> assertEquals("kept", tagged.getHeaders().get("app")),
                () -> assertEquals("m-1", tagged.getMessageId()),
                () -> assertEquals(Map.of("app", "kept"), APPLICATION.getHeaders()),
                () -> assertEquals(OptionalLong.of(7), ReturnCorrelation.sequenceOf(ReturnCorrelation.tag(null, 7))));
    }

    @Test
    void untaggingRemovesOnlyTheHeaderAndKeepsUntaggedPropertiesAsTheyAre() {
        AMQP.BasicProperties untagged = ReturnCorrelation.untag(ReturnCorrelation.tag(APPLICATION, 42));
        AMQP.BasicProperties onlyTag = ReturnCorrelation.untag(ReturnCorrelation.tag(new AMQP.BasicProperties(), 1));

        assertAll(() -> assertEquals(Map.of("app", "kept"), untagged.getHeaders()),
                () -> assertEquals("m-1", untagged.getMessageId()),
                () -> assertNull(onlyTag.getHeaders()),
                () -> assertSame(APPLICATION, ReturnCorrelation.untag(APPLICATION)),
                () -> assertEquals(OptionalLong.empty(), ReturnCorrelation.sequenceOf(APPLICATION)));
    }
}
