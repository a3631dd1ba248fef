package org.jpbx.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompletedResponsesTest {
    final ManualLane lane = new ManualLane();
    final CompletedResponses kept = new CompletedResponses(lane);

    static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    static String text(byte[] b) { return b == null ? null : new String(b, StandardCharsets.UTF_8); }

    @Test
    void answersItsKeyUntilItIsDueAndNothingElse() {
        kept.add("z9hG4bK1|127.0.0.1:5060|REGISTER", bytes("SIP/2.0 200 OK\r\n\r\n"), 32_000);
        assertThat(text(kept.find("z9hG4bK1|127.0.0.1:5060|REGISTER"))).isEqualTo("SIP/2.0 200 OK\r\n\r\n");
        assertThat(kept.find("z9hG4bK1|127.0.0.1:5060|OPTIONS")).isNull();
        assertThat(kept.find("z9hG4bK2|127.0.0.1:5060|REGISTER")).isNull();
        lane.advance(31_999);
        assertThat(kept.find("z9hG4bK1|127.0.0.1:5060|REGISTER")).isNotNull();
        lane.advance(1);
        assertThat(kept.find("z9hG4bK1|127.0.0.1:5060|REGISTER")).as("due at timer J").isNull();
        assertThat(kept.size()).isZero();
    }

    @Test
    void keysWithTheSameHashAreTellApartAndRemovedOneByOne() {
        // "Aa" and "BB" have the same String hash code, and so do all their concatenations
        String[] colliding = {"AaAa", "AaBB", "BBAa", "BBBB"};
        for (int i = 0; i < colliding.length; i++) {
            kept.add(colliding[i], bytes("response " + i), 1000 + i * 100L);
        }
        for (int i = 0; i < colliding.length; i++) assertThat(text(kept.find(colliding[i]))).isEqualTo("response " + i);
        lane.advance(1000 + CompletedResponses.SWEEP_GRANULARITY_MS);
        assertThat(kept.find("AaAa")).isNull();
        assertThat(text(kept.find("BBBB"))).isEqualTo("response 3");
        lane.advance(300 + CompletedResponses.SWEEP_GRANULARITY_MS);
        assertThat(kept.size()).isZero();
        for (String k : colliding) assertThat(kept.find(k)).isNull();
    }

    @Test
    void manyEntriesAcrossChunksMatchAReferenceMapAsTheyExpire() {
        Random random = new Random(7);
        Map<String, String> responses = new HashMap<>();
        Map<String, Long> dueOf = new HashMap<>();
        for (int round = 0; round < 45; round++) {
            for (int i = 0; i < 300; i++) {
                String key = "z9hG4bK" + round + "x" + i + "|192.0.2.1:5060|REGISTER";
                // sizes from small to near a datagram's limit, so entries leave chunk tails unused
                int length = random.nextInt(50) == 0 ? 20_000 + random.nextInt(40_000) : 50 + random.nextInt(600);
                String response = "SIP/2.0 200 OK " + key + " " + "x".repeat(length);
                kept.add(key, bytes(response), 32_000);
                responses.put(key, response);
                dueOf.put(key, lane.nowMillis() + 32_000);
            }
            lane.advance(1_000);
            for (int probe = 0; probe < 300; probe++) {
                String key = "z9hG4bK" + random.nextInt(round + 1) + "x" + random.nextInt(300) + "|192.0.2.1:5060|REGISTER";
                String expected = dueOf.get(key) > lane.nowMillis() ? responses.get(key) : null;
                assertThat(text(kept.find(key))).as(key + " at " + lane.nowMillis()).isEqualTo(expected);
            }
        }
        long live = dueOf.values().stream().filter(d -> d > lane.nowMillis()).count();
        assertThat(kept.size()).isBetween((int) live, (int) live + 300);
        lane.advance(40_000);
        assertThat(kept.size()).isZero();
        assertThat(kept.retainedBytes()).as("memory is given back once nothing is kept")
                .isLessThanOrEqualTo(3L * CompletedResponses.CHUNK);
    }

    @Test
    void aKeyAddedAgainWhileItsDueEntryAwaitsTheSweepIsFound() {
        kept.add("a", bytes("other"), 1000);
        lane.advance(10);
        kept.add("k", bytes("first"), 1000);
        lane.advance(1010); // the sweep at 1000 took "a"; "k" is due since 1010 and waits for the next one
        assertThat(kept.size()).as("k not swept yet").isEqualTo(1);
        assertThat(kept.find("k")).isNull();
        kept.add("k", bytes("second"), 1000);
        assertThat(text(kept.find("k"))).isEqualTo("second");
    }

    @Test
    void aResponseLargerThanAnyDatagramIsNotKept() {
        kept.add("k", new byte[CompletedResponses.CHUNK], 1000);
        assertThat(kept.find("k")).isNull();
        assertThat(kept.size()).isZero();
    }
}
