package org.jpbx.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipLoader;
import org.jpbx.pjsip.config.PjsipSections;
import org.junit.jupiter.api.Test;

/** The endpoint options a relay leg takes, read from pjsip.conf by the real loader. */
class LegOptionsTest {
    static Endpoint endpoint(String options) {
        String text = "[alice]\ntype=endpoint\n" + options + "\n";
        Diagnostics d = new Diagnostics();
        ConfFile f = ConfParser.parseString(Path.of("/etc/asterisk"), text, "pjsip.conf", d);
        PjsipConfig c = PjsipLoader.load(PjsipSections.fromConf(f, d), d);
        return c.endpoint("alice").orElseThrow(() -> new AssertionError(d.toString()));
    }

    @Test
    void defaultsUseRtpConfAndNoTimeouts() {
        LegOptions o = LegOptions.of("PJSIP/alice-00000001", endpoint("allow=ulaw"));
        assertThat(o.name()).isEqualTo("PJSIP/alice-00000001");
        assertThat(o.ports()).isNull();
        assertThat(o.symmetric()).isFalse();
        assertThat(o.rtpTimeout()).isZero();
        assertThat(o.rtpHoldTimeout()).isZero();
    }

    @Test
    void endpointOptionsAreTaken() {
        LegOptions o = LegOptions.of("PJSIP/alice-1", endpoint("""
                rtp_symmetric=yes
                rtp_timeout=30
                rtp_timeout_hold=600
                rtp_port_start=12000
                rtp_port_end=12099"""));
        assertThat(o.symmetric()).isTrue();
        assertThat(o.rtpTimeout()).isEqualTo(30);
        assertThat(o.rtpHoldTimeout()).isEqualTo(600);
        assertThat(o.ports().start()).isEqualTo(12000);
        assertThat(o.ports().end()).isEqualTo(12099);
        assertThat(o.ports().source()).isEqualTo("endpoint alice rtp_port_start/rtp_port_end");
    }
}
