package org.jpbx.pjsip.session;

import java.util.HashMap;
import java.util.Map;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.SipResponse;

/**
 * RFC 3262 as the UAC of an outgoing INVITE: which reliable provisionals (Require: 100rel with an
 * RSeq) are new and get a PRACK, per early dialog (To tag). A retransmission (an RSeq already
 * seen) or one out of order (beyond the next expected) is ignored, as §4 says. Runs on the leg's lane.
 */
final class ProvisionalAcks {
    /** Early dialogs tracked at most (forks); a bound on memory for a misbehaving peer. */
    private static final int MAX_DIALOGS = 16;

    private final Map<String, Long> lastRseq = new HashMap<>();

    /** The option tag the outgoing INVITE carries for the callee's {@code 100rel}: in Supported, in Require, or neither. */
    enum Use { NONE, SUPPORTED, REQUIRED }

    static Use use(Endpoint callee) {
        return switch (callee.object().getString("100rel")) {
            case "no" -> Use.NONE;
            case "required" -> Use.REQUIRED;
            default -> Use.SUPPORTED;
        };
    }

    /** True when {@code r} is a reliable provisional. */
    static boolean reliable(SipResponse r) {
        return r.isProvisional() && r.status() > 100 && r.tokens(HeaderName.REQUIRE).contains("100rel") && rseq(r) > 0;
    }

    /**
     * True when the reliable provisional {@code r} is the next of its early dialog (it is PRACKed
     * and its content used); false for a retransmission or one out of order.
     */
    boolean isNew(SipResponse r) {
        long rseq = rseq(r);
        String tag = r.toTag() == null ? "" : r.toTag();
        Long last = lastRseq.get(tag);
        if (last != null && rseq != last + 1) return false;
        if (last == null && lastRseq.size() >= MAX_DIALOGS) return false;
        lastRseq.put(tag, rseq);
        return true;
    }

    /** The RAck of a PRACK for {@code r}: its RSeq, then the INVITE's CSeq. */
    static String rack(SipResponse r) {
        return rseq(r) + " " + r.cseq().number() + " " + r.cseq().method();
    }

    private static long rseq(SipResponse r) {
        String v = r.header(HeaderName.RSEQ);
        if (v == null) return 0;
        try {
            long n = Long.parseLong(v.strip());
            return n > 0 && n < (1L << 32) ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
