package org.jpbx.pjsip.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless nonces for our digest challenges, which any jpbx node holding the same secret can
 * check. The text looks like Asterisk's, {@code <unix-time>/<32 lowercase hex>}, but the hex is
 * the first 128 bits of {@code HMAC-SHA256(secret, unix-time, source IP, realm)} instead of an
 * MD5 over a per-process UUID: the nonce is bound to the address the request came from (without
 * port, so a TCP reconnect from another port still validates) and to the realm (two realms in
 * one 401 get different nonces), and it survives restarts and reloads as long as the secret does.
 *
 * <p>A nonce is {@link Status#VALID} when the MAC matches and its age is at most the lifetime
 * (Asterisk's {@code <=}), {@link Status#STALE} when the MAC matches but it is older than that
 * (or more than a lifetime in the future: a node with a skewed clock made it), and
 * {@link Status#INVALID} otherwise. There is no nonce-count or replay tracking (§2.3).
 *
 * <p>Thread-safe.
 */
public final class NonceService {
    /** What a received nonce is worth. */
    public enum Status { VALID, STALE, INVALID }

    /** Fewest secret bytes accepted. */
    public static final int MIN_SECRET_BYTES = 16;

    private static final int MAC_HEX = 32;
    private static final byte[] LABEL = "jpbx-digest-nonce-1".getBytes(StandardCharsets.US_ASCII);

    private final Mac prototype;
    private final Clock clock;

    /** Nonces timed by the system clock. */
    public NonceService(byte[] secret) {
        this(secret, Clock.systemUTC());
    }

    /** @param secret at least {@link #MIN_SECRET_BYTES} random bytes, shared by every node; copied */
    public NonceService(byte[] secret, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the nonce secret needs at least " + MIN_SECRET_BYTES + " bytes, not " + secret.length);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(secret.clone(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** A nonce for challenges in {@code realm} to a request from {@code sourceIp} (address text, no port). */
    public String create(String realm, String sourceIp) {
        long now = clock.millis() / 1000;
        return now + "/" + mac(now, sourceIp, realm);
    }

    /** Checks {@code nonce} against the realm and source address it must have been made for. */
    public Status check(String nonce, String realm, String sourceIp, Duration lifetime) {
        if (nonce == null) return Status.INVALID;
        int slash = nonce.indexOf('/');
        if (slash < 1 || slash > 19 || nonce.length() - slash - 1 != MAC_HEX) return Status.INVALID;
        long time = 0;
        for (int i = 0; i < slash; i++) {
            char c = nonce.charAt(i);
            if (c < '0' || c > '9') return Status.INVALID;
            time = time * 10 + (c - '0');
        }
        if (time < 0) return Status.INVALID; // 19 digits may overflow
        byte[] expected = mac(time, sourceIp, realm).getBytes(StandardCharsets.US_ASCII);
        byte[] got = nonce.substring(slash + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, got)) return Status.INVALID;
        long age = clock.millis() / 1000 - time;
        long max = lifetime.toSeconds();
        return age <= max && age >= -max ? Status.VALID : Status.STALE;
    }

    /** Made here for this realm and source, and not expired. */
    public boolean isValid(String nonce, String realm, String sourceIp, Duration lifetime) {
        return check(nonce, realm, sourceIp, lifetime) == Status.VALID;
    }

    /** Made here for this realm and source, but expired: a client answering it had the right nonce once. */
    public boolean isStale(String nonce, String realm, String sourceIp, Duration lifetime) {
        return check(nonce, realm, sourceIp, lifetime) == Status.STALE;
    }

    private String mac(long time, String sourceIp, String realm) {
        Mac mac = newMac();
        field(mac, LABEL);
        field(mac, Long.toString(time).getBytes(StandardCharsets.US_ASCII));
        field(mac, sourceIp.getBytes(StandardCharsets.UTF_8));
        field(mac, realm.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(Arrays.copyOf(mac.doFinal(), MAC_HEX / 2));
    }

    /** Length-prefixed, so no choice of realm or address text can collide with another. */
    private static void field(Mac mac, byte[] bytes) {
        mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        mac.update(bytes);
    }

    private Mac newMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
    }
}
