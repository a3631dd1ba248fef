package org.jpbx.pjsip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The digest algorithms of RFC 7616 / RFC 8760 that jpbx challenges with and answers. */
public enum DigestAlgorithm {
    MD5("MD5", "MD5"),
    SHA_256("SHA-256", "SHA-256"),
    SHA_512_256("SHA-512-256", "SHA-512/256");

    private final String ianaName;
    private final String jcaName;

    DigestAlgorithm(String ianaName, String jcaName) {
        this.ianaName = ianaName;
        this.jcaName = jcaName;
    }

    /** The name in {@code algorithm=} and in pjsip.conf ({@code MD5}, {@code SHA-256}, {@code SHA-512-256}). */
    public String ianaName() { return ianaName; }

    /** Length of a digest in lowercase hex: 32 for MD5, 64 for the others. */
    public int hexLength() { return this == MD5 ? 32 : 64; }

    /** The algorithm named {@code name} (any case), or null when it is not one of these. */
    public static DigestAlgorithm byName(String name) {
        if (name == null) return null;
        String n = name.strip().toUpperCase(Locale.ROOT);
        for (DigestAlgorithm a : values()) if (a.ianaName.equals(n)) return a;
        return null;
    }

    /** The lowercase hex digest of {@code text} in UTF-8: RFC 7616's H(). */
    public String hex(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** One digest per thread and algorithm: looking one up through the providers costs more than the hash. */
    private final ThreadLocal<MessageDigest> perThread = ThreadLocal.withInitial(this::newDigest);

    private MessageDigest digest() {
        MessageDigest d = perThread.get();
        d.reset();
        return d;
    }

    private MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is missing from this JVM", e);
        }
    }

    @Override
    public String toString() { return ianaName; }
}
