package org.jpbx.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;

/** One TCP or TLS connection, accepted or opened by jpbx; a flow in both directions. */
final class TcpConnection implements Flow {
    private final String transportName;
    private final TransportProtocol protocol;
    private final Channel channel;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final SipTrace trace;
    /** Set when the stream can no longer be framed: the next message sent is the last. */
    private volatile boolean closeAfterNextSend;
    private final java.util.List<Runnable> closeActions = new java.util.ArrayList<>(1);
    private boolean peerGone; // guarded by closeActions
    private volatile TcpTransport owner;
    private volatile InetSocketAddress alias;
    private final String token = FlowTokens.next();

    TcpConnection(String transportName, TransportProtocol protocol, Channel channel, SipTrace trace) {
        this.transportName = transportName;
        this.protocol = protocol;
        this.channel = channel;
        this.remote = (InetSocketAddress) channel.remoteAddress();
        this.local = (InetSocketAddress) channel.localAddress();
        this.trace = trace;
        channel.closeFuture().addListener(f -> peerGone());
    }

    @Override public TransportProtocol protocol() { return protocol; }
    @Override public String transportName() { return transportName; }
    @Override public InetSocketAddress remote() { return remote; }
    @Override public InetSocketAddress local() { return local; }
    @Override public boolean isOpen() { return channel.isActive(); }
    Channel channel() { return channel; }
    @Override public String token() { return token; }

    void owner(TcpTransport t) { owner = t; }
    InetSocketAddress alias() { return alias; }
    void setAlias(InetSocketAddress a) { alias = a; }

    /** A request came in on this connection whose top Via asks for it to be reused (RFC 5923 alias). */
    void requestVia(org.jpbx.sip.message.Via top) {
        TcpTransport t = owner;
        if (t == null || top == null || !top.params().has("alias") || alias != null) return;
        String host = top.host();
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        try {
            java.net.InetAddress a = java.net.InetAddress.ofLiteral(host);
            t.alias(this, new InetSocketAddress(a, top.port() < 0 ? TransportSpec.defaultPort(protocol) : top.port()));
        } catch (IllegalArgumentException notAnAddress) {
            // a host name as sent-by: nothing to index by without a DNS query
        }
    }

    void closeAfterNextSend() { closeAfterNextSend = true; }

    @Override
    public void send(ByteBuf bytes) {
        if (trace.isEnabled()) trace.transmitted(ByteBufs.copy(bytes), protocol, remote);
        if (closeAfterNextSend) {
            channel.writeAndFlush(bytes).addListener(f -> channel.close());
        } else {
            channel.writeAndFlush(bytes, channel.voidPromise());
        }
    }

    @Override
    public void close() { channel.close(); }

    /**
     * Runs {@code action} when the connection closes or the peer shuts down its side (FIN): the
     * connection then stays half-open only to deliver answers still owed, and the peer is gone.
     */
    @Override
    public void onClose(Runnable action) {
        boolean runNow;
        synchronized (closeActions) {
            runNow = peerGone;
            if (!runNow) closeActions.add(action);
        }
        if (runNow) action.run();
    }

    /** True once the peer shut down its side or the connection closed. */
    boolean isPeerGone() {
        synchronized (closeActions) {
            return peerGone;
        }
    }

    /** The peer closed its side, or the connection closed: run the close actions once. */
    void peerGone() {
        java.util.List<Runnable> run;
        synchronized (closeActions) {
            if (peerGone) return;
            peerGone = true;
            run = java.util.List.copyOf(closeActions);
            closeActions.clear();
        }
        for (Runnable r : run) {
            try {
                r.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(TcpConnection.class).warn("a close action of {} failed", this, e);
            }
        }
    }

    @Override public String toString() { return protocol.viaName() + ":" + SipTrace.format(remote); }
}
