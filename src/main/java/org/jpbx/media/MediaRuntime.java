package org.jpbx.media;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The event loops RTP runs on: native epoll where available, NIO otherwise. jpbx gives media its
 * own small group ({@code rtp-io} threads) so that SIP lane work never delays a packet and a burst
 * of media never delays SIP; a caller may pass an existing group instead (tests, benchmarks).
 * All sockets of one call are registered on one loop, so relaying a packet never changes thread.
 */
public final class MediaRuntime implements AutoCloseable {
    private final EventLoopGroup group;
    private final boolean epoll;
    private final boolean owned;

    /** A dedicated group of {@code threads} loops. */
    public MediaRuntime(int threads) {
        this.epoll = Epoll.isAvailable();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("rtp-io", true), factory);
        this.owned = true;
    }

    /** Runs on {@code group}, whose loops use epoll when {@code epoll} is true (NIO otherwise); closing leaves the group running. */
    public MediaRuntime(EventLoopGroup group, boolean epoll) {
        this.group = group;
        this.epoll = epoll;
        this.owned = false;
    }

    /** The loop the next call's sockets go on. */
    EventLoop next() { return group.next(); }

    /**
     * A socket of the family of {@code bindAddress}: an IPv4 socket for an IPv4 address, so sending
     * to IPv4 phones needs no IPv4-mapped address per packet (a dual-stack socket would).
     */
    DatagramChannel newChannel(java.net.InetAddress bindAddress) {
        SocketProtocolFamily family = bindAddress instanceof java.net.Inet6Address ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        return epoll ? new EpollDatagramChannel(family) : new NioDatagramChannel(family);
    }

    public boolean usesEpoll() { return epoll; }

    public EventLoopGroup group() { return group; }

    @Override
    public void close() {
        if (owned) group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
