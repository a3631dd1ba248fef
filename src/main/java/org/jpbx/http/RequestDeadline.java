package org.jpbx.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request is not complete within {@code session_inactivity} of its
 * first byte. The idle timer alone would let a client that sends one byte now and then hold a
 * session for hours; this bounds the time one request may take to arrive.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);
    private final long ms;
    private ScheduledFuture<?> timer;

    RequestDeadline(long ms) { this.ms = ms; }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (timer == null) {
            timer = ctx.executor().schedule(() -> {
                LOG.debug("HTTP connection from {} closed: request not complete within {} ms", ctx.channel().remoteAddress(), ms);
                ctx.close();
            }, ms, TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    /** A whole request arrived: the next one gets its own deadline when its first byte comes. Event loop only. */
    void requestComplete() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        requestComplete();
        ctx.fireChannelInactive();
    }
}
