package org.jpbx.pjsip.pubsub.mwi;

/**
 * The {@code application/simple-message-summary} body of RFC 3842 §5.2 as Asterisk writes it
 * (reference §6.5): {@code Messages-Waiting} (yes when there are new messages), the optional
 * {@code Message-Account}, and one {@code Voice-Message} line of new/old counts whose urgent
 * counts are always {@code (0/0)}. Lines end with CRLF.
 */
public final class MessageSummary {
    public static final String CONTENT_TYPE = "application/simple-message-summary";
    public static final String EVENT = "message-summary";

    private MessageSummary() {}

    /** The body for {@code counts}; {@code account} (a URI) may be null or empty to leave the header out. */
    public static String body(Mailboxes.Counts counts, String account) {
        StringBuilder b = new StringBuilder(96);
        b.append("Messages-Waiting: ").append(counts.newMessages() > 0 ? "yes" : "no").append("\r\n");
        if (account != null && !account.isEmpty()) b.append("Message-Account: ").append(account).append("\r\n");
        b.append("Voice-Message: ").append(counts.newMessages()).append('/').append(counts.oldMessages()).append(" (0/0)\r\n");
        return b.toString();
    }

    /** {@code sip:<extension>@<hostport>}: a URI with its user replaced by the voicemail extension; null without one. */
    public static String account(String voicemailExtension, String hostPort) {
        if (voicemailExtension == null || voicemailExtension.isEmpty() || hostPort == null || hostPort.isEmpty()) return null;
        return "sip:" + voicemailExtension + "@" + hostPort;
    }
}
