package org.jpbx.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jpbx.sip.message.IpText;
import org.jpbx.sip.message.SipMessage;
import org.jpbx.sip.message.SipUri;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipResponse;
import org.jpbx.sip.message.SipWriter;
import org.jpbx.sip.message.Via;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All transports of one server: binds the pjsip.conf transports, passes every parsed message to
 * the stack, and sends messages out along the rules of RFC 3261 §18.
 */
public final class TransportLayer implements MessageSender, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransportLayer.class);
    /** RFC 3261 §18.1.1: a request within 200 bytes of the path MTU (1500) must go over a congestion-controlled transport. */
    static final int UDP_SIZE_LIMIT = 1300;

    /**
     * A contact URI parameter naming the transport a request to it must leave on (set by the
     * registrar for transports with symmetric_transport=yes); never sent.
     */
    public static final String TRANSPORT_PARAM = "x-ast-txp";

    /**
     * A header naming the transport a request must leave on, for senders whose configuration names
     * one (a registration over a flow). Removed before the request is written: it is never sent.
     */
    public static final String TRANSPORT_HEADER = "X-Jpbx-Transport";

    private final NettyRuntime rt;
    private final RouteProbe routes = new RouteProbe();
    private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final InboundDecoder decoder;
    private final SipTrace trace;
    private final boolean disableTcpSwitch;

    /**
     * @param disableTcpSwitch pjsip.conf system {@code disable_tcp_switch} (Asterisk's default yes):
     *     keep large requests on UDP instead of switching to TCP
     * @param rt the event loops; owned by the caller, which shuts them down after {@link #close}
     */
    public TransportLayer(List<TransportSpec> specs, InboundListener listener, SipTrace trace, boolean disableTcpSwitch, NettyRuntime rt) {
        this.rt = rt;
        this.trace = trace;
        this.disableTcpSwitch = disableTcpSwitch;
        this.decoder = new InboundDecoder(listener, trace);
        for (TransportSpec s : specs) listeners.add(listenerFor(s));
    }

    private Listener listenerFor(TransportSpec s) {
        return switch (s.protocol()) {
            case UDP -> new UdpListener(s, decoder, trace);
            case TCP, TLS -> s.bind() == null ? new FlowTransport(s, decoder, trace) : new TcpTransport(s, decoder, trace);
            case WS, WSS -> new WebSocketTransport(s, decoder, trace);
        };
    }

    /**
     * Whether a WebSocket transport takes upgraded HTTP connections: one of the same security
     * (ws for HTTP, wss for HTTPS), else any WebSocket transport.
     */
    public boolean acceptsWebSocket(boolean secure) { return webSocketFor(secure) != null; }

    /** Hands an upgraded connection to a WebSocket transport; false (and nothing done) when none is configured. */
    public boolean acceptWebSocket(io.netty.channel.Channel ch, boolean secure) {
        WebSocketTransport t = webSocketFor(secure);
        if (t == null) return false;
        t.accept(ch, secure ? TransportProtocol.WSS : TransportProtocol.WS);
        return true;
    }

    /** The HTTP and HTTPS addresses, shown as the local address of the WebSocket transports. */
    public void webSocketAddresses(InetSocketAddress http, InetSocketAddress https) {
        for (Listener l : listeners) {
            if (l instanceof WebSocketTransport w) w.listeningOn(l.spec().protocol() == TransportProtocol.WSS && https != null ? https : http);
        }
    }

    private WebSocketTransport webSocketFor(boolean secure) {
        TransportProtocol want = secure ? TransportProtocol.WSS : TransportProtocol.WS;
        WebSocketTransport any = null;
        for (Listener l : listeners) {
            if (!(l instanceof WebSocketTransport w)) continue;
            if (l.spec().protocol() == want) return w;
            if (any == null) any = w;
        }
        return any;
    }

    /** Binds one more transport (a reload added it, or rebinds it with allow_reload=yes). */
    public void bind(TransportSpec spec) throws TransportException {
        Listener l = listenerFor(spec);
        try {
            l.bind(rt);
        } catch (Exception e) {
            throw new TransportException("Transport '" + spec.name() + "': cannot bind " + spec.protocol().viaName() + " "
                    + SipTrace.format(spec.bind()) + ": " + e.getMessage(), e);
        }
        listeners.add(l);
        logStarted(l);
    }

    private static void logStarted(Listener l) {
        TransportSpec s = l.spec();
        if (l instanceof WebSocketTransport) {
            LOG.info("Transport {} takes {} connections upgraded on the HTTP server's /ws", s.name(), s.protocol().viaName());
        } else if (l instanceof FlowTransport) {
            LOG.info("Transport {} is a flow: outgoing TCP/TLS connections only", s.name());
        } else {
            LOG.info("Transport {} listening on {}:{}{}", s.name(), s.protocol().viaName(), SipTrace.format(l.localAddress()),
                    s.protocol() == TransportProtocol.TLS ? " (" + TlsContexts.engine() + " TLS engine)" : "");
        }
    }

    /** Closes the named transport and its connections. */
    public boolean unbind(String name) {
        for (Listener l : listeners) {
            if (l.spec().name().equals(name)) {
                listeners.remove(l);
                l.close();
                LOG.info("Transport {} closed", name);
                return true;
            }
        }
        return false;
    }

    /** The spec a transport was bound with, or null. */
    public TransportSpec spec(String name) {
        for (Listener l : listeners) if (l.spec().name().equals(name)) return l.spec();
        return null;
    }

    /** Binds every transport; on failure closes what was bound and says which transport failed. */
    public void start() throws TransportException {
        for (Listener l : listeners) {
            try {
                l.bind(rt);
                logStarted(l);
            } catch (Exception e) {
                close();
                throw new TransportException("Transport '" + l.spec().name() + "': cannot bind " + l.spec().protocol().viaName() + " "
                        + SipTrace.format(l.spec().bind()) + ": " + e.getMessage(), e);
            }
        }
    }

    public SipTrace trace() { return trace; }

    private volatile io.netty.util.concurrent.ScheduledFuture<?> keepAliveTask;
    private long lastKeepAlive = System.nanoTime();

    /**
     * Sends CRLF keep-alives on every TCP and TLS connection each {@code intervalSeconds} (the
     * global keep_alive_interval, read at every tick so that a reload applies; 0 = none).
     */
    public void keepAlives(java.util.function.LongSupplier intervalSeconds) {
        keepAliveTask = rt.group.next().scheduleAtFixedRate(() -> {
            try {
                long interval = intervalSeconds.getAsLong();
                long now = System.nanoTime();
                if (interval <= 0 || now - lastKeepAlive < java.util.concurrent.TimeUnit.SECONDS.toNanos(interval)) return;
                lastKeepAlive = now;
                for (Listener l : listeners) {
                    if (l instanceof TcpTransport t) t.sendKeepAlives();
                    else if (l instanceof FlowTransport f) f.sendKeepAlives();
                }
            } catch (RuntimeException e) {
                LOG.warn("Keep-alives not sent: {}", e.toString());
            }
        }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** What is bound, for the CLI: name, protocol and the actual local address. */
    public List<BoundTransport> bound() {
        List<BoundTransport> out = new ArrayList<>();
        for (Listener l : listeners) out.add(new BoundTransport(l.spec().name(), l.spec().protocol(), l.localAddress()));
        return Collections.unmodifiableList(out);
    }

    public record BoundTransport(String name, TransportProtocol protocol, InetSocketAddress local) {}

    /**
     * Sends a response to the request that came in as {@code request} (RFC 3261 §18.2.2).
     * Over a stream: on the request's connection while it is open, else on a connection to the
     * source. Over UDP: to the source address and port the request came from. That is
     * {@code force_rport=yes}, Asterisk's endpoint default; jpbx applies it to every response so
     * that no response is ever sent to an address a message merely claims in its Via.
     */
    @Override
    public byte[] sendResponse(SipResponse response, Inbound request) {
        NatSettings nat = natOf(request.flow());
        // a REGISTER's 200 lists the registered bindings: those are the phone's, not ours
        if (nat.rewritesFor(request.source().getAddress())) {
            String method;
            try {
                method = response.cseq() == null ? null : response.cseq().method();
            } catch (RuntimeException badCSeq) {
                method = null; // a 400 to a request with a malformed CSeq carries no Contact anyway
            }
            if (!"REGISTER".equals(method) && !(response.status() == 302 && "INVITE".equals(method))) OutgoingHeaders.externalContact(response, nat);
        }
        byte[] wire = SipWriter.toBytes(response);
        sendWire(wire, request.flow());
        return wire;
    }

    @Override
    public void sendWire(byte[] wire, Flow flow) {
        if (flow.isOpen() || flow.protocol() == TransportProtocol.UDP) {
            flow.send(Unpooled.wrappedBuffer(wire));
            return;
        }
        if (flow.protocol() == TransportProtocol.WS || flow.protocol() == TransportProtocol.WSS) {
            LOG.info("Response to {} not sent: its WebSocket connection is closed", SipTrace.format(flow.remote()));
            return;
        }
        TcpTransport tcp = tcpFor(flow.transportName());
        if (tcp == null) return;
        tcp.connect(flow.remote()).whenComplete((f, err) -> {
            if (err != null) LOG.info("Response to {} not sent: {}", SipTrace.format(flow.remote()), err.getMessage());
            else f.send(Unpooled.wrappedBuffer(wire));
        });
    }

    /** Writes a message on a flow. */
    @Override
    public void send(SipMessage m, Flow flow) {
        ByteBuf buf = ByteBufAllocator.DEFAULT.ioBuffer(512 + m.body().length);
        try {
            SipWriter.write(m, buf);
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
        flow.send(buf);
    }

    /**
     * Resolves a flow for sending a request to {@code remote} over {@code protocol}: the UDP
     * listener, or an open or new TCP connection. A request that is too large for UDP moves to
     * TCP unless disable_tcp_switch is set (RFC 3261 §18.1.1).
     */
    public CompletableFuture<Flow> flowFor(TransportProtocol protocol, InetSocketAddress remote, int messageSize) {
        if (protocol == TransportProtocol.UDP && messageSize > UDP_SIZE_LIMIT && !disableTcpSwitch) {
            TcpTransport tcp = firstTcp();
            if (tcp != null) return tcp.connect(remote);
        }
        if (protocol == TransportProtocol.WS || protocol == TransportProtocol.WSS) {
            // a WebSocket client cannot be connected to: only its own connection reaches it (RFC 7118 §5)
            for (Listener l : listeners) {
                if (l instanceof WebSocketTransport w) {
                    Flow f = w.connectionTo(remote);
                    if (f != null) return CompletableFuture.completedFuture(f);
                }
            }
            return CompletableFuture.failedFuture(new TransportException("no WebSocket connection from " + SipTrace.format(remote) + " is open"));
        }
        Listener pick = null;
        for (Listener l : listeners) {
            if (l.spec().protocol() != protocol || l instanceof FlowTransport) continue; // a flow serves only who names it
            if (pick == null) pick = l;
            // a transport bound to the destination's address family (or to a wildcard) can reach it
            if (canReach(l, remote)) {
                pick = l;
                break;
            }
        }
        if (pick instanceof UdpListener u) return CompletableFuture.completedFuture(u.flowTo(remote));
        if (pick instanceof TcpTransport t) return t.connect(remote);
        return CompletableFuture.failedFuture(new TransportException("no " + protocol.viaName() + " transport is configured"));
    }

    /** Sends a request: fixes the top Via's transport and sent-by to the flow it leaves on. */
    @Override
    public CompletableFuture<Flow> sendRequest(SipRequest request, TransportProtocol protocol, InetSocketAddress remote,
                                               java.util.function.Consumer<Flow> beforeSend) {
        String header = request.header(TRANSPORT_HEADER);
        if (header != null) request.removeHeader(TRANSPORT_HEADER);
        // a contact's own transport (symmetric_transport) comes before the one its sender names
        String txp = request.requestUri() instanceof SipUri u ? u.param(TRANSPORT_PARAM) : null;
        String token = request.requestUri() instanceof SipUri u ? u.param(FlowTokens.PARAM) : null;
        String named = txp != null ? txp : header;
        // the size only matters where it can move a request from UDP to TCP: encode to measure only then
        int size = token == null && protocol == TransportProtocol.UDP && !disableTcpSwitch ? SipWriter.toBytes(request).length : 0;
        CompletableFuture<Flow> chosen = token != null ? flowByToken(token, remote)
                : named != null ? flowOn(named, protocol, remote, size) : flowFor(protocol, remote, size);
        return chosen.thenApply(flow -> {
            Via top = request.topVia();
            NatSettings nat = natOf(flow);
            boolean external = nat.rewritesFor(flow.remote().getAddress());
            if (top != null) {
                InetSocketAddress local = advertised(flow);
                String host = org.jpbx.sip.message.IpText.host(local.getAddress());
                int port = local.getPort();
                if (external) {
                    host = OutgoingHeaders.hostText(nat.externalSignalingAddress());
                    if (nat.externalSignalingPort() > 0) port = nat.externalSignalingPort();
                }
                Via fixed = new Via(top.protocol(), flow.protocol().viaName(), host, port, top.params());
                request.replaceFirst("Via", fixed.toString());
            }
            if (external) OutgoingHeaders.externalContact(request, nat);
            else if (named != null && isFlow(named) && flow.local() != null) {
                // a flow listens nowhere: only its connection reaches jpbx, so the Contact names that
                OutgoingHeaders.contactAt(request, IpText.host(flow.local().getAddress()), flow.local().getPort());
            }
            OutgoingHeaders.stripInternalParams(request);
            if (beforeSend != null) beforeSend.accept(flow);
            send(request, flow);
            return flow;
        });
    }

    /**
     * RFC 5626 §5.3: a request to a contact registered over a flow goes over that connection; when
     * it is gone (or its peer has shut down its side) the request fails with 430 (Flow Failed)
     * rather than opening a new connection to an address behind the client's NAT.
     */
    private CompletableFuture<Flow> flowByToken(String token, InetSocketAddress remote) {
        for (Listener l : listeners) {
            Flow f = l instanceof TcpTransport t ? t.connectionTo(remote)
                    : l instanceof WebSocketTransport w ? w.connectionTo(remote) : null;
            if (f == null || !token.equals(f.token())) continue;
            if (f instanceof TcpConnection c && c.isPeerGone()) break;
            return CompletableFuture.completedFuture(f);
        }
        return CompletableFuture.failedFuture(new FlowFailedException("the flow from " + SipTrace.format(remote) + " that registered this contact is gone"));
    }

    private static boolean canReach(Listener l, InetSocketAddress remote) {
        InetSocketAddress local = l.localAddress();
        if (local == null || remote.getAddress() == null) return true;
        java.net.InetAddress a = local.getAddress();
        if (a.isAnyLocalAddress()) return a instanceof java.net.Inet6Address || remote.getAddress() instanceof java.net.Inet4Address;
        return a.getClass() == remote.getAddress().getClass();
    }

    /**
     * The NAT settings of the transport a flow belongs to: the call layer asks
     * {@code natFor(flow).rewritesMediaFor(peer)} whether its SDP must name external_media_address.
     */
    public NatSettings natFor(Flow flow) { return natOf(flow); }

    /** The NAT settings of the transport named {@code transportName} (none when there is no such transport). */
    public NatSettings natFor(String transportName) {
        for (Listener l : listeners) if (l.spec().name().equals(transportName)) return l.spec().nat();
        return NatSettings.NONE;
    }

    private NatSettings natOf(Flow flow) {
        for (Listener l : listeners) if (l.spec().name().equals(flow.transportName())) return l.spec().nat();
        return NatSettings.NONE;
    }

    /** The named transport's flow to {@code remote} (symmetric_transport); the usual choice when it is gone. */
    private CompletableFuture<Flow> flowOn(String name, TransportProtocol protocol, InetSocketAddress remote, int size) {
        for (Listener l : listeners) {
            if (!l.spec().name().equals(name)) continue;
            boolean webSocket = protocol == TransportProtocol.WS || protocol == TransportProtocol.WSS;
            boolean fits = l instanceof FlowTransport || l.spec().protocol() == protocol
                    || (webSocket && l instanceof WebSocketTransport);
            if (!fits) break; // a transport of another protocol cannot carry it: the usual choice
            if (l instanceof UdpListener u) return CompletableFuture.completedFuture(u.flowTo(remote));
            if (l instanceof TcpTransport t) return t.connect(remote);
            if (l instanceof FlowTransport f) {
                return f.connect(protocol == TransportProtocol.TLS || protocol == TransportProtocol.WSS ? TransportProtocol.TLS : TransportProtocol.TCP, remote);
            }
            if (l instanceof WebSocketTransport w && w.connectionTo(remote) != null) return CompletableFuture.completedFuture(w.connectionTo(remote));
        }
        return flowFor(protocol, remote, size);
    }

    private boolean isFlow(String name) {
        for (Listener l : listeners) if (l instanceof FlowTransport && l.spec().name().equals(name)) return true;
        return false;
    }

    private InetSocketAddress advertised(Flow flow) {
        InetSocketAddress local = flow.local();
        if (local != null && !local.getAddress().isAnyLocalAddress()) return local;
        for (Listener l : listeners) {
            if (!l.spec().name().equals(flow.transportName())) continue;
            InetSocketAddress bound = l.localAddress();
            if (bound == null || !bound.getAddress().isAnyLocalAddress()) return bound;
            // a wildcard bind: the address the kernel sends from towards the peer
            return new InetSocketAddress(routes.from(flow.remote().getAddress(), bound.getAddress()), bound.getPort());
        }
        return local;
    }

    private TcpTransport tcpFor(String name) {
        for (Listener l : listeners) if (l instanceof TcpTransport t && l.spec().name().equals(name)) return t;
        return firstTcp();
    }

    private TcpTransport firstTcp() {
        for (Listener l : listeners) if (l instanceof TcpTransport t && l.spec().protocol() == TransportProtocol.TCP) return t;
        return null;
    }

    /**
     * Loads a TLS transport's certificates and settings again: connections made from now on use
     * them, established ones keep what they negotiated. False when the transport is not TLS or
     * not bound; throws (and keeps the running context) when the files cannot be used.
     */
    public boolean reloadTls(String name, TlsSettings settings) throws java.io.IOException {
        for (Listener l : listeners) {
            if (l instanceof TcpTransport t && l.spec().name().equals(name) && l.spec().protocol() == TransportProtocol.TLS) {
                t.reloadTls(settings);
                return true;
            }
            if (l instanceof FlowTransport f && l.spec().name().equals(name)) {
                f.reloadTls(settings);
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        var task = keepAliveTask;
        if (task != null) task.cancel(false);
        for (Listener l : listeners) {
            try {
                l.close();
            } catch (RuntimeException e) {
                LOG.debug("closing {}: {}", l.spec().name(), e.toString());
            }
        }
    }
}
