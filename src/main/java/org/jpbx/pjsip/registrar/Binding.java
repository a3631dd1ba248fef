package org.jpbx.pjsip.registrar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jpbx.sip.message.SipUri;

/**
 * One dynamic registration of an AOR: a Contact URI with its expiry and what the REGISTER told
 * about it. Immutable; a refresh makes a new one. Its id is Asterisk's {@code <aor>;@<md5 of uri>},
 * so {@code pjsip show contacts} and the realtime table name it the same way.
 */
public record Binding(
        String id,
        String aor,
        String uri,
        long expiresAtMillis,
        String userAgent,
        String path,
        String viaAddr,
        int viaPort,
        String callId,
        long cseq,
        String endpoint,
        boolean pruneOnBoot,
        String regServer) {

    public static String idOf(String aor, String uri) {
        return aor + ";@" + md5(uri);
    }

    /**
     * One MD5 per platform thread (the event loops, where every REGISTER computes an id): a
     * provider lookup per binding would cost more than the hash. A virtual thread (a channel's
     * dialplan, dialling a static contact) lives for one call, so a thread-local would look the
     * provider up each time: it clones a ready digest instead.
     */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(Binding::newMd5);
    private static final MessageDigest MD5_PROTOTYPE = newMd5();

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String md5(String s) {
        MessageDigest d;
        if (Thread.currentThread().isVirtual()) {
            try {
                d = (MessageDigest) MD5_PROTOTYPE.clone();
            } catch (CloneNotSupportedException e) {
                d = newMd5();
            }
        } else {
            d = MD5.get();
            d.reset();
        }
        return HexFormat.of().formatHex(d.digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    public SipUri sipUri() { return SipUri.parse(uri); }

    /** Whole seconds left at {@code nowMillis} (integer division, as Asterisk lists them). */
    public long remainingSeconds(long nowMillis) {
        return Math.max(0, (expiresAtMillis - nowMillis) / 1000);
    }

    public boolean isExpired(long nowMillis) { return expiresAtMillis <= nowMillis; }
}
