package org.jpbx.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade of an HTTP request to a WebSocket (RFC 6455) on a mounted path, with the
 * subprotocol the mount requires (RFC 7118: {@code sip}). A request without that subprotocol is
 * answered 400 (there is nothing else to speak on the path) and a request nobody takes 503.
 */
final class WebSocketUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketUpgrade.class);
    /** The largest WebSocket frame read (a SIP message fits easily). */
    static final int MAX_FRAME = 65536;

    /** A path (below the prefix, no leading slash) where WebSocket connections are taken. */
    record Mount(String path, String subprotocol, WebSocketAcceptor acceptor) {}

    private WebSocketUpgrade() {}

    static boolean isUpgrade(FullHttpRequest r) {
        String upgrade = r.headers().get(HttpHeaderNames.UPGRADE);
        return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains(HttpHeaderValues.WEBSOCKET.toString());
    }

    /** Null when the request may be upgraded, else the answer to give instead. */
    static HttpResponse refusal(FullHttpRequest r, Mount m, boolean secure) {
        if (!r.method().name().equals("GET")) return HttpResponse.error(405, "A WebSocket upgrade must be a GET.");
        String offered = r.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
        boolean hasSub = false;
        if (offered != null) {
            for (String p : offered.split(",")) if (p.strip().equalsIgnoreCase(m.subprotocol())) hasSub = true;
        }
        if (!hasSub) return HttpResponse.error(400, "This WebSocket path speaks the '" + m.subprotocol() + "' subprotocol only.");
        if (!m.acceptor().accepts(secure)) {
            return HttpResponse.error(503, "No " + (secure ? "wss" : "ws") + " transport is configured in pjsip.conf.");
        }
        return null;
    }

    /** Answers the handshake and hands the channel to the mount's acceptor once it is done. */
    static void upgrade(ChannelHandlerContext ctx, FullHttpRequest r, Mount m, boolean secure) {
        String url = (secure ? "wss://" : "ws://") + r.headers().get(HttpHeaderNames.HOST, "localhost") + r.uri();
        WebSocketServerHandshaker hs = new WebSocketServerHandshakerFactory(url, m.subprotocol(), false, MAX_FRAME).newHandshaker(r);
        if (hs == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        var ch = ctx.channel();
        // HTTP's timers and request handling end here: a SIP flow lives as long as its peer keeps it
        ch.pipeline().remove(HttpConnection.class);
        if (ch.pipeline().get(RequestDeadline.class) != null) ch.pipeline().remove(RequestDeadline.class);
        if (ch.pipeline().get(IdleStateHandler.class) != null) ch.pipeline().remove(IdleStateHandler.class);
        io.netty.channel.ChannelFuture done;
        try {
            done = hs.handshake(ch, r);
        } catch (RuntimeException e) {
            // the request was an upgrade in name only (a bad key, a missing header): nothing more to say on it
            LOG.info("WebSocket handshake with {} refused: {}", ch.remoteAddress(), e.getMessage());
            ch.close();
            return;
        }
        done.addListener(f -> {
            if (!f.isSuccess()) {
                LOG.info("WebSocket handshake with {} failed: {}", ch.remoteAddress(), f.cause() == null ? "?" : f.cause().toString());
                ch.close();
            } else if (!m.acceptor().accept(ch, secure)) {
                ch.close();
            } else {
                LOG.debug("WebSocket connection from {} on /{}", ch.remoteAddress(), m.path());
            }
        });
    }
}
