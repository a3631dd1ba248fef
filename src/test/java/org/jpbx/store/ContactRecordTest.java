package org.jpbx.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContactRecordTest {

    @Test
    void dynamicIdIsAorAndMd5OfTheUri() {
        // md5("sip:alice@192.168.1.10:5060")
        assertThat(ContactRecord.dynamicId("alice", "sip:alice@192.168.1.10:5060"))
                .isEqualTo("alice;@0f121abf718b854b435daa5aa78a98ae");
    }

    @Test
    void aorOfIdSplitsAtTheFirstMarker() {
        assertThat(ContactRecord.aorOfId("alice;@0123abcd")).isEqualTo("alice");
        assertThat(ContactRecord.aorOfId("trunk@@0123abcd")).isEqualTo("trunk");
        assertThat(ContactRecord.aorOfId("a@@b;@c")).isEqualTo("a");
        assertThat(ContactRecord.aorOfId("plain")).isEqualTo("plain");
    }

    @Test
    void unsetTextIsEmptyAndDefaultsAreAsterisks() {
        ContactRecord r = new ContactRecord("alice;@1", "alice", null, null, 0, 0, 3.0, false, false,
                null, null, null, null, null, 0, null, 0, false);
        assertThat(r.uri()).isEmpty();
        assertThat(r.callId()).isEmpty();
        ContactRecord b = ContactRecord.builder("alice;@1", "alice").build();
        assertThat(b).isEqualTo(r);
        assertThat(b.qualifyTimeout()).isEqualTo(ContactRecord.DEFAULT_QUALIFY_TIMEOUT);
    }

    @Test
    void rejectsImpossibleValues() {
        assertThatThrownBy(() -> ContactRecord.builder("", "alice").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContactRecord.builder("x", "alice").viaPort(70000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("via_port");
        assertThatThrownBy(() -> ContactRecord.builder("x", "alice").expirationTime(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContactRecord.builder("x", "alice").qualifyTimeout(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void staleRequestIsSameCallIdWithCseqNotHigher() {
        ContactRecord r = ContactRecord.builder("alice;@1", "alice").callId("r1@host").cseq(5).build();
        assertThat(r.isStaleRequest("r1@host", 5)).as("retransmission or replay").isTrue();
        assertThat(r.isStaleRequest("r1@host", 4)).as("out of order").isTrue();
        assertThat(r.isStaleRequest("r1@host", 6)).isFalse();
        assertThat(r.isStaleRequest("other@host", 1)).as("another Call-ID always updates").isFalse();
    }

    @Test
    void expiryIsAtTheExpirationSecond() {
        ContactRecord r = ContactRecord.builder("alice;@1", "alice").expirationTime(1000).build();
        assertThat(r.isExpired(999)).isFalse();
        assertThat(r.isExpired(1000)).isTrue();
        assertThat(ContactRecord.builder("alice;@2", "alice").build().isExpired(Long.MAX_VALUE)).isFalse();
    }
}
