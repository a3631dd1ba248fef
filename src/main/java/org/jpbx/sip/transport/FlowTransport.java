package org.jpbx.sip.transport;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * A pjsip.conf transport with protocol=flow: no socket and no bind of its own, only the outgoing
 * TCP or TLS connections to the targets of the objects that name it (the protocol follows the
 * target URI). Every object that sends over the flow to one target shares one connection; the
 * TLS options of the flow object apply to its TLS connections.
 */
final class FlowTransport implements Listener {
    private final TransportSpec spec;
    private final TcpTransport tcp;
    private final TcpTransport tls;
    private volatile InetSocketAddress lastLocal;

    FlowTransport(TransportSpec spec, InboundDecoder decoder, SipTrace trace) {
        this.spec = spec;
        this.tcp = new TcpTransport(new TransportSpec(spec.name(), TransportProtocol.TCP, null, null, spec.nat(), spec.sockets()), decoder, trace);
        this.tls = new TcpTransport(new TransportSpec(spec.name(), TransportProtocol.TLS, null,
                spec.tls() != null ? spec.tls() : TlsSettings.clientDefaults(), spec.nat(), spec.sockets()), decoder, trace);
    }

    @Override
    public void bind(NettyRuntime rt) throws Exception {
        tcp.bind(rt);
        tls.bind(rt);
    }

    @Override public TransportSpec spec() { return spec; }

    /** The local address of the last connection opened (a flow listens nowhere). */
    @Override public InetSocketAddress localAddress() { return lastLocal; }

    CompletableFuture<Flow> connect(TransportProtocol protocol, InetSocketAddress remote) {
        TcpTransport t = protocol == TransportProtocol.TLS ? tls : tcp;
        return t.connect(remote).thenApply(f -> {
            if (f.local() != null) lastLocal = f.local();
            return f;
        });
    }

    void sendKeepAlives() {
        tcp.sendKeepAlives();
        tls.sendKeepAlives();
    }

    void reloadTls(TlsSettings settings) throws java.io.IOException { tls.reloadTls(settings); }

    @Override
    public void close() {
        tcp.close();
        tls.close();
    }
}
