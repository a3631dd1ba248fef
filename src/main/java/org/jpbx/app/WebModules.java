package org.jpbx.app;

import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jpbx.conf.Diagnostics;
import org.jpbx.http.HttpCommands;
import org.jpbx.http.HttpConf;
import org.jpbx.http.HttpServer;
import org.jpbx.manage.CommandRegistry;
import org.jpbx.phoneprov.Phoneprov;
import org.jpbx.phoneprov.PhoneprovCommands;
import org.jpbx.phoneprov.Provisioning;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.sip.transport.NettyRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of http.conf and what is mounted on it (phone provisioning). Read with the rest
 * of the configuration, started once the event loops run, reloaded with every reload.
 */
final class WebModules implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebModules.class);

    private final Path configDir;
    private final HttpConf httpConf;
    private final Phoneprov phoneprov;
    private HttpServer http;

    private WebModules(Path configDir, HttpConf httpConf, Provisioning provisioning) {
        this.configDir = configDir;
        this.httpConf = httpConf;
        this.phoneprov = new Phoneprov(configDir, provisioning);
    }

    /** Reads http.conf and phoneprov.conf; problems go to {@code diag} (check-config uses this too). */
    static WebModules load(Path configDir, PjsipConfig pjsip, Diagnostics diag) {
        HttpConf http = HttpConf.load(configDir, Version.current(), diag);
        Provisioning provisioning = Phoneprov.load(configDir, pjsip, diag);
        if (!provisioning.routes().isEmpty() && !http.runs()) {
            diag.notice(null, "phoneprov.conf provisions " + provisioning.devices().size() + " phone(s), but the HTTP server of"
                    + " http.conf does not run (enabled=yes and bindaddr= are needed), so no phone can fetch its files");
        }
        for (org.jpbx.pjsip.config.Transport t : pjsip.transports()) {
            if (t.protocol().equals("ws") && !http.runs()) {
                diag.warning(t.object().location(), "transport " + t.id() + ": protocol=ws rides on the HTTP server of http.conf, which"
                        + " does not run (enabled=yes and bindaddr= are needed), so no WebSocket client can connect");
            } else if (t.protocol().equals("wss") && http.tls() == null) {
                diag.warning(t.object().location(), "transport " + t.id() + ": protocol=wss rides on the HTTPS side of http.conf, which"
                        + " does not run (enabled=yes, tlsenable=yes, tlsbindaddr= and tlscertfile= are needed)");
            }
        }
        return new WebModules(configDir, http, provisioning);
    }

    /** Starts the HTTP server on {@code io}'s event loops and registers the CLI commands. */
    void start(NettyRuntime io, CommandRegistry commands) {
        Class<? extends ServerChannel> channel = io.usesEpoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        http = new HttpServer(io.group(), channel, httpConf);
        http.router().mount(phoneprov.route());
        http.start();
        if (phoneprov.current().conf().exists()) LOG.info("{}", Phoneprov.summary(phoneprov.current()));
        HttpCommands.register(commands, http);
        PhoneprovCommands.register(commands, phoneprov);
    }

    HttpServer http() { return http; }

    /** The SIP WebSocket transports (RFC 7118) take upgrades on /ws with the sip subprotocol, over HTTP and HTTPS. */
    void mountWebSocket(org.jpbx.sip.transport.TransportLayer transports) {
        if (http == null) return;
        http.mountWebSocket("ws", "sip", new org.jpbx.http.WebSocketAcceptor() {
            @Override public boolean accepts(boolean secure) { return transports.acceptsWebSocket(secure); }
            @Override public boolean accept(io.netty.channel.Channel ch, boolean secure) { return transports.acceptWebSocket(ch, secure); }
        });
        transports.webSocketAddresses(http.boundAddress(), http.tlsBoundAddress());
    }

    Phoneprov phoneprov() { return phoneprov; }

    /** Reads http.conf and phoneprov.conf again; false when either had errors (the running settings then stay). */
    boolean reload(PjsipConfig pjsip, PrintWriter out) {
        boolean ok = true;
        if (http != null) {
            Diagnostics diag = new Diagnostics();
            HttpConf next = HttpConf.load(configDir, Version.current(), diag);
            for (var d : diag.all()) out.println(d);
            if (diag.hasErrors()) {
                out.println("HTTP server: http.conf has errors; the running settings are kept.");
                ok = false;
            } else {
                String change = http.apply(next);
                if (change != null) out.println(change);
            }
        }
        ok &= phoneprov.reload(pjsip, out);
        out.flush();
        return ok;
    }

    @Override
    public void close() {
        if (http != null) http.close();
    }
}
