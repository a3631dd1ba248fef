package org.jpbx.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP or TLS transport: a listener for accepted connections and the connections jpbx opens
 * itself. Every open connection is indexed by the peer's address so that requests and responses to
 * that address reuse it (RFC 3261 §18.1.1, §18.2.2). For TLS an SslHandler leads each pipeline; its
 * context is swapped by {@link #reloadTls} so that new connections use new certificates while the
 * established ones keep theirs.
 */
final class TcpTransport implements Listener {
    private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);
    /** How long a message may stay half-received before the connection is dropped (64*T1 by default). */
    static final int PARTIAL_MESSAGE_TIMEOUT_SECONDS = 32;

    private final TransportSpec spec;
    private final InboundDecoder decoder;
    private final SipTrace trace;
    private final Map<InetSocketAddress, TcpConnection> connections = new ConcurrentHashMap<>();
    private NettyRuntime rt;
    private Channel server;
    private InetSocketAddress local;
    private volatile SslContext serverTls;
    private volatile SslContext clientTls;

    TcpTransport(TransportSpec spec, InboundDecoder decoder, SipTrace trace) {
        this.spec = spec;
        this.decoder = decoder;
        this.trace = trace;
    }

    private boolean secure() { return spec.protocol() == TransportProtocol.TLS; }

    /** Builds the TLS contexts from {@code settings}; the running ones stay when this throws. */
    void reloadTls(TlsSettings settings) throws IOException {
        SslContext client = TlsContexts.client(settings);
        if (spec.bind() != null) serverTls = TlsContexts.server(settings);
        clientTls = client;
    }

    @Override
    public void bind(NettyRuntime rt) throws Exception {
        this.rt = rt;
        if (secure()) {
            if (spec.tls() == null) throw new TransportException("TLS settings missing");
            if (spec.bind() == null) clientTls = TlsContexts.client(spec.tls()); // a flow: connects only
            else reloadTls(spec.tls());
        }
        if (spec.bind() == null) return; // a flow's connections: nothing to listen on
        ServerBootstrap b = new ServerBootstrap()
                .group(rt.group)
                .channel(rt.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new Init(null));
        SocketTuning.applyToChildren(b, SocketTuning.stream(spec, rt.epoll));
        server = b.bind(spec.bind()).sync().channel();
        local = (InetSocketAddress) server.localAddress();
    }

    @Override public TransportSpec spec() { return spec; }
    @Override public InetSocketAddress localAddress() { return local; }

    int connectionCount() { return connections.size(); }

    @Override
    public void close() {
        if (server != null) server.close().syncUninterruptibly();
        if (rt == null) return;
        for (TcpConnection c : connections.values()) c.close();
    }

    private static final byte[] KEEP_ALIVE = {'\r', '\n', '\r', '\n'};

    /** A CRLF keep-alive (RFC 5626 §4.4.1 ping) on every connection whose peer is still there. */
    void sendKeepAlives() {
        for (TcpConnection c : new java.util.HashSet<>(connections.values())) {
            if (c.isOpen() && !c.isPeerGone()) c.channel().writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(KEEP_ALIVE), c.channel().voidPromise());
        }
    }

    /** An open connection to {@code remote}, or a new one; completes when it can carry bytes. */
    CompletableFuture<Flow> connect(InetSocketAddress remote) {
        TcpConnection existing = connections.get(remote);
        // a connection whose peer has shut down its side only delivers answers still owed
        if (existing != null && existing.isOpen() && !existing.isPeerGone()) return CompletableFuture.completedFuture(existing);
        CompletableFuture<Flow> result = new CompletableFuture<>();
        Bootstrap b = new Bootstrap()
                .group(rt.group)
                .channel(rt.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                .handler(new Init(remote));
        SocketTuning.apply(b, SocketTuning.stream(spec, rt.epoll));
        ChannelFuture f = b.connect(remote);
        f.addListener(done -> {
            if (!done.isSuccess()) {
                result.completeExceptionally(done.cause());
                return;
            }
            // one TcpConnection per channel, shared with its Handler (whose channelActive may come
            // after this listener), so close actions registered on the returned flow do run
            TcpConnection c = connections.get(remote);
            if (c == null || c.channel() != f.channel()) {
                c = new TcpConnection(spec.name(), spec.protocol(), f.channel(), trace);
                connections.put(remote, c);
            }
            result.complete(c);
        });
        return result;
    }

    /**
     * RFC 5923: a request whose top Via carries {@code alias} lets requests to its sent-by
     * address reuse the connection it came on. An address another open connection already
     * serves is not taken over.
     */
    void alias(TcpConnection c, InetSocketAddress sentBy) {
        if (sentBy.equals(c.remote()) || c.alias() != null) return;
        TcpConnection holder = connections.get(sentBy);
        if (holder != null && holder != c && holder.isOpen()) return;
        c.setAlias(sentBy);
        connections.put(sentBy, c);
        LOG.debug("{} is also the connection to {} (alias)", c, SipTrace.format(sentBy));
    }

    TcpConnection connectionTo(InetSocketAddress remote) {
        TcpConnection c = connections.get(remote);
        return c != null && c.isOpen() ? c : null;
    }

    private final class Init extends ChannelInitializer<SocketChannel> {
        /** The peer jpbx connects to, or null for accepted connections. */
        private final InetSocketAddress connectingTo;

        Init(InetSocketAddress connectingTo) { this.connectingTo = connectingTo; }

        @Override
        protected void initChannel(SocketChannel ch) {
            if (secure()) {
                SslHandler tls = connectingTo == null
                        ? serverTls.newHandler(ch.alloc())
                        : clientTls.newHandler(ch.alloc(), connectingTo.getHostString(), connectingTo.getPort());
                if (connectingTo != null && spec.tls() != null && spec.tls().verifyServer()) {
                    // verify_server: the certificate must also name the host (or address) connected to
                    javax.net.ssl.SSLParameters p = tls.engine().getSSLParameters();
                    p.setEndpointIdentificationAlgorithm("HTTPS");
                    tls.engine().setSSLParameters(p);
                }
                ch.pipeline().addLast(tls);
            }
            StreamFramer framer = new StreamFramer();
            ch.pipeline().addLast(new IdleStateHandler(PARTIAL_MESSAGE_TIMEOUT_SECONDS, 0, 0));
            ch.pipeline().addLast(framer);
            ch.pipeline().addLast(new Handler(framer, connectingTo));
        }
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        private final StreamFramer framer;
        private TcpConnection connection;
        private boolean inputShutdown;

        private final InetSocketAddress connectingTo;

        Handler(StreamFramer framer, InetSocketAddress connectingTo) {
            this.framer = framer;
            this.connectingTo = connectingTo;
        }

        /** allow_wildcard_certs=no with verify_server: a server named only by a wildcard is refused. */
        private boolean wildcardRefused(ChannelHandlerContext ctx) {
            TlsSettings tls = spec.tls();
            if (connectingTo == null || tls == null || !tls.verifyServer() || tls.allowWildcardCerts()) return false;
            String host = connectingTo.getHostString();
            if (host.indexOf(':') >= 0 || host.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.')) return false; // an address
            try {
                SslHandler h = ctx.pipeline().get(SslHandler.class);
                var certs = h.engine().getSession().getPeerCertificates();
                if (certs.length > 0 && certs[0] instanceof java.security.cert.X509Certificate x
                        && WildcardNames.onlyWildcardMatches(WildcardNames.names(x), host)) {
                    LOG.info("TLS connection to {} refused: its certificate names it only by a wildcard (allow_wildcard_certs=no)", host);
                    return true;
                }
            } catch (javax.net.ssl.SSLPeerUnverifiedException | RuntimeException e) {
                return true;
            }
            return false;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            TcpConnection known = connections.get((InetSocketAddress) ctx.channel().remoteAddress());
            connection = known != null && known.channel() == ctx.channel() ? known : new TcpConnection(spec.name(), spec.protocol(), ctx.channel(), trace);
            connection.owner(TcpTransport.this);
            connections.put(connection.remote(), connection);
            ctx.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (connection != null) {
                connections.remove(connection.remote(), connection);
                InetSocketAddress alias = connection.alias();
                if (alias != null) connections.remove(alias, connection);
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            StreamFramer.Frame frame = (StreamFramer.Frame) msg;
            if (frame.fatal()) connection.closeAfterNextSend();
            decoder.decode(frame.bytes(), 0, frame.bytes().length, connection, false);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof SslHandshakeCompletionEvent hs) {
                if (hs.isSuccess() && wildcardRefused(ctx)) {
                    ctx.close();
                } else if (!hs.isSuccess()) {
                    LOG.info("TLS handshake with {} refused: {}", SipTrace.format((InetSocketAddress) ctx.channel().remoteAddress()),
                            hs.cause() == null ? "?" : hs.cause().getMessage());
                    ctx.close();
                }
            } else if (evt instanceof ChannelInputShutdownEvent) {
                // The framer has already handed up any message cut short by the FIN (see decodeLast).
                inputShutdown = true;
                if (connection != null) connection.peerGone();
            } else if (evt instanceof IdleStateEvent) {
                if (inputShutdown || framer.hasPartial()) {
                    LOG.debug("Closing {}: incomplete message for {} s", connection, PARTIAL_MESSAGE_TIMEOUT_SECONDS);
                    ctx.close();
                }
            } else {
                ctx.fireUserEventTriggered(evt);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof DecoderException && cause.getCause() instanceof SSLException ssl) {
                LOG.info("TLS connection with {} failed: {}", SipTrace.format((InetSocketAddress) ctx.channel().remoteAddress()),
                        ssl.getMessage());
            } else {
                LOG.debug("{} connection {}: {}", spec.protocol().viaName(), connection, cause.toString());
            }
            ctx.close();
        }
    }
}
