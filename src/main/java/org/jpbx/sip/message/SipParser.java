package org.jpbx.sip.message;

import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of one framed message into a {@link SipMessage} (RFC 3261 §7, §25).
 *
 * <p>The parser is lenient where RFC 4475 says a receiver should be (folding, odd case, compact
 * names, LWS around separators, trailing whitespace on the request line, a missing blank line at
 * the end of a datagram) and strict elsewhere. Once the start line is recognised it does not
 * throw: a malformed message comes back with {@link SipMessage#invalidReason()} set, so that the
 * stack can answer a request 400 statelessly and drop a response. It throws
 * {@link SipParseException} only when the bytes are not a SIP message at all (including a status
 * line whose code is not three digits), which is dropped.
 */
public final class SipParser {
    private SipParser() {}

    /** Parses a whole UDP datagram: Content-Length bounds the body, extra bytes are ignored (§18.3). */
    public static SipMessage parseDatagram(byte[] b, int off, int len) {
        return parse(b, off, len, true);
    }

    /** Parses a message already framed by Content-Length on a stream transport. */
    public static SipMessage parseFramed(byte[] b, int off, int len) {
        return parse(b, off, len, false);
    }

    public static SipMessage parse(byte[] b) {
        return parse(b, 0, b.length, true);
    }

    private static SipMessage parse(byte[] b, int off, int len, boolean datagram) {
        final int end = off + len;
        int i = off;
        // RFC 3261 §7.5: ignore CRLFs before the start line
        while (i < end && (b[i] == '\r' || b[i] == '\n')) i++;
        if (i >= end) throw new SipParseException("Empty message");
        int eol = indexOfLf(b, i, end);
        if (eol < 0) eol = end;
        int lineEnd = eol;
        while (lineEnd > i && (b[lineEnd - 1] == '\r' || b[lineEnd - 1] == ' ' || b[lineEnd - 1] == '\t')) lineEnd--;

        SipMessage msg = startLine(b, i, lineEnd);
        i = eol + 1;

        // header fields
        int contentLength = -1;
        int nCallId = 0, nFrom = 0, nTo = 0, nCseq = 0, nMaxForwards = 0;
        String clError = null;
        boolean sawBlankLine = false;
        while (i < end) {
            int le = indexOfLf(b, i, end);
            int next = le < 0 ? end : le + 1;
            int lineStop = le < 0 ? end : (le > i && b[le - 1] == '\r' ? le - 1 : le);
            if (lineStop == i) { // blank line ends the headers
                i = next;
                sawBlankLine = true;
                break;
            }
            // continuation lines (folding) belong to this header
            boolean folded = false;
            int fieldEnd = lineStop;
            while (next < end && (b[next] == ' ' || b[next] == '\t')) {
                folded = true;
                int le2 = indexOfLf(b, next, end);
                int n2 = le2 < 0 ? end : le2 + 1;
                fieldEnd = le2 < 0 ? end : (le2 > next && b[le2 - 1] == '\r' ? le2 - 1 : le2);
                next = n2;
            }
            // the first ':' ends the name, which must be a token
            int colon = Bytes.indexOf(b, (byte) ':', i, fieldEnd);
            int nameEnd = colon;
            while (nameEnd > i && (b[nameEnd - 1] == ' ' || b[nameEnd - 1] == '\t')) nameEnd--;
            // a name spelled exactly as a known one is a token already: no pass over its bytes
            String name = colon < 0 || nameEnd == i ? null : HeaderName.lookupExact(b, i, nameEnd);
            boolean known = name != null;
            if (!known) {
                if (colon < 0 || nameEnd == i || !isTokenBytes(b, i, nameEnd)) {
                    msg.invalidReason = first(msg.invalidReason, "Malformed header line: '" + latin1(b, i, Math.min(fieldEnd, i + 40)) + "'");
                    i = next;
                    continue;
                }
                name = HeaderName.lookup(b, i, nameEnd);
                known = name != null;
                if (!known) name = latin1(b, i, nameEnd);
            }
            int vs = colon + 1;
            while (vs < fieldEnd && (b[vs] == ' ' || b[vs] == '\t' || b[vs] == '\r' || b[vs] == '\n')) vs++;
            int ve = fieldEnd;
            while (ve > vs && (b[ve - 1] == ' ' || b[ve - 1] == '\t')) ve--;
            Header h;
            if (folded) {
                h = Header.unfolded(name, unfold(b, vs, ve));
            } else {
                h = new Header(name, b, vs, ve);
            }
            msg.headers.add(h);
            if (known) {
                // counts for validate() and the first header of each name the accessors read
                if (name == HeaderName.VIA) msg.nVia++;
                else if (name == HeaderName.CONTACT) msg.nContact++;
                else if (name == HeaderName.CALL_ID) { if (nCallId++ == 0) msg.hCallId = h; }
                else if (name == HeaderName.FROM) { if (nFrom++ == 0) msg.hFrom = h; }
                else if (name == HeaderName.TO) { if (nTo++ == 0) msg.hTo = h; }
                else if (name == HeaderName.CSEQ) { if (nCseq++ == 0) msg.hCseq = h; }
                else if (name == HeaderName.MAX_FORWARDS) { if (nMaxForwards++ == 0) msg.hMaxForwards = h; }
                else if (name == HeaderName.EXPIRES) { if (msg.hExpires == null) msg.hExpires = h; }
                else if (name == HeaderName.AUTHORIZATION) { if (msg.hAuthorization == null) msg.hAuthorization = h; }
                else if (name == HeaderName.CONTENT_LENGTH) {
                    long cl = h.contentLength();
                    if (cl < 0) clError = "Malformed Content-Length: '" + h.value() + "'";
                    else if (contentLength >= 0 && cl != contentLength) clError = "Conflicting Content-Length headers";
                    else contentLength = (int) cl;
                }
            }
            i = next;
        }
        if (!sawBlankLine && !datagram) {
            // a stream framer hands over whole messages; a missing blank line means the peer closed early
            msg.invalidReason = first(msg.invalidReason, "Message ends before the blank line after the headers");
        }

        // body
        int available = end - i;
        if (clError != null) {
            msg.invalidReason = first(msg.invalidReason, clError);
        } else if (contentLength < 0) {
            if (!datagram && available > 0) {
                msg.invalidReason = first(msg.invalidReason, "Missing Content-Length on a stream transport");
            }
            msg.setBodyBytes(copy(b, i, available));
        } else if (contentLength > available) {
            msg.invalidReason = first(msg.invalidReason, "Content-Length " + contentLength + " is larger than the " + available + " bytes of body received");
            msg.setBodyBytes(copy(b, i, available));
        } else {
            msg.setBodyBytes(copy(b, i, contentLength));
        }

        msg.indexed = true;
        validate(msg, nCallId, nFrom, nTo, nCseq, nMaxForwards);
        return msg;
    }

    private static SipMessage startLine(byte[] b, int from, int to) {
        if (to - from >= 4 && b[from] == 'S' && b[from + 1] == 'I' && b[from + 2] == 'P' && b[from + 3] == '/') {
            return statusLine(b, from, to);
        }
        int sp1 = indexOf(b, (byte) ' ', from, to);
        int sp2 = lastIndexOf(b, (byte) ' ', from, to);
        if (sp1 <= from) throw new SipParseException("Not a SIP message: bad start line");
        String method = Methods.lookup(b, from, sp1);
        if (method == null) {
            if (!isTokenBytes(b, from, sp1)) throw new SipParseException("Not a SIP message: bad method");
            method = latin1(b, from, sp1);
        }
        if (sp2 == sp1) {
            SipRequest r = new SipRequest(method, null, "SIP/2.0", 16);
            r.invalidReason = "Malformed request line: missing Request-URI or version";
            return r;
        }
        String version = (to - sp2 - 1 == 7 && b[sp2 + 1] == 'S' && b[sp2 + 2] == 'I' && b[sp2 + 3] == 'P' && b[sp2 + 4] == '/'
                && b[sp2 + 5] == '2' && b[sp2 + 6] == '.' && b[sp2 + 7] == '0') ? "SIP/2.0" : latin1(b, sp2 + 1, to);
        SipRequest r;
        Uri uri = null;
        String uriError = null;
        try {
            uri = Uri.parse(b, sp1 + 1, sp2);
            if (uri instanceof SipUri su && su.headers() != null) {
                uriError = "Malformed Request-URI: headers are not allowed in a Request-URI (RFC 3261 §19.1.5)";
            }
        } catch (SipParseException e) {
            uriError = "Malformed Request-URI: '" + latin1(b, sp1 + 1, sp2) + "'";
        }
        r = new SipRequest(method, uri, version, 16);
        if (!version.equals("SIP/2.0")) {
            if (version.regionMatches(true, 0, "SIP/", 0, 4) && version.substring(4).matches("[0-9]+\\.[0-9]+")) {
                if (!version.equalsIgnoreCase("SIP/2.0")) r.markUnsupportedVersion();
            } else {
                r.invalidReason = "Malformed request line: bad SIP version '" + version + "'";
            }
        }
        if (uriError != null) r.invalidReason = first(r.invalidReason, uriError);
        return r;
    }

    private static SipResponse statusLine(byte[] b, int from, int to) {
        int sp1 = indexOf(b, (byte) ' ', from, to);
        if (sp1 < 0) throw new SipParseException("Malformed status line");
        String version = latin1(b, from, sp1);
        if (!version.equalsIgnoreCase("SIP/2.0")) throw new SipParseException("Unsupported SIP version in response: " + version);
        int cs = sp1 + 1;
        int ce = cs;
        while (ce < to && b[ce] >= '0' && b[ce] <= '9') ce++;
        if (ce - cs != 3 || (ce < to && b[ce] != ' ')) throw new SipParseException("Malformed status code");
        int code = (b[cs] - '0') * 100 + (b[cs + 1] - '0') * 10 + (b[cs + 2] - '0');
        if (code < 100 || code > 699) throw new SipParseException("Status code out of range: " + code);
        String reason = ce < to ? new String(b, ce + 1, to - ce - 1, StandardCharsets.ISO_8859_1) : "";
        return new SipResponse(code, reason, 16);
    }

    /**
     * The checks every message must pass before anything acts on it: the headers that identify a
     * transaction and dialog are present once and parse. Other headers are checked when used.
     */
    private static void validate(SipMessage m, int callId, int from, int to, int cseq, int maxForwards) {
        if (m.invalidReason != null) return;
        try {
            if (m.nVia == 0) throw new SipParseException("Missing Via header");
            single(callId, HeaderName.CALL_ID);
            single(from, HeaderName.FROM);
            single(to, HeaderName.TO);
            single(cseq, HeaderName.CSEQ);
            if (maxForwards > 1) throw new SipParseException("More than one Max-Forwards header");
            if (m.vias().isEmpty()) throw new SipParseException("Missing Via header");
            if (m.hCallId.emptyOrHasWhitespace()) throw new SipParseException("Malformed Call-ID header");
            m.callId();
            m.from();
            m.to();
            m.cseq();
            if (m.isRequest()) {
                m.maxForwards();
                m.contacts();
            }
        } catch (SipParseException e) {
            m.invalidReason = e.getMessage();
        }
    }

    private static void single(int n, String name) {
        if (n == 0) throw new SipParseException("Missing " + name + " header");
        if (n > 1) throw new SipParseException("More than one " + name + " header");
    }

    /** Content-Length value, or -1 when it is not a non-negative decimal number below 2^31. */
    public static long parseContentLength(String v) {
        String s = v.strip();
        if (s.isEmpty() || s.length() > 10) return -1;
        long n = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n > Integer.MAX_VALUE ? -1 : n;
    }

    private static String unfold(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        int k = from;
        while (k < to) {
            byte c = b[k];
            if (c == '\r' || c == '\n') {
                while (k < to && (b[k] == '\r' || b[k] == '\n' || b[k] == ' ' || b[k] == '\t')) k++;
                // a fold is replaced by one space, trailing whitespace before it is dropped
                while (!sb.isEmpty() && (sb.charAt(sb.length() - 1) == ' ' || sb.charAt(sb.length() - 1) == '\t')) sb.setLength(sb.length() - 1);
                sb.append(' ');
            } else {
                sb.append((char) (c & 0xff));
                k++;
            }
        }
        return sb.toString();
    }

    private static String first(String existing, String candidate) {
        return existing != null ? existing : candidate;
    }

    private static boolean isTokenBytes(byte[] b, int from, int to) {
        for (int k = from; k < to; k++) {
            int c = b[k] & 0xff;
            if (c >= 128 || !Chars.isToken((char) c)) return false;
        }
        return to > from;
    }

    static int indexOfLf(byte[] b, int from, int to) {
        return Bytes.indexOfLf(b, from, to);
    }

    private static int indexOf(byte[] b, byte c, int from, int to) {
        for (int k = from; k < to; k++) if (b[k] == c) return k;
        return -1;
    }

    private static int lastIndexOf(byte[] b, byte c, int from, int to) {
        for (int k = to - 1; k >= from; k--) if (b[k] == c) return k;
        return -1;
    }

    private static String latin1(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static byte[] copy(byte[] b, int from, int len) {
        if (len <= 0) return SipMessage.NO_BODY;
        byte[] out = new byte[len];
        System.arraycopy(b, from, out, 0, len);
        return out;
    }
}
