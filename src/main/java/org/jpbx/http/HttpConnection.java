package org.jpbx.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP connection. Requests are answered one at a time in the order received (pipelined
 * requests wait their turn, at most {@value #MAX_PENDING}); everything a request needs is copied
 * out of Netty's buffers on the event loop, the route's handler runs on a virtual thread, and the
 * answer is written back on the event loop. Every failure becomes a status code: nothing is thrown
 * out of this handler and no stack trace reaches a client.
 */
final class HttpConnection extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(HttpConnection.class);
    /** Methods Asterisk's HTTP server knows; the others are answered 501 before any route sees them. */
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");
    private static final int MAX_PENDING = 16;

    /** A request ready to answer: either an answer known already, or a route to ask. */
    private record Work(HttpRequest request, HttpHandler handler, HttpResponse answer, boolean head, boolean keepAlive, String line) {}

    private final HttpServer server;
    private final boolean refused;
    private final boolean secure;
    private final ArrayDeque<Work> queue = new ArrayDeque<>();
    private boolean busy;
    private boolean closing;
    private ScheduledFuture<?> keepAliveTimer;

    HttpConnection(HttpServer server, boolean refused, boolean secure) {
        this.server = server;
        this.refused = refused;
        this.secure = secure;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        RequestDeadline deadline = ctx.pipeline().get(RequestDeadline.class);
        if (deadline != null) deadline.requestComplete();
        Work w;
        try {
            if (!refused && !busy && queue.isEmpty() && WebSocketUpgrade.isUpgrade(request)) {
                WebSocketUpgrade.Mount m = webSocketMount(request);
                if (m != null) {
                    HttpResponse no = WebSocketUpgrade.refusal(request, m, secure);
                    if (no == null) {
                        cancelKeepAlive();
                        WebSocketUpgrade.upgrade(ctx, request, m, secure);
                        return;
                    }
                    LOG.info("WebSocket upgrade from {} refused: {}", ctx.channel().remoteAddress(), no.status());
                    queue.add(answer(no, false, false, request.method().name() + " " + request.uri()));
                    busy = true;
                    next(ctx);
                    return;
                }
            }
            w = prepare(ctx, request);
        } catch (RuntimeException e) {
            LOG.warn("HTTP request from {} could not be read: {}", ctx.channel().remoteAddress(), e.toString());
            w = new Work(null, null, HttpResponse.error(400, "The request could not be understood."), false, false, "?");
        } finally {
            request.release();
        }
        if (closing) return;
        if (queue.size() >= MAX_PENDING) {
            LOG.warn("HTTP connection from {} closed: more than {} pipelined requests", ctx.channel().remoteAddress(), MAX_PENDING);
            closing = true;
            ctx.close();
            return;
        }
        cancelKeepAlive();
        queue.add(w);
        if (!busy) next(ctx);
    }

    private Work prepare(ChannelHandlerContext ctx, FullHttpRequest msg) {
        String line = msg.method().name() + " " + msg.uri();
        DecoderResult dr = msg.decoderResult();
        if (dr.isFailure()) {
            Throwable c = dr.cause();
            int status = c instanceof TooLongHttpLineException ? 414 : c instanceof TooLongHttpHeaderException ? 431 : 400;
            String detail = switch (status) {
                case 414 -> "The request line is longer than " + HttpServer.MAX_LINE + " bytes.";
                case 431 -> "The request headers are larger than " + HttpServer.MAX_HEADERS + " bytes.";
                default -> "The request could not be understood.";
            };
            return answer(HttpResponse.error(status, detail), false, false, "(malformed request)");
        }
        io.netty.handler.codec.http.HttpVersion version = msg.protocolVersion();
        if (!version.protocolName().equals("HTTP")) {
            return answer(HttpResponse.error(400, "The request could not be understood."), false, false, line);
        }
        if (version.majorVersion() != 1) {
            return answer(HttpResponse.error(505, "Only HTTP/1.0 and HTTP/1.1 are served."), false, false, line);
        }
        HttpConf conf = server.conf();
        String method = msg.method().name();
        boolean head = method.equals("HEAD");
        boolean keepAlive = HttpUtil.isKeepAlive(msg) && conf.sessionKeepAliveMs() > 0 && !server.isClosed() && !refused;
        if (refused) {
            return answer(HttpResponse.error(503, "Too many connections; try again later.").header("Retry-After", "5"), head, false, line);
        }
        if (!KNOWN_METHODS.contains(method)) {
            return answer(HttpResponse.error(501, "The method " + method + " is not supported."), false, keepAlive, line);
        }
        RequestTarget target;
        try {
            target = RequestTarget.parse(msg.uri());
        } catch (RequestTarget.BadTarget e) {
            return answer(HttpResponse.error(400, "Bad request target: " + e.getMessage() + "."), head, false, line);
        }
        String path = target.path();
        for (HttpConf.Redirect r : conf.redirects()) {
            if (path.equalsIgnoreCase(r.from())) {
                return answer(HttpResponse.error(302, "Moved to " + r.to() + ".").header("Location", r.to()), head, keepAlive, line);
            }
        }
        HttpRouter.Match match = null;
        String below = belowPrefix(path, conf.prefix());
        if (below != null) match = server.router().find(below);
        if (match == null) {
            return answer(HttpResponse.error(404, "The requested URL was not found on this server."), head, keepAlive, line);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : msg.headers()) {
            headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
        }
        HttpRequest req = new HttpRequest(method, match.rest(), target.query(), headers, ByteBufUtil.getBytes(msg.content()),
                (InetSocketAddress) ctx.channel().localAddress(), (InetSocketAddress) ctx.channel().remoteAddress());
        return new Work(req, match.route().handler(), null, head, keepAlive, line);
    }

    /** The WebSocket mount the request's path names, or null. */
    private WebSocketUpgrade.Mount webSocketMount(FullHttpRequest request) {
        WebSocketUpgrade.Mount m = server.webSocketMount();
        if (m == null || request.decoderResult().isFailure()) return null;
        try {
            String below = belowPrefix(RequestTarget.parse(request.uri()).path(), server.conf().prefix());
            return below != null && below.equals(m.path()) ? m : null;
        } catch (RequestTarget.BadTarget e) {
            return null;
        }
    }

    /** The path below {@code /prefix/} without its leading slash, or null when it is not under the prefix. */
    static String belowPrefix(String path, String prefix) {
        if (prefix.isEmpty()) return path.substring(1);
        int n = prefix.length() + 1;
        if (path.length() <= n || path.charAt(n) != '/' || !path.regionMatches(true, 1, prefix, 0, prefix.length())) return null;
        return path.substring(n + 1);
    }

    private static Work answer(HttpResponse r, boolean head, boolean keepAlive, String line) {
        return new Work(null, null, r, head, keepAlive, line);
    }

    private void next(ChannelHandlerContext ctx) {
        Work w = queue.poll();
        if (w == null) {
            busy = false;
            scheduleKeepAlive(ctx);
            return;
        }
        busy = true;
        if (w.answer() != null) {
            send(ctx, w, w.answer(), null, 0);
            return;
        }
        Thread.ofVirtual().name("http-handler").start(() -> {
            HttpResponse r;
            try {
                r = w.handler().handle(w.request());
                if (r == null) throw new IllegalStateException("handler returned no response");
            } catch (Throwable t) {
                LOG.error("HTTP {} failed in its handler: {}", w.line(), t.toString(), t);
                r = HttpResponse.error(500, "The server could not answer this request.");
            }
            FileChannel file = null;
            long size = 0;
            if (r.file() != null) {
                try {
                    file = FileChannel.open(r.file(), StandardOpenOption.READ);
                    size = file.size();
                } catch (IOException | RuntimeException e) {
                    LOG.warn("HTTP {}: cannot read {}: {}", w.line(), r.file(), e.toString());
                    r = HttpResponse.error(500, "The requested file could not be read.");
                    file = null;
                }
            }
            HttpResponse answer = r;
            FileChannel f = file;
            long length = size;
            try {
                ctx.executor().execute(() -> send(ctx, w, answer, f, length));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                if (f != null) closeQuietly(f); // shutting down: nobody to answer
            }
        });
    }

    /** Writes one answer on the event loop, then closes or goes on with the next request. */
    private void send(ChannelHandlerContext ctx, Work w, HttpResponse r, FileChannel file, long length) {
        HttpConf conf = server.conf();
        if (!ctx.channel().isActive()) {
            if (file != null) closeQuietly(file);
            return;
        }
        boolean keepAlive = w.keepAlive() && !closing;
        LOG.debug("HTTP {} from {}: {}", w.line(), ctx.channel().remoteAddress(), r.status());
        ChannelFuture done;
        if (file == null) {
            done = ctx.writeAndFlush(ResponseWriter.full(conf, r, w.head(), keepAlive));
        } else {
            ctx.write(ResponseWriter.head(conf, r, length, keepAlive));
            if (w.head()) {
                closeQuietly(file);
            } else {
                ctx.write(new DefaultFileRegion(file, 0, length));
            }
            done = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        }
        done.addListener(f -> {
            if (!f.isSuccess() || !keepAlive) {
                closing = true;
                queue.clear();
                ctx.close();
            } else {
                next(ctx);
            }
        });
    }

    private void scheduleKeepAlive(ChannelHandlerContext ctx) {
        long ms = server.conf().sessionKeepAliveMs();
        if (ms > 0 && !closing) keepAliveTimer = ctx.executor().schedule(() -> { if (!busy) ctx.close(); }, ms, TimeUnit.MILLISECONDS);
    }

    private void cancelKeepAlive() {
        if (keepAliveTimer != null) {
            keepAliveTimer.cancel(false);
            keepAliveTimer = null;
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && !busy) {
            LOG.debug("HTTP connection from {} closed: idle", ctx.channel().remoteAddress());
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        cancelKeepAlive();
        queue.clear();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        closing = true;
        ctx.close();
    }

    private static void closeQuietly(FileChannel f) {
        try {
            f.close();
        } catch (IOException ignored) {
            // nothing was sent from it
        }
    }
}
