package org.jpbx.store;

/**
 * The message counts of one mailbox, as an external voicemail system reports them (Asterisk's
 * res_mwi_external keeps the same two numbers): {@code newMessages} not yet heard, {@code oldMessages}
 * heard and kept.
 */
public record MailboxRecord(String mailbox, int newMessages, int oldMessages) {
    public MailboxRecord {
        if (mailbox == null || mailbox.isEmpty()) throw new IllegalArgumentException("a mailbox needs a name");
        if (newMessages < 0 || oldMessages < 0) throw new IllegalArgumentException("message counts cannot be negative");
    }
}
