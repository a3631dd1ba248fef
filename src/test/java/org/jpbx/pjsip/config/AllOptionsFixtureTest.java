package org.jpbx.pjsip.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostic;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.config.types.AclRule;
import org.jpbx.pjsip.config.types.IdentifyMatch;
import org.junit.jupiter.api.Test;

/** src/test/resources/config/all-options/pjsip.conf sets every option of pjsip-objects.md and loads cleanly. */
class AllOptionsFixtureTest {
    private static final Path DIR = Path.of("src/test/resources/config/all-options");

    private record Result(List<RawObject> raw, PjsipConfig config, Diagnostics diag) {}

    private static Result load() {
        Diagnostics d = new Diagnostics();
        ConfFile f = ConfParser.parse(DIR, "pjsip.conf", d);
        List<RawObject> raw = PjsipSections.fromConf(f, d);
        return new Result(raw, PjsipLoader.load(raw, d, p -> true), d);
    }

    @Test
    void loadsWithoutErrors() {
        Result r = load();
        assertThat(r.diag().errors()).isEmpty();
        // the only warnings are the documented ones: deprecated aliases, geolocation, webrtc settings
        assertThat(r.diag().warnings()).map(Diagnostic::message)
                .allMatch(m -> m.contains("deprecated") || m.contains("geolocation"), "expected warnings only");
        assertThat(r.config().all()).hasSize(r.raw().size());
    }

    @Test
    void everyOptionOfEveryTypeIsUsed() {
        Result r = load();
        Map<String, Set<String>> used = new HashMap<>();
        for (RawObject o : r.raw()) {
            for (var e : o.entries()) used.computeIfAbsent(o.type(), k -> new HashSet<>()).add(e.key());
        }
        for (ObjectType t : ObjectTypes.all()) {
            if (!t.inPjsipConf()) continue;
            for (Option o : t.table().options()) {
                if (o.isPrefix()) {
                    String prefix = o.name().substring(0, o.name().length() - 1);
                    assertThat(used.get(t.name())).as(t.name()).anyMatch(k -> k.startsWith(prefix));
                } else {
                    assertThat(used.get(t.name())).as(t.name() + " uses " + o.name()).contains(o.name());
                }
            }
        }
    }

    @Test
    void valuesAreTyped() {
        PjsipConfig c = load().config();
        Endpoint e = c.endpoint("6001").orElseThrow();
        assertThat(e.codecs().toString()).isEqualTo("(ulaw|alaw|g722)");
        assertThat(e.codecs().codecs().get(0).framingMs()).isEqualTo(20);
        assertThat(e.setVars()).containsEntry("GROUP", "staff").containsEntry("CDR(foo)", "bar");
        assertThat(e.callerId().name()).isEqualTo("Alice");
        assertThat(e.callerId().number()).isEqualTo("6001");
        assertThat(e.acl().rules()).map(AclRule::toString)
                .containsExactly("deny 0.0.0.0/0", "permit 192.168.0.0/16", "deny 192.168.99.0/24");
        assertThat(e.object().displayValue("call_group")).isEqualTo("1,3-5");
        assertThat(e.object().displayValue("connected_line_method")).isEqualTo("invite");
        assertThat(e.object().displayValue("follow_redirect_methods")).isEqualTo("MESSAGE");
        assertThat(e.object().displayValue("tos_audio")).isEqualTo("184");
        assertThat(e.object().extended()).containsEntry("@custom", "extended field");

        Endpoint webrtc = c.endpoint("webrtc-client").orElseThrow();
        assertThat(webrtc.object().getBool("bundle")).isTrue();
        assertThat(webrtc.object().getBool("rtcp_mux")).isTrue();
        assertThat(webrtc.object().getString("media_encryption")).isEqualTo("dtls");
        assertThat(webrtc.object().getString("dtls_setup")).isEqualTo("actpass");

        Transport udp = c.transport("udp").orElseThrow();
        assertThat(udp.localNet().rules()).map(AclRule::networkText).containsExactly("192.168.0.0/16", "10.0.0.0/8", "172.16.0.0/12");
        assertThat(udp.object().getLong("tos")).isEqualTo(0x60);
        assertThat(c.transport("tls").orElseThrow().port()).isEqualTo(5061);
        assertThat(c.transport("tls").orElseThrow().object().displayValue("verify_server")).isEqualTo("yes");

        Identify id = c.identify("6001-ip").orElseThrow();
        assertThat(id.match()).map(IdentifyMatch::toString)
                .containsExactly("192.168.1.50/32", "203.0.113.0/27", "[2001:db8::1]:5060/128", "sbc.example.com");
        assertThat(c.aor("6001").orElseThrow().contacts()).hasSize(3);
        assertThat(c.aor("6001").orElseThrow().qualifyTimeout().toMillis()).isEqualTo(2500);
        assertThat(c.auth("trunk-auth").orElseThrow().passwordDigests()).containsKey("MD5");
        assertThat(c.system().timerB().toMillis()).isEqualTo(32000);
        assertThat(c.global().userAgent()).isEqualTo("jpbx test");

        PjsipObject phone = c.get("phoneprov", "phone-6001").orElseThrow();
        assertThat(phone.variable("TIMEZONE")).isEqualTo("Europe/Berlin");
        assertThat(phone.getString("MAC")).isEqualTo("001122aa4455");
        PjsipObject pub = c.get("inbound-publication", "6001-pub").orElseThrow();
        assertThat(pub.getString("event_asterisk-mwi")).isEqualTo("peer-pbx");
        assertThat(pub.optionNames()).contains("event_asterisk-devicestate", "event_asterisk-mwi");
        assertThat(c.get("outbound-publish", "presence-out").orElseThrow().extended()).containsKeys("@body", "@context", "@exten");
    }
}
