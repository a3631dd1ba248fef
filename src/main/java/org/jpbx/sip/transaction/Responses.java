package org.jpbx.sip.transaction;

import java.util.concurrent.ThreadLocalRandom;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.NameAddr;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.StatusCodes;

/** Builds responses to requests (RFC 3261 §8.2.6). */
public final class Responses {
    private Responses() {}

    /**
     * A response copying Via, From, To, Call-ID and CSeq from the request, byte for byte, so that
     * even a request whose other headers are malformed can be answered. {@code toTag} is added
     * to To when the request had none (null: leave To as it is).
     */
    public static SipResponse create(SipRequest request, int status, String reason, String toTag) {
        SipResponse r = new SipResponse(status, reason == null ? StatusCodes.reasonPhrase(status) : reason);
        for (String via : request.headerValues(HeaderName.VIA)) r.addHeader(HeaderName.VIA, via);
        copy(request, r, HeaderName.FROM);
        String to = request.header(HeaderName.TO);
        if (to != null) {
            if (toTag != null && !hasTag(request)) to = appendTag(request, to, toTag);
            r.addHeader(HeaderName.TO, to);
        }
        copy(request, r, HeaderName.CALL_ID);
        copy(request, r, HeaderName.CSEQ);
        return r;
    }

    private static boolean hasTag(SipRequest request) {
        try {
            return request.toTag() != null;
        } catch (RuntimeException malformed) {
            return true; // a To we cannot parse is echoed untouched
        }
    }

    private static String appendTag(SipRequest request, String raw, String tag) {
        try {
            NameAddr to = request.to();
            return to.withTag(tag).toString();
        } catch (RuntimeException malformed) {
            return raw;
        }
    }

    private static void copy(SipRequest from, SipResponse to, String name) {
        String v = from.header(name);
        if (v != null) to.addHeader(name, v);
    }

    /**
     * A Warning header value (RFC 3261 §20.43, code 399 "miscellaneous") explaining a rejection;
     * jpbx adds one beyond Asterisk so that a peer's engineer sees why without a packet capture.
     */
    public static String warning(String text) {
        return "399 jpbx \"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The To tag for a response outside a dialog: the top Via branch (as pjproject does), else a fresh one. */
    public static String tagFor(SipRequest request) {
        try {
            var top = request.topVia();
            if (top != null && top.hasRfc3261Branch()) return top.branch();
        } catch (RuntimeException malformed) {
            // fall through to a random tag
        }
        return newTag();
    }

    /** A fresh tag: 16 random hex characters (RFC 3261 §19.3 asks for at least 32 random bits). */
    public static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }

    /** A fresh RFC 3261 branch. */
    public static String newBranch() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "z9hG4bK" + Long.toHexString(r.nextLong() | Long.MIN_VALUE) + Integer.toHexString(r.nextInt() | Integer.MIN_VALUE);
    }
}
