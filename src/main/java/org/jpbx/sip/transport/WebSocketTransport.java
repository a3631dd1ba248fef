package org.jpbx.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pjsip.conf transport with protocol=ws or wss (RFC 7118). It has no socket of its own: the
 * HTTP server of http.conf upgrades connections on {@code /ws} with the {@code sip} subprotocol
 * and hands them here ({@link #accept}). Each WebSocket message carries exactly one SIP message;
 * the connection is the flow for the responses and for requests to a contact registered over it.
 */
final class WebSocketTransport implements Listener {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransport.class);
    /** The largest SIP message taken from one WebSocket message. */
    static final int MAX_MESSAGE = 65535;

    private final TransportSpec spec;
    private final InboundDecoder decoder;
    private final SipTrace trace;
    private final Map<InetSocketAddress, WsConnection> connections = new ConcurrentHashMap<>();
    private volatile InetSocketAddress local = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    WebSocketTransport(TransportSpec spec, InboundDecoder decoder, SipTrace trace) {
        this.spec = spec;
        this.decoder = decoder;
        this.trace = trace;
    }

    @Override public void bind(NettyRuntime rt) { }
    @Override public TransportSpec spec() { return spec; }
    @Override public InetSocketAddress localAddress() { return local; }

    /** The HTTP server's address, which is what this transport listens on. */
    void listeningOn(InetSocketAddress address) { if (address != null) local = address; }

    @Override
    public void close() {
        for (WsConnection c : connections.values()) c.close();
    }

    WsConnection connectionTo(InetSocketAddress remote) {
        WsConnection c = connections.get(remote);
        return c != null && c.isOpen() ? c : null;
    }

    /** Takes over an upgraded channel: from now on its frames are SIP messages. */
    void accept(Channel ch, TransportProtocol protocol) {
        SocketTuning.apply(ch, spec, SocketTuning.stream(spec, ch instanceof io.netty.channel.epoll.EpollSocketChannel));
        long writeTimeout = spec.sockets().webSocketWriteTimeoutMillis();
        // websocket_write_timeout: a client that stops reading must not make jpbx queue for it forever
        if (writeTimeout > 0) ch.pipeline().addFirst("sip-ws-write-timeout", new WriteTimeout(writeTimeout));
        WsConnection c = new WsConnection(spec.name(), protocol, ch, trace);
        connections.put(c.remote(), c);
        ch.closeFuture().addListener(f -> {
            connections.remove(c.remote(), c);
            c.closed();
        });
        ch.pipeline().addLast("sip-ws", new Handler(c));
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        private final WsConnection connection;
        private ByteBuf fragments;

        Handler(WsConnection connection) { this.connection = connection; }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame || msg instanceof ContinuationWebSocketFrame) {
                    WebSocketFrame f = (WebSocketFrame) msg;
                    if (!(msg instanceof ContinuationWebSocketFrame)) release();
                    if (fragments == null) fragments = ctx.alloc().buffer();
                    if (fragments.readableBytes() + f.content().readableBytes() > MAX_MESSAGE) {
                        LOG.info("WebSocket {}: a message over {} bytes; closing", connection, MAX_MESSAGE);
                        release();
                        ctx.writeAndFlush(new CloseWebSocketFrame(1009, "message too big")).addListener(x -> ctx.close());
                        return;
                    }
                    fragments.writeBytes(f.content());
                    if (f.isFinalFragment()) {
                        byte[] bytes = ByteBufUtil.getBytes(fragments);
                        release();
                        if (bytes.length > 0 && !isKeepAlive(bytes)) decoder.decode(bytes, 0, bytes.length, connection, true);
                    }
                } else if (msg instanceof PingWebSocketFrame ping) {
                    ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
                } else if (msg instanceof CloseWebSocketFrame) {
                    ctx.writeAndFlush(new CloseWebSocketFrame(1000, null)).addListener(x -> ctx.close());
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private boolean isKeepAlive(byte[] b) {
            for (byte x : b) if (x != '\r' && x != '\n') return false;
            return true;
        }

        private void release() {
            if (fragments != null) {
                fragments.release();
                fragments = null;
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            release();
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("WebSocket {}: {}", connection, cause.toString());
            ctx.close();
        }
    }

    /** One WebSocket connection: a flow that writes each SIP message as one text message. */
    static final class WsConnection implements Flow {
        private final String transportName;
        private final TransportProtocol protocol;
        private final Channel channel;
        private final InetSocketAddress remote;
        private final InetSocketAddress local;
        private final SipTrace trace;
        private final java.util.List<Runnable> closeActions = new java.util.ArrayList<>(1);
        private boolean closed; // guarded by closeActions
        private final String token = FlowTokens.next();

        WsConnection(String transportName, TransportProtocol protocol, Channel channel, SipTrace trace) {
            this.transportName = transportName;
            this.protocol = protocol;
            this.channel = channel;
            this.remote = (InetSocketAddress) channel.remoteAddress();
            this.local = (InetSocketAddress) channel.localAddress();
            this.trace = trace;
        }

        @Override public TransportProtocol protocol() { return protocol; }
        @Override public String transportName() { return transportName; }
        @Override public InetSocketAddress remote() { return remote; }
        @Override public InetSocketAddress local() { return local; }
        @Override public boolean isOpen() { return channel.isActive(); }
        @Override public String token() { return token; }

        @Override
        public void send(ByteBuf bytes) {
            if (trace.isEnabled()) trace.transmitted(ByteBufs.copy(bytes), protocol, remote);
            channel.writeAndFlush(new TextWebSocketFrame(bytes), channel.voidPromise());
        }

        @Override
        public void close() {
            if (channel.isActive()) channel.writeAndFlush(new CloseWebSocketFrame(1001, null)).addListener(f -> channel.close());
        }

        @Override
        public void onClose(Runnable action) {
            boolean now;
            synchronized (closeActions) {
                now = closed;
                if (!now) closeActions.add(action);
            }
            if (now) action.run();
        }

        void closed() {
            java.util.List<Runnable> run;
            synchronized (closeActions) {
                if (closed) return;
                closed = true;
                run = java.util.List.copyOf(closeActions);
                closeActions.clear();
            }
            for (Runnable r : run) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.warn("a close action of {} failed", this, e);
                }
            }
        }

        @Override public String toString() { return protocol.viaName() + ":" + SipTrace.format(remote); }
    }

    /** Closes a WebSocket whose write has not reached the socket within websocket_write_timeout. */
    private final class WriteTimeout extends io.netty.handler.timeout.WriteTimeoutHandler {
        private final long millis;

        WriteTimeout(long millis) {
            super(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
            this.millis = millis;
        }

        @Override
        protected void writeTimedOut(ChannelHandlerContext ctx) throws Exception {
            LOG.info("Transport {}: closing the WebSocket of {}: a write stalled for more than {} ms (websocket_write_timeout)",
                    spec.name(), SipTrace.format((InetSocketAddress) ctx.channel().remoteAddress()), millis);
            super.writeTimedOut(ctx);
        }
    }
}
