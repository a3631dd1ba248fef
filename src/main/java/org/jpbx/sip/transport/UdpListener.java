package org.jpbx.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.Socket;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** A UDP transport: one datagram is one message (RFC 3261 §18.3); bytes past Content-Length are ignored. */
final class UdpListener implements Listener {
    private final TransportSpec spec;
    private final InboundDecoder decoder;
    private final SipTrace trace;
    private Channel channel;
    /**
     * The channel's socket, for datagrams sent from other event loops (the lanes): a datagram is
     * one sendto, which needs no ordering with the channel's own writes, so it goes straight out
     * instead of being queued to the channel's loop and waking it. Null on NIO.
     */
    private volatile Socket socket;
    private InetSocketAddress local;

    /** Each event loop's staging buffer for {@link Socket#sendTo}, which takes direct memory, for a message written to heap memory. */
    private static final FastThreadLocal<ByteBuffer> STAGING = new FastThreadLocal<>() {
        @Override
        protected ByteBuffer initialValue() { return ByteBuffer.allocateDirect(MAX_DATAGRAM); }
    };
    private static final int MAX_DATAGRAM = 65_535;

    UdpListener(TransportSpec spec, InboundDecoder decoder, SipTrace trace) {
        this.spec = spec;
        this.decoder = decoder;
        this.trace = trace;
    }

    @Override
    public void bind(NettyRuntime rt) throws InterruptedException {
        Bootstrap b = new Bootstrap()
                .group(rt.group)
                .channel(rt.datagramChannel())
                .option(ChannelOption.SO_RCVBUF, 4 << 20)
                .option(ChannelOption.SO_SNDBUF, 4 << 20)
                .handler(new Handler());
        SocketTuning.apply(b, SocketTuning.datagram(spec, rt.epoll));
        channel = b.bind(spec.bind()).sync().channel();
        local = (InetSocketAddress) channel.localAddress();
        if (channel instanceof EpollDatagramChannel epoll && epoll.fd() instanceof Socket s) socket = s;
    }

    @Override public TransportSpec spec() { return spec; }
    @Override public InetSocketAddress localAddress() { return local; }

    @Override
    public void close() {
        if (channel != null) channel.close().syncUninterruptibly();
    }

    Flow flowTo(InetSocketAddress remote) { return new UdpFlow(remote); }

    private final class Handler extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket pkt) {
            ByteBuf c = pkt.content();
            int len = c.readableBytes();
            if (isKeepAlive(c, len)) return; // CRLF keep-alives over UDP need no answer
            if (StunResponder.isStun(c)) {
                ByteBuf answer = StunResponder.answer(c, pkt.sender(), ctx.alloc());
                if (answer != null) ctx.writeAndFlush(new DatagramPacket(answer, pkt.sender()), ctx.voidPromise());
                return;
            }
            byte[] bytes = new byte[len];
            c.getBytes(c.readerIndex(), bytes);
            decoder.decode(bytes, 0, len, new UdpFlow(pkt.sender()), true);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP errors and the like surface here; the listener stays up.
            org.slf4j.LoggerFactory.getLogger(UdpListener.class).debug("UDP {}: {}", spec.name(), cause.toString());
        }
    }

    private static boolean isKeepAlive(ByteBuf c, int len) {
        if (len > 4) return false;
        for (int i = 0; i < len; i++) {
            byte b = c.getByte(c.readerIndex() + i);
            if (b != '\r' && b != '\n') return false;
        }
        return true;
    }

    private final class UdpFlow implements Flow {
        private final InetSocketAddress remote;

        UdpFlow(InetSocketAddress remote) { this.remote = remote; }

        @Override public TransportProtocol protocol() { return TransportProtocol.UDP; }
        @Override public String transportName() { return spec.name(); }
        @Override public InetSocketAddress remote() { return remote; }
        @Override public InetSocketAddress local() { return local; }
        @Override public boolean isOpen() { return channel.isActive(); }
        @Override public void close() {}

        @Override
        public void send(ByteBuf bytes) {
            if (trace.isEnabled()) trace.transmitted(ByteBufs.copy(bytes), TransportProtocol.UDP, remote);
            if (sentDirectly(bytes)) return;
            channel.writeAndFlush(new DatagramPacket(bytes, remote), channel.voidPromise());
        }

        /**
         * Sends from another event loop on the socket itself; false (nothing sent, {@code bytes}
         * untouched) where that does not apply or the socket's buffer is full, and the channel's
         * loop sends it instead.
         */
        private boolean sentDirectly(ByteBuf bytes) {
            Socket s = socket;
            int length = bytes.readableBytes();
            if (s == null || length > MAX_DATAGRAM || !(Thread.currentThread() instanceof FastThreadLocalThread)
                    || channel.eventLoop().inEventLoop() || remote.isUnresolved()) {
                return false;
            }
            ByteBuffer from;
            int at;
            if (bytes.isDirect() && bytes.nioBufferCount() == 1) { // the usual case: sent from where it was written
                from = bytes.internalNioBuffer(bytes.readerIndex(), length);
                at = from.position();
            } else {
                from = STAGING.get();
                from.clear();
                bytes.getBytes(bytes.readerIndex(), from.limit(length));
                at = 0;
            }
            try {
                if (s.sendTo(from, at, at + length, remote.getAddress(), remote.getPort()) < length) return false;
            } catch (IOException e) {
                return false; // the channel's write reports it (ICMP errors, a closed socket) as it always did
            }
            bytes.release();
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof UdpFlow f && f.remote.equals(remote) && f.owner() == owner();
        }

        private UdpListener owner() { return UdpListener.this; }

        @Override public int hashCode() { return remote.hashCode(); }
        @Override public String toString() { return "UDP:" + SipTrace.format(remote); }
    }
}
