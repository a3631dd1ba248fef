package org.jpbx.media;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands a leg socket's datagrams to its leg; nothing thrown here ever leaves the handler. */
final class LegHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(LegHandler.class);

    private final RelayLeg leg;
    private final boolean rtcp;

    LegHandler(RelayLeg leg, boolean rtcp) {
        this.leg = leg;
        this.rtcp = rtcp;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket p)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            if (rtcp) leg.rtcpPacket(p);
            else leg.rtpPacket(p);
        } catch (RuntimeException e) {
            // The leg released or handed off the packet in its finally block; count nothing more.
            LOG.debug("{}: packet from {} not relayed: {}", leg, p.sender(), e.toString());
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        leg.session().flushDirty();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // ICMP errors and socket errors surface here; the leg stays up, as RTP is loss-tolerant.
        LOG.debug("{}: {}", leg, cause.toString());
    }
}
