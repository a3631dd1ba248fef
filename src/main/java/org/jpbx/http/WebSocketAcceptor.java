package org.jpbx.http;

import io.netty.channel.Channel;

/**
 * Takes WebSocket connections upgraded on a mounted path (the SIP WebSocket transport on
 * {@code /ws}). {@link #accepts} is asked before the handshake so that a request nobody would take
 * is answered with an HTTP error instead of an upgrade.
 */
public interface WebSocketAcceptor {
    /** Whether a connection over HTTPS ({@code secure}) or HTTP would be taken now. */
    boolean accepts(boolean secure);

    /** Takes over {@code ch}, already switched to WebSocket frames; false when it was not taken after all. */
    boolean accept(Channel ch, boolean secure);
}
