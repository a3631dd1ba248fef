package org.jpbx.manage.pjsip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One contact of an AOR as the CLI shows it. {@code id} is Asterisk's contact id: {@code
 * <aor>@@<md5 of the uri>} for a permanent ({@code contact=}) entry, {@code <aor>;@<hash>} for a
 * registered binding. {@code rttMicros} counts only when the status is {@link ContactStatus#REACHABLE}.
 */
public record ContactInfo(String aor, String uri, String id, ContactStatus status, long rttMicros) {
    public ContactInfo {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        if (!id.startsWith(aor) || id.length() < aor.length() + 2) {
            throw new IllegalArgumentException("contact id " + id + " does not start with its aor " + aor + " and a separator");
        }
    }

    /** A permanent contact of {@code aor}: the id is the AOR followed by {@code @@} and the MD5 of the URI. */
    public static ContactInfo permanent(String aor, String uri, ContactStatus status, long rttMicros) {
        return new ContactInfo(aor, uri, aor + "@@" + md5Hex(uri), status, rttMicros);
    }

    /** The part of the id after the AOR and its two-character separator. */
    public String hash() { return id.substring(aor.length() + 2); }

    /** {@code <aor>/<uri>}: how contacts are named, sorted and matched by {@code like}. */
    public String name() { return aor + "/" + uri; }

    static String md5Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
