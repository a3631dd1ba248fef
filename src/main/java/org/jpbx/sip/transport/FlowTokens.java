package org.jpbx.sip.transport;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Flow tokens (RFC 5626 §5.2). jpbx is registrar and edge proxy at once, so a token never has to
 * travel in a Path or Record-Route: it stays inside the stored contact as the URI parameter
 * {@link #PARAM}, which the transport layer reads and removes before a request leaves. The token
 * names one connection; together with the contact's host:port (the connection's remote address)
 * it finds that connection, and only that one.
 *
 * <p>Tokens are random (96 bits), so a client cannot name another client's connection by
 * registering a contact that carries a guessed token.
 */
public final class FlowTokens {
    /** The internal contact URI parameter that holds a flow token; never sent. */
    public static final String PARAM = "x-jpbx-flow";

    private static final SecureRandom RANDOM = new SecureRandom();

    private FlowTokens() {}

    static String next() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
