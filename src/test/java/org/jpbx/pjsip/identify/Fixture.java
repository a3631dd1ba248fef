package org.jpbx.pjsip.identify;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipLoader;
import org.jpbx.pjsip.config.PjsipSections;
import org.jpbx.pjsip.config.types.IpLiterals;
import org.jpbx.sip.message.SipParser;
import org.jpbx.sip.message.SipRequest;

/** Configuration text and SIP requests for the identification tests. */
final class Fixture {
    private Fixture() {}

    static PjsipConfig config(String pjsipConf) {
        Diagnostics d = new Diagnostics();
        ConfFile f = ConfParser.parseString(Path.of("/etc/asterisk"), pjsipConf, "pjsip.conf", d);
        PjsipConfig c = PjsipLoader.load(PjsipSections.fromConf(f, d), d, p -> true);
        if (d.hasErrors()) throw new AssertionError("config errors: " + d);
        return c;
    }

    static NamedAcls acls(String aclConf) {
        Diagnostics d = new Diagnostics();
        ConfFile f = ConfParser.parseString(Path.of("/etc/asterisk"), aclConf, "acl.conf", d);
        return NamedAcls.fromConf(f, d);
    }

    static EndpointIdentifier identifier(String pjsipConf) {
        PjsipConfig c = config(pjsipConf);
        return new EndpointIdentifier(() -> c, () -> NamedAcls.EMPTY, NO_DNS, LineLookup.NONE);
    }

    /** A resolver knowing only the given names. */
    static HostResolver dns(Map<String, List<String>> a, Map<String, List<String>> srv) {
        return new HostResolver() {
            @Override
            public List<InetAddress> addresses(String host) {
                return a.getOrDefault(host, List.of()).stream().map(IpLiterals::parse).toList();
            }

            @Override
            public List<String> srvTargets(String name) { return srv.getOrDefault(name, List.of()); }
        };
    }

    static final HostResolver NO_DNS = dns(Map.of(), Map.of());

    static InetSocketAddress src(String ip, int port) {
        return new InetSocketAddress(IpLiterals.parse(ip), port);
    }

    /** A request; {@code extra} are more header lines. */
    static SipRequest request(String method, String ruri, String from, String... extra) {
        List<String> lines = new ArrayList<>();
        lines.add(method + " " + ruri + " SIP/2.0");
        lines.add("Via: SIP/2.0/UDP 203.0.113.9:5060;branch=z9hG4bK-1");
        lines.add("From: " + from + ";tag=abc");
        lines.add("To: <" + ruri + ">");
        lines.add("Call-ID: call-1@test");
        lines.add("CSeq: 1 " + method);
        lines.add("Max-Forwards: 70");
        lines.addAll(List.of(extra));
        lines.add("Content-Length: 0");
        byte[] b = (String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return (SipRequest) SipParser.parseDatagram(b, 0, b.length);
    }

    static SipRequest invite(String from, String... extra) {
        return request("INVITE", "sip:100@pbx.example.com", from, extra);
    }
}
