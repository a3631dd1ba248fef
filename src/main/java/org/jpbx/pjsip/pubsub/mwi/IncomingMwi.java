package org.jpbx.pjsip.pubsub.mwi;

import java.util.Locale;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.distributor.RequestModule;
import org.jpbx.sip.message.HeaderName;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.transaction.Responses;
import org.jpbx.sip.transaction.ServerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MWI that an endpoint sends us (endpoint {@code incoming_mwi_mailbox}): an out-of-dialog NOTIFY
 * {@code message-summary}, as a voicemail server or an upstream PBX sends it, sets the counts of
 * that mailbox, and so reaches every phone subscribed to it or notified of it unsolicited. An
 * endpoint without {@code incoming_mwi_mailbox} has its NOTIFYs refused (501, as Asterisk does
 * not handle them); a body without counts gets 400 and changes nothing. The 200 is sent once the
 * counts are stored.
 */
final class IncomingMwi implements RequestModule {
    private static final Logger LOG = LoggerFactory.getLogger("pjsip.mwi");

    private final Mailboxes mailboxes;

    IncomingMwi(Mailboxes mailboxes) { this.mailboxes = mailboxes; }

    @Override
    public void onRequest(ServerTransaction tx, Endpoint endpoint) {
        if (endpoint == null) {
            tx.respond(tx.createResponse(403));
            return;
        }
        SipRequest r = tx.request();
        String event = r.header(HeaderName.EVENT);
        String name = event == null ? "" : (event.indexOf(';') < 0 ? event : event.substring(0, event.indexOf(';'))).strip();
        if (!name.equalsIgnoreCase(MessageSummary.EVENT)) {
            SipResponse resp = tx.createResponse(489);
            resp.addHeader(HeaderName.ALLOW_EVENTS, MessageSummary.EVENT);
            resp.addHeader(HeaderName.WARNING, Responses.warning("out-of-dialog NOTIFYs are taken for event message-summary only"));
            tx.respond(resp);
            return;
        }
        String mailbox = endpoint.object().getString("incoming_mwi_mailbox");
        if (mailbox == null || mailbox.isBlank()) {
            LOG.debug("Endpoint '{}' sent MWI but has no incoming_mwi_mailbox", endpoint.id());
            reject(tx, 501, "endpoint " + endpoint.id() + " has no incoming_mwi_mailbox, so its MWI NOTIFYs are not taken");
            return;
        }
        int[] counts = parse(r.body() == null ? "" : r.bodyText());
        if (counts == null) {
            reject(tx, 400, "the message-summary body has neither a Voice-Message nor a Messages-Waiting line");
            return;
        }
        String box = mailbox.strip();
        // the store write blocks: off the lane, and the answer back on it once the counts are durable
        Thread.ofVirtual().name("mwi-incoming").start(() -> {
            int status = 200;
            try {
                mailboxes.update(box, counts[0], counts[1]);
                LOG.debug("Endpoint '{}' set mailbox {} to {} new, {} old", endpoint.id(), box, counts[0], counts[1]);
            } catch (RuntimeException e) {
                LOG.error("Endpoint '{}': mailbox {} could not be updated: {}", endpoint.id(), box, e.getMessage());
                status = 500;
            }
            int answer = status;
            tx.lane().execute(() -> tx.respond(tx.createResponse(answer)));
        });
    }

    private static void reject(ServerTransaction tx, int status, String why) {
        SipResponse resp = tx.createResponse(status);
        resp.addHeader(HeaderName.WARNING, Responses.warning(why));
        tx.respond(resp);
    }

    /**
     * New and old counts from an RFC 3842 body: the {@code Voice-Message: new/old} line, else
     * {@code Messages-Waiting} alone (yes counts as one new message); null when it has neither.
     */
    static int[] parse(String body) {
        Boolean waiting = null;
        for (String raw : body.split("\r?\n")) {
            int colon = raw.indexOf(':');
            if (colon < 0) continue;
            String header = raw.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = raw.substring(colon + 1).strip();
            if (header.equals("voice-message")) {
                int paren = value.indexOf('(');
                String main = (paren < 0 ? value : value.substring(0, paren)).strip();
                int slash = main.indexOf('/');
                if (slash < 0) return null;
                try {
                    int fresh = Integer.parseInt(main.substring(0, slash).strip());
                    int old = Integer.parseInt(main.substring(slash + 1).strip());
                    return fresh < 0 || old < 0 ? null : new int[] {fresh, old};
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            if (header.equals("messages-waiting")) {
                if (value.equalsIgnoreCase("yes")) waiting = true;
                else if (value.equalsIgnoreCase("no")) waiting = false;
                else return null; // RFC 3842: yes or no, nothing else
            }
        }
        return waiting == null ? null : new int[] {waiting ? 1 : 0, 0};
    }
}
