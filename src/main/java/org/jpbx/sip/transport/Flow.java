package org.jpbx.sip.transport;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/**
 * The path one message came in on and a reply goes out on: a listener (UDP) or a connection
 * (TCP) together with the peer's address. Responses to a request over a stream go back on its
 * connection while it is open (RFC 3261 §18.2.2).
 */
public interface Flow {
    TransportProtocol protocol();

    /** The name of the pjsip.conf transport this flow belongs to. */
    String transportName();

    InetSocketAddress remote();

    InetSocketAddress local();

    /** True while the flow can still carry bytes (a datagram listener always can). */
    boolean isOpen();

    /** Sends a message already in wire form; takes ownership of {@code bytes}. */
    void send(ByteBuf bytes);

    /** Closes a connection-oriented flow after pending writes; a no-op for datagrams. */
    void close();

    /**
     * Runs {@code action} once when this flow closes (at once if it already has); a datagram flow
     * never closes, so for it this does nothing. The action runs on the flow's I/O thread and must
     * not block.
     */
    default void onClose(Runnable action) { }

    /**
     * An identifier of this very connection, unguessable and never reused (RFC 5626 §5.2 flow
     * token): a contact stored with it is reached over this connection or not at all. Null for
     * datagram flows, which are identified by their addresses alone.
     */
    default String token() { return null; }
}
