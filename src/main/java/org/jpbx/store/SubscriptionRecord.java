package org.jpbx.store;

/**
 * One inbound subscription as it is kept across a restart (Asterisk's
 * {@code subscription_persistence}): the last SUBSCRIBE as received, where it came from and on
 * which transport, our side of the dialog (tag, next CSeq, Contact), when it expires, and the
 * body generator's state (the dialog-info version).
 *
 * @param id             the dialog's Call-ID and our tag ({@code <call-id>;<local tag>})
 * @param packet         the last SUBSCRIBE (initial or refresh) as it arrived
 * @param expiresAt      absolute expiry, epoch milliseconds
 * @param bodyVersion    the version of the last body generated (-1 before the first)
 * @param pruneOnBoot    true when the subscription cannot outlive its connection
 */
public record SubscriptionRecord(String id, String endpoint, String event, String resource, String bodyType, String packet,
                                 String transport, String protocol, String sourceHost, int sourcePort, String localTag,
                                 long localCseq, long expiresAt, String localContact, long bodyVersion, boolean pruneOnBoot) {
    public static String idOf(String callId, String localTag) { return callId + ";" + localTag; }
}
