package org.jpbx.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One stored binding: Asterisk's {@code contact} object as a row of {@code ps_contacts}
 * (pjsip-objects.md §5, pjsip-realtime-schema.md), plus the two columns jpbx adds.
 *
 * <p>Text fields are never null: an unset value is the empty string, as a NULL or empty column
 * means "not set" in Asterisk's realtime rules. Column names are given per field.
 *
 * @param id                  {@code id}: {@code <aor>;@<md5 hex of uri>} for a registered binding
 *                            (see {@link #dynamicId})
 * @param aor                 {@code aor} (jpbx column): the AOR the binding belongs to; Asterisk
 *                            derives it from the id
 * @param endpoint            {@code endpoint}: the endpoint that registered the binding
 * @param uri                 {@code uri}: the Contact URI only, as stored by the registrar
 * @param expirationTime      {@code expiration_time}: when the binding expires, seconds since the
 *                            Unix epoch; 0 means no expiry (never removed by expiry)
 * @param qualifyFrequency    {@code qualify_frequency}: seconds, copied from the AOR
 * @param qualifyTimeout      {@code qualify_timeout}: seconds, copied from the AOR
 * @param qualify2xxOnly      {@code qualify_2xx_only}: copied from the AOR
 * @param authenticateQualify {@code authenticate_qualify}: copied from the AOR
 * @param outboundProxy       {@code outbound_proxy}: copied from the AOR
 * @param path                {@code path}: the REGISTER's Path header values, comma-joined
 * @param userAgent           {@code user_agent}: the REGISTER's User-Agent
 * @param regServer           {@code reg_server}: name of the server that accepted the REGISTER
 * @param viaAddr             {@code via_addr}: address in the REGISTER's bottom-most Via
 * @param viaPort             {@code via_port}: port in that Via (0 when absent)
 * @param callId              {@code call_id}: Call-ID of the REGISTER
 * @param cseq                {@code cseq} (jpbx column): CSeq number of the REGISTER that wrote this
 *                            binding, so a replayed or reordered Call-ID+CSeq is recognised
 *                            ({@link #isStaleRequest})
 * @param pruneOnBoot         {@code prune_on_boot}: the binding does not survive a restart
 *                            (pjsip-behavior.md §3.8)
 */
public record ContactRecord(
        String id,
        String aor,
        String endpoint,
        String uri,
        long expirationTime,
        int qualifyFrequency,
        double qualifyTimeout,
        boolean qualify2xxOnly,
        boolean authenticateQualify,
        String outboundProxy,
        String path,
        String userAgent,
        String regServer,
        String viaAddr,
        int viaPort,
        String callId,
        long cseq,
        boolean pruneOnBoot) {

    /** Asterisk's default {@code qualify_timeout}, in seconds. */
    public static final double DEFAULT_QUALIFY_TIMEOUT = 3.0;

    public ContactRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(aor, "aor");
        if (id.isEmpty()) throw new IllegalArgumentException("contact id is empty");
        if (aor.isEmpty()) throw new IllegalArgumentException("contact " + id + ": aor is empty");
        if (expirationTime < 0) throw new IllegalArgumentException("contact " + id + ": negative expiration_time " + expirationTime);
        if (qualifyFrequency < 0) throw new IllegalArgumentException("contact " + id + ": negative qualify_frequency " + qualifyFrequency);
        if (!(qualifyTimeout >= 0) || Double.isInfinite(qualifyTimeout)) {
            throw new IllegalArgumentException("contact " + id + ": bad qualify_timeout " + qualifyTimeout);
        }
        if (viaPort < 0 || viaPort > 65535) throw new IllegalArgumentException("contact " + id + ": bad via_port " + viaPort);
        if (cseq < 0) throw new IllegalArgumentException("contact " + id + ": negative cseq " + cseq);
        endpoint = orEmpty(endpoint);
        uri = orEmpty(uri);
        outboundProxy = orEmpty(outboundProxy);
        path = orEmpty(path);
        userAgent = orEmpty(userAgent);
        regServer = orEmpty(regServer);
        viaAddr = orEmpty(viaAddr);
        callId = orEmpty(callId);
    }

    /** A builder for a binding of {@code aor} with this id; everything else at Asterisk's defaults. */
    public static Builder builder(String id, String aor) {
        return new Builder(id, aor);
    }

    /** A builder starting from this record's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The id Asterisk gives a binding made by REGISTER: {@code <aor>;@<md5 hex of the URI>}.
     */
    public static String dynamicId(String aor, String uri) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(uri.getBytes(StandardCharsets.UTF_8));
            return aor + ";@" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    /**
     * The AOR part of a contact id: what precedes the first {@code ;@} (dynamic) or {@code @@}
     * (permanent), whichever comes first; the whole id when it has neither.
     */
    public static String aorOfId(String id) {
        int dynamic = id.indexOf(";@");
        int permanent = id.indexOf("@@");
        int cut = dynamic < 0 ? permanent : permanent < 0 ? dynamic : Math.min(dynamic, permanent);
        return cut < 0 ? id : id.substring(0, cut);
    }

    /** Whether the binding has expired at {@code nowEpochSeconds} (a binding without expiry never does). */
    public boolean isExpired(long nowEpochSeconds) {
        return expirationTime > 0 && expirationTime <= nowEpochSeconds;
    }

    /**
     * Whether a REGISTER with this Call-ID and CSeq must not change this binding (RFC 3261 §10.3
     * step 7): it carries the same Call-ID as the REGISTER that wrote the binding and a CSeq that is
     * not higher, so it is a retransmission, a replay or arrived out of order.
     */
    public boolean isStaleRequest(String requestCallId, long requestCseq) {
        return !callId.isEmpty() && callId.equals(requestCallId) && requestCseq <= cseq;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Builds a {@link ContactRecord}; unset fields take Asterisk's defaults. */
    public static final class Builder {
        private String id;
        private String aor;
        private String endpoint = "";
        private String uri = "";
        private long expirationTime;
        private int qualifyFrequency;
        private double qualifyTimeout = DEFAULT_QUALIFY_TIMEOUT;
        private boolean qualify2xxOnly;
        private boolean authenticateQualify;
        private String outboundProxy = "";
        private String path = "";
        private String userAgent = "";
        private String regServer = "";
        private String viaAddr = "";
        private int viaPort;
        private String callId = "";
        private long cseq;
        private boolean pruneOnBoot;

        private Builder(String id, String aor) {
            this.id = id;
            this.aor = aor;
        }

        private Builder(ContactRecord r) {
            id = r.id; aor = r.aor; endpoint = r.endpoint; uri = r.uri;
            expirationTime = r.expirationTime; qualifyFrequency = r.qualifyFrequency;
            qualifyTimeout = r.qualifyTimeout; qualify2xxOnly = r.qualify2xxOnly;
            authenticateQualify = r.authenticateQualify; outboundProxy = r.outboundProxy;
            path = r.path; userAgent = r.userAgent; regServer = r.regServer; viaAddr = r.viaAddr;
            viaPort = r.viaPort; callId = r.callId; cseq = r.cseq; pruneOnBoot = r.pruneOnBoot;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder aor(String v) { aor = v; return this; }
        public Builder endpoint(String v) { endpoint = v; return this; }
        public Builder uri(String v) { uri = v; return this; }
        public Builder expirationTime(long v) { expirationTime = v; return this; }
        public Builder qualifyFrequency(int v) { qualifyFrequency = v; return this; }
        public Builder qualifyTimeout(double v) { qualifyTimeout = v; return this; }
        public Builder qualify2xxOnly(boolean v) { qualify2xxOnly = v; return this; }
        public Builder authenticateQualify(boolean v) { authenticateQualify = v; return this; }
        public Builder outboundProxy(String v) { outboundProxy = v; return this; }
        public Builder path(String v) { path = v; return this; }
        public Builder userAgent(String v) { userAgent = v; return this; }
        public Builder regServer(String v) { regServer = v; return this; }
        public Builder viaAddr(String v) { viaAddr = v; return this; }
        public Builder viaPort(int v) { viaPort = v; return this; }
        public Builder callId(String v) { callId = v; return this; }
        public Builder cseq(long v) { cseq = v; return this; }
        public Builder pruneOnBoot(boolean v) { pruneOnBoot = v; return this; }

        public ContactRecord build() {
            return new ContactRecord(id, aor, endpoint, uri, expirationTime, qualifyFrequency,
                    qualifyTimeout, qualify2xxOnly, authenticateQualify, outboundProxy, path,
                    userAgent, regServer, viaAddr, viaPort, callId, cseq, pruneOnBoot);
        }
    }
}
