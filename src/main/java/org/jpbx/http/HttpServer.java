package org.jpbx.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP/1.1 server of http.conf, shared by every module that serves HTTP (phoneprov now, the
 * WebSocket transport and the REST API later): they mount {@link HttpRoute}s on its
 * {@link #router()}. Runs on the given event loops; handlers run on virtual threads.
 *
 * <p>Limits: a request line of at most {@value #MAX_LINE} bytes (else 414), headers of at most
 * {@value #MAX_HEADERS} bytes (else 431), a body of at most {@value #MAX_BODY} bytes (else 413);
 * at most {@code sessionlimit} connections (a connection beyond it is answered 503 and closed,
 * and beyond twice the limit closed at once);
 * idle connections closed after {@code session_inactivity}, or {@code session_keep_alive} between
 * requests; a request must arrive whole within {@code session_inactivity} of its first byte.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    static final int MAX_LINE = 4096;
    static final int MAX_HEADERS = 8192;
    static final int MAX_BODY = 65536;
    /** How long a connection refused for the session limit may take to send its request. */
    static final long REFUSED_TIMEOUT_MS = 5000;

    private final EventLoopGroup group;
    private final Class<? extends ServerChannel> channelClass;
    private final HttpRouter router = new HttpRouter();
    private final ChannelGroup connections = new DefaultChannelGroup("http", GlobalEventExecutor.INSTANCE);
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile HttpConf conf;
    private Channel listener;
    private volatile InetSocketAddress bound;
    private Channel tlsListener;
    private volatile InetSocketAddress tlsBound;
    private volatile SslContext tlsContext;
    private volatile WebSocketUpgrade.Mount webSocket;
    private volatile boolean closed;

    public HttpServer(EventLoopGroup group, Class<? extends ServerChannel> channelClass, HttpConf conf) {
        this.group = Objects.requireNonNull(group);
        this.channelClass = Objects.requireNonNull(channelClass);
        this.conf = Objects.requireNonNull(conf);
    }

    public HttpRouter router() { return router; }

    public HttpConf conf() { return conf; }

    /** The address actually listened on, or null when not listening. */
    public InetSocketAddress boundAddress() { return bound; }

    /** The address HTTPS is listened on, or null. */
    public InetSocketAddress tlsBoundAddress() { return tlsBound; }

    /**
     * Takes WebSocket upgrades on {@code /<prefix>/<path>} that offer {@code subprotocol}, over
     * HTTP and HTTPS alike (RFC 6455; RFC 7118 for SIP).
     */
    public void mountWebSocket(String path, String subprotocol, WebSocketAcceptor acceptor) {
        webSocket = new WebSocketUpgrade.Mount(path.startsWith("/") ? path.substring(1) : path, subprotocol, acceptor);
    }

    WebSocketUpgrade.Mount webSocketMount() { return webSocket; }

    /** Connections open now (within the session limit). */
    public int sessions() { return sessions.get(); }

    /** Starts listening as the settings say; returns a line saying what happened (logged too). */
    public synchronized String start() {
        String plain = bind(conf);
        String tls = bindTls(conf);
        return tls == null ? plain : plain + "; " + tls;
    }

    /**
     * Applies new settings (reload). The listener is reopened only when enabled or the address
     * changed; prefix, limits, timeouts and the server name apply to the next request or connection.
     */
    public synchronized String apply(HttpConf next) {
        HttpConf old = conf;
        conf = next;
        String tls = applyTls(old, next);
        boolean sameListener = Objects.equals(old.runs() ? old.bind() : null, next.runs() ? next.bind() : null);
        if (sameListener && (listener != null || !next.runs())) return tls;
        stopListening();
        String plain = bind(next);
        return tls == null ? plain : plain + "; " + tls;
    }

    /**
     * HTTPS on reload: a new address reopens the listener; otherwise the certificate and key are
     * read again and used for new connections, the established ones keep theirs.
     */
    private String applyTls(HttpConf old, HttpConf next) {
        HttpConf.Https before = old.enabled() ? old.tls() : null;
        HttpConf.Https after = next.enabled() ? next.tls() : null;
        if (after != null && before != null && after.bind().equals(before.bind()) && tlsListener != null) {
            try {
                tlsContext = tlsContext(after);
                return null;
            } catch (Exception e) {
                String msg = "HTTPS: tlscertfile/tlsprivatekey could not be read again (" + e.getMessage() + "); the running certificate stays";
                LOG.error(msg);
                return msg;
            }
        }
        if (Objects.equals(before, after) && (tlsListener != null) == (after != null)) return null;
        stopTls();
        return bindTls(next);
    }

    private static SslContext tlsContext(HttpConf.Https https) throws Exception {
        return SslContextBuilder.forServer(https.certFile().toFile(), https.privateKey().toFile()).build();
    }

    private String bindTls(HttpConf c) {
        if (closed || !c.enabled() || c.tls() == null) return null;
        HttpConf.Https https = c.tls();
        try {
            tlsContext = tlsContext(https);
            ServerBootstrap b = new ServerBootstrap()
                    .group(group)
                    .channel(channelClass)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(tlsContext.newHandler(ch.alloc()));
                            initConnection(ch, true);
                        }
                    });
            tlsListener = b.bind(https.bind()).syncUninterruptibly().channel();
            tlsBound = (InetSocketAddress) tlsListener.localAddress();
            String msg = "HTTPS server listening on " + address(tlsBound);
            LOG.info(msg);
            return msg;
        } catch (Exception e) {
            tlsListener = null;
            tlsBound = null;
            String msg = "HTTPS server could not listen on " + address(https.bind()) + ": " + e.getMessage();
            LOG.error(msg);
            return msg;
        }
    }

    private void stopTls() {
        if (tlsListener != null) {
            tlsListener.close().syncUninterruptibly();
            tlsListener = null;
            tlsBound = null;
        }
    }

    private String bind(HttpConf c) {
        if (closed) return null;
        if (!c.enabled()) return "HTTP server disabled (http.conf: enabled=no or no http.conf)";
        if (c.bind() == null) return "HTTP server not started: no usable bindaddr in http.conf";
        try {
            ServerBootstrap b = new ServerBootstrap()
                    .group(group)
                    .channel(channelClass)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            initConnection(ch, false);
                        }
                    });
            listener = b.bind(c.bind()).syncUninterruptibly().channel();
            bound = (InetSocketAddress) listener.localAddress();
            String msg = "HTTP server listening on " + address(bound) + (c.prefix().isEmpty() ? "" : " (prefix /" + c.prefix() + ")");
            LOG.info(msg);
            return msg;
        } catch (Exception e) {
            listener = null;
            bound = null;
            String msg = "HTTP server could not listen on " + address(c.bind()) + ": " + e.getMessage();
            LOG.error(msg);
            return msg;
        }
    }

    private void initConnection(SocketChannel ch, boolean secure) {
        HttpConf c = conf;
        ChannelPipeline p = ch.pipeline();
        HttpDecoderConfig decoder = new HttpDecoderConfig().setMaxInitialLineLength(MAX_LINE).setMaxHeaderSize(MAX_HEADERS)
                .setMaxChunkSize(8192);
        boolean counted = sessions.incrementAndGet() <= c.sessionLimit();
        if (!counted) {
            sessions.decrementAndGet();
            // a refused connection is told so (503) if it asks soon; a flood of them is simply closed
            if (refused.incrementAndGet() > c.sessionLimit()) {
                refused.decrementAndGet();
                ch.close();
                return;
            }
            ch.closeFuture().addListener(f -> refused.decrementAndGet());
            LOG.warn("HTTP connection from {} refused: sessionlimit={} reached", ch.remoteAddress(), c.sessionLimit());
            p.addLast(new IdleStateHandler(0, 0, REFUSED_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        } else {
            ch.closeFuture().addListener(f -> sessions.decrementAndGet());
            p.addLast(new IdleStateHandler(c.sessionInactivityMs(), 0, 0, TimeUnit.MILLISECONDS));
        }
        p.addLast(new RequestDeadline(counted ? c.sessionInactivityMs() : REFUSED_TIMEOUT_MS));
        p.addLast(new HttpServerCodec(decoder));
        p.addLast(new BoundedAggregator(MAX_BODY, this));
        p.addLast(new HttpConnection(this, !counted, secure));
        connections.add(ch);
    }

    private void stopListening() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
            listener = null;
            bound = null;
        }
    }

    private static String address(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** Stops listening and closes every connection. */
    @Override
    public synchronized void close() {
        closed = true;
        stopListening();
        stopTls();
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    boolean isClosed() { return closed; }
}
