package org.jpbx.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A SIP request or response: start line, header fields in order, and a body kept as bytes.
 *
 * <p>Header values are sliced from the received bytes and turned into typed values only when
 * asked for (and then cached); {@link SipParser} forces the few that every message needs so that
 * a malformed one is answered 400 before any module sees it. Mutators clear the caches.
 */
public abstract sealed class SipMessage permits SipRequest, SipResponse {
    static final byte[] NO_BODY = new byte[0];

    final ArrayList<Header> headers;
    private byte[] body = NO_BODY;

    /** Why the message is malformed (for the Warning of a 400), or null. */
    String invalidReason;

    // caches of typed header values
    private List<Via> vias;
    private NameAddr from, to;
    private String callId;
    private CSeq cseq;
    private List<NameAddr> contacts;
    private AuthHeader authorization;

    // The first header of each name the hot path reads, and how many Via and Contact headers
    // there are: noted by the parser, valid while `indexed` (every mutator clears it).
    boolean indexed;
    Header hFrom, hTo, hCallId, hCseq, hMaxForwards, hExpires, hAuthorization;
    int nVia, nContact;

    protected SipMessage(int expectedHeaders) {
        headers = new ArrayList<>(expectedHeaders);
    }

    public abstract boolean isRequest();

    /** The reason this message failed validation, or null when it is well formed. */
    public String invalidReason() { return invalidReason; }

    public boolean isValid() { return invalidReason == null; }

    // ---------------------------------------------------------------- raw header access

    public List<Header> headers() { return Collections.unmodifiableList(headers); }

    /** The first value of the named header (full or compact name), or null. */
    public String header(String name) {
        Header h = first(canonicalize(name));
        return h == null ? null : h.value();
    }

    private Header first(String canonical) {
        for (int i = 0, n = headers.size(); i < n; i++) {
            Header h = headers.get(i);
            if (h.is(canonical)) return h;
        }
        return null;
    }

    /** Every value of the named header, in order (not split at commas). */
    public List<String> headerValues(String name) {
        String canonical = canonicalize(name);
        List<String> out = new ArrayList<>(1);
        for (Header h : headers) if (h.is(canonical)) out.add(h.value());
        return out;
    }

    public int headerCount(String name) {
        String canonical = canonicalize(name);
        int n = 0;
        for (Header h : headers) if (h.is(canonical)) n++;
        return n;
    }

    public boolean hasHeader(String name) { return header(name) != null; }

    public SipMessage addHeader(String name, String value) {
        headers.add(new Header(name, value));
        clearCaches();
        return this;
    }

    /** Inserts the header before any other of that name (a new top Via, a new Route...). */
    public SipMessage prependHeader(String name, String value) {
        String canonical = canonicalize(name);
        int at = 0;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).is(canonical)) { at = i; break; }
            at = i + 1;
        }
        headers.add(Math.min(at, headers.size()), new Header(canonical, value));
        clearCaches();
        return this;
    }

    /** Replaces every occurrence of the header with one value (or removes it when value is null). */
    public SipMessage setHeader(String name, String value) {
        String canonical = canonicalize(name);
        int at = -1;
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).is(canonical)) {
                headers.remove(i);
                at = i;
            }
        }
        if (value != null) {
            if (at < 0) headers.add(new Header(canonical, value));
            else headers.add(at, new Header(canonical, value));
        }
        clearCaches();
        return this;
    }

    public SipMessage removeHeader(String name) { return setHeader(name, null); }

    /** Replaces the value of the first occurrence only (the top Via when adding received/rport). */
    public void replaceFirst(String name, String value) {
        String canonical = canonicalize(name);
        for (Header h : headers) {
            if (h.is(canonical)) {
                h.setValue(value);
                clearCaches();
                return;
            }
        }
        addHeader(canonical, value);
    }

    private static String canonicalize(String name) {
        return HeaderName.canonical(name);
    }

    void clearCaches() {
        indexed = false;
        vias = null;
        from = to = null;
        callId = null;
        cseq = null;
        contacts = null;
        authorization = null;
    }

    // ---------------------------------------------------------------- typed access

    /** Every Via hop in order, top first. */
    public List<Via> vias() {
        List<Via> v = vias;
        if (v == null) {
            v = new ArrayList<>(2);
            int left = indexed ? nVia : Integer.MAX_VALUE;
            for (int i = 0, n = headers.size(); i < n && left > 0; i++) {
                Header h = headers.get(i);
                if (h.is(HeaderName.VIA)) {
                    Via.parseList(h.scanner("Via header"), v);
                    left--;
                }
            }
            vias = v;
        }
        return v;
    }

    public Via topVia() {
        List<Via> v = vias();
        return v.isEmpty() ? null : v.get(0);
    }

    public NameAddr from() {
        if (from == null) {
            Header h = indexed ? hFrom : first(HeaderName.FROM);
            if (h != null) from = NameAddr.parseSingle(h.scanner("From header"));
        }
        return from;
    }

    public NameAddr to() {
        if (to == null) {
            Header h = indexed ? hTo : first(HeaderName.TO);
            if (h != null) to = NameAddr.parseSingle(h.scanner("To header"));
        }
        return to;
    }

    public String fromTag() {
        NameAddr f = from();
        return f == null ? null : f.tag();
    }

    public String toTag() {
        NameAddr t = to();
        return t == null ? null : t.tag();
    }

    public String callId() {
        if (callId == null) {
            Header h = indexed ? hCallId : first(HeaderName.CALL_ID);
            if (h != null) callId = h.value();
        }
        return callId;
    }

    public CSeq cseq() {
        if (cseq == null) {
            Header h = indexed ? hCseq : first(HeaderName.CSEQ);
            if (h != null) cseq = CSeq.parse(h.scanner("CSeq header"));
        }
        return cseq;
    }

    /** Max-Forwards, or -1 when absent. Values above 255 are kept; jpbx never forwards on them. */
    public int maxForwards() {
        Header h = indexed ? hMaxForwards : first(HeaderName.MAX_FORWARDS);
        if (h == null) return -1;
        Scanner sc = h.scanner("Max-Forwards header");
        sc.skipWs();
        long n = sc.number(Integer.MAX_VALUE, "Max-Forwards");
        sc.expectEnd();
        return (int) n;
    }

    /** The Contact values in order; empty for none and for the wildcard {@code *}. */
    public List<NameAddr> contacts() {
        List<NameAddr> c = contacts;
        if (c == null) {
            c = new ArrayList<>(1);
            int left = indexed ? nContact : Integer.MAX_VALUE;
            for (int i = 0, n = headers.size(); i < n && left > 0; i++) {
                Header h = headers.get(i);
                if (h.is(HeaderName.CONTACT)) {
                    left--;
                    if (!h.isStar()) NameAddr.parseList(h.scanner("Contact header"), c);
                }
            }
            contacts = c;
        }
        return c;
    }

    /** True when a Contact header is the wildcard {@code *} (REGISTER removal of all bindings). */
    public boolean hasWildcardContact() {
        for (Header h : headers) if (h.is(HeaderName.CONTACT) && h.isStar()) return true;
        return false;
    }

    /** The Expires header in seconds, -1 when absent; absurdly large values are capped at 2^32-1. */
    public long expires() {
        Header h = indexed ? hExpires : first(HeaderName.EXPIRES);
        if (h == null) return -1;
        return h.deltaSeconds("Expires header");
    }

    /** delta-seconds with RFC 3261 §20.19's rule that too large values mean 2^32-1. */
    public static long parseDeltaSeconds(String v, String what) {
        String s = v.strip();
        if (s.isEmpty()) throw new SipParseException("Malformed " + what + ": empty");
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Chars.isDigit(c)) throw new SipParseException("Malformed " + what + ": not a number");
            n = Math.min(n * 10 + (c - '0'), CSeq.MAX);
        }
        return n;
    }

    /** Comma-separated tokens of a header such as Require, Supported, Allow (all occurrences). */
    public List<String> tokens(String name) {
        String canonical = canonicalize(name);
        List<String> out = new ArrayList<>(2);
        for (Header h : headers) {
            if (!h.is(canonical)) continue;
            for (String part : h.value().split(",")) {
                String t = part.strip();
                if (!t.isEmpty()) out.add(t);
            }
        }
        return out;
    }

    /** The media type of the body (Content-Type without parameters, lower case), or null. */
    public String contentType() {
        String v = header(HeaderName.CONTENT_TYPE);
        if (v == null) return null;
        int semi = v.indexOf(';');
        return (semi < 0 ? v : v.substring(0, semi)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The first Authorization header, parsed (and cached). */
    public AuthHeader authorization() {
        if (authorization == null) {
            Header h = indexed ? hAuthorization : first(HeaderName.AUTHORIZATION);
            if (h != null) authorization = AuthHeader.parse(h.scanner("Authorization header"));
        }
        return authorization;
    }

    // ---------------------------------------------------------------- body

    public byte[] body() { return body; }

    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }

    void setBodyBytes(byte[] b) { body = b == null ? NO_BODY : b; }

    /** Sets the body and its Content-Type (null type with an empty body removes both). */
    public SipMessage setBody(String contentType, byte[] bytes) {
        body = bytes == null ? NO_BODY : bytes;
        setHeader(HeaderName.CONTENT_TYPE, contentType);
        return this;
    }

    /** The multipart parts of a multipart/* body (RFC 5621), or an empty list. */
    public List<MultipartBody.Part> bodyParts() {
        String ct = header(HeaderName.CONTENT_TYPE);
        if (ct == null || !contentType().startsWith("multipart/")) return List.of();
        return MultipartBody.parse(ct, body);
    }

    /** The message in wire form. */
    public byte[] toBytes() { return SipWriter.toBytes(this); }

    @Override
    public String toString() { return new String(toBytes(), StandardCharsets.ISO_8859_1); }
}
