package org.jpbx.pjsip.pubsub.mwi;

import java.util.List;
import org.jpbx.pjsip.pubsub.Body;
import org.jpbx.pjsip.pubsub.BodyContext;
import org.jpbx.pjsip.pubsub.Resource;
import org.jpbx.pjsip.pubsub.ResourceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailboxes one MWI subscription is served (an AOR's {@code mailboxes}): rendered as one
 * summary over all of them, with the Message-Account built from the voicemail extension and the
 * host of the subscription's local URI. Closing it stops watching the counts and gives the
 * replaced unsolicited mailboxes back to the endpoint's unsolicited NOTIFYs.
 */
final class MailboxResource implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger("pjsip.mwi");

    private final String name;
    private final List<String> mailboxes;
    private final String voicemailExtension;
    private final Mailboxes counts;
    private volatile AutoCloseable replaced;
    private volatile AutoCloseable watch;

    MailboxResource(String name, List<String> mailboxes, String voicemailExtension, Mailboxes counts, AutoCloseable replaced) {
        this.name = name;
        this.mailboxes = mailboxes;
        this.voicemailExtension = voicemailExtension;
        this.counts = counts;
        this.replaced = replaced;
    }

    @Override public String name() { return name; }

    List<String> mailboxes() { return mailboxes; }

    @Override
    public Body render(BodyContext ctx) {
        return new Body(MessageSummary.CONTENT_TYPE,
                MessageSummary.body(counts.sum(mailboxes), MessageSummary.account(voicemailExtension, ctx.domain())));
    }

    @Override
    public void watch(ResourceListener listener) {
        watch = counts.watch(mailboxes, listener::changed);
    }

    @Override
    public void close() {
        closeQuietly(watch);
        watch = null;
        closeQuietly(replaced);
        replaced = null;
    }

    private void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("Releasing MWI resource {} failed", name, e);
        }
    }
}
