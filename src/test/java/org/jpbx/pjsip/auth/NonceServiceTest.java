package org.jpbx.pjsip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.jpbx.pjsip.auth.NonceService.Status;
import org.junit.jupiter.api.Test;

class NonceServiceTest {
    private static final Duration LIFETIME = Duration.ofSeconds(32);
    private final Fixtures.MutableClock clock = new Fixtures.MutableClock(1_764_128_000L);
    private final NonceService nonces = new NonceService(Fixtures.SECRET, clock);

    @Test
    void looksLikeAsterisks() {
        assertThat(nonces.create("asterisk", "192.0.2.10")).matches("1764128000/[0-9a-f]{32}");
    }

    @Test
    void validUpToTheLifetimeInclusiveThenStale() {
        String n = nonces.create("asterisk", "192.0.2.10");
        assertThat(nonces.check(n, "asterisk", "192.0.2.10", LIFETIME)).isEqualTo(Status.VALID);
        clock.advance(32);
        assertThat(nonces.isValid(n, "asterisk", "192.0.2.10", LIFETIME)).isTrue();
        clock.advance(1);
        assertThat(nonces.isValid(n, "asterisk", "192.0.2.10", LIFETIME)).isFalse();
        assertThat(nonces.isStale(n, "asterisk", "192.0.2.10", LIFETIME)).isTrue();
        assertThat(nonces.isValid(n, "asterisk", "192.0.2.10", Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void boundToRealmAndSourceAddress() {
        String n = nonces.create("asterisk", "192.0.2.10");
        assertThat(nonces.create("other", "192.0.2.10")).isNotEqualTo(n);
        assertThat(nonces.check(n, "other", "192.0.2.10", LIFETIME)).isEqualTo(Status.INVALID);
        assertThat(nonces.check(n, "asterisk", "192.0.2.11", LIFETIME)).isEqualTo(Status.INVALID);
    }

    @Test
    void anotherNodeWithTheSameSecretAccepts_anotherSecretDoesNot() {
        String n = nonces.create("asterisk", "192.0.2.10");
        assertThat(new NonceService(Fixtures.SECRET.clone(), clock).isValid(n, "asterisk", "192.0.2.10", LIFETIME)).isTrue();
        byte[] other = Fixtures.SECRET.clone();
        other[0] ^= 1;
        assertThat(new NonceService(other, clock).check(n, "asterisk", "192.0.2.10", LIFETIME)).isEqualTo(Status.INVALID);
    }

    @Test
    void tamperedNoncesAreInvalidNotStale() {
        String n = nonces.create("asterisk", "192.0.2.10");
        clock.advance(100);
        assertThat(nonces.check(n, "asterisk", "192.0.2.10", LIFETIME)).isEqualTo(Status.STALE);
        String movedTime = (1_764_128_000L + 100) + n.substring(n.indexOf('/'));
        assertThat(nonces.check(movedTime, "asterisk", "192.0.2.10", LIFETIME)).isEqualTo(Status.INVALID);
        char last = n.charAt(n.length() - 1);
        String flipped = n.substring(0, n.length() - 1) + (last == '0' ? '1' : '0');
        assertThat(nonces.check(flipped, "asterisk", "192.0.2.10", LIFETIME)).isEqualTo(Status.INVALID);
        assertThat(nonces.check(n.toUpperCase(), "asterisk", "192.0.2.10", LIFETIME)).isEqualTo(Status.INVALID);
    }

    @Test
    void malformedNoncesAreInvalid() {
        for (String bad : new String[] {null, "", "/", "abc", "1764128000", "1764128000/", "-1/0123456789abcdef0123456789abcdef",
                "99999999999999999999/0123456789abcdef0123456789abcdef", "1764128000/0123", "x/0123456789abcdef0123456789abcdef"}) {
            assertThat(nonces.check(bad, "asterisk", "192.0.2.10", LIFETIME)).as(String.valueOf(bad)).isEqualTo(Status.INVALID);
        }
    }

    @Test
    void farFutureNoncesAreStale() {
        Fixtures.MutableClock ahead = new Fixtures.MutableClock(1_764_128_000L + 3600);
        String n = new NonceService(Fixtures.SECRET, ahead).create("asterisk", "192.0.2.10");
        assertThat(nonces.check(n, "asterisk", "192.0.2.10", LIFETIME)).isEqualTo(Status.STALE);
        ahead.millis = clock.millis + 5000;
        String slightlyAhead = new NonceService(Fixtures.SECRET, ahead).create("asterisk", "192.0.2.10");
        assertThat(nonces.check(slightlyAhead, "asterisk", "192.0.2.10", LIFETIME)).isEqualTo(Status.VALID);
    }

    @Test
    void shortSecretsAreRefused() {
        assertThatThrownBy(() -> new NonceService(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }
}
