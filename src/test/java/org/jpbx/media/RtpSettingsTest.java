package org.jpbx.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostic;
import org.jpbx.conf.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RtpSettingsTest {
    @TempDir
    Path dir;

    record Read(RtpSettings settings, List<String> messages) {}

    static Read read(String text) {
        Diagnostics d = new Diagnostics();
        RtpSettings s = RtpSettings.from(ConfParser.parseString(Path.of("/etc/asterisk"), text, "rtp.conf", d), d);
        return new Read(s, d.all().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void missingFileMeansAsterisksDefaults() {
        RtpSettings s = RtpSettings.load(dir, new Diagnostics());
        assertThat(s).isEqualTo(RtpSettings.DEFAULTS);
        assertThat(s.ports().start()).isEqualTo(5000);
        assertThat(s.ports().end()).isEqualTo(31000);
        assertThat(s.strictRtp()).isTrue();
    }

    @Test
    void readsTheSampleSettings() throws Exception {
        Files.writeString(dir.resolve("rtp.conf"), """
                ;
                ; RTP Configuration
                ;
                [general]
                rtpstart=10000
                rtpend=20000
                rtpchecksums=no
                dtmftimeout=3000
                rtcpinterval = 5000
                strictrtp=no
                probation=8
                icesupport=false
                stunaddr=stun.example.com:3478
                """);
        Diagnostics d = new Diagnostics();
        RtpSettings s = RtpSettings.load(dir, d);
        assertThat(d.all()).isEmpty();
        assertThat(s.ports().start()).isEqualTo(10000);
        assertThat(s.ports().end()).isEqualTo(20000);
        assertThat(s.ports().pairs()).isEqualTo(5000);
        assertThat(s.strictRtp()).isFalse();
        assertThat(s.probation()).isEqualTo(8);
    }

    @Test
    void portsOutsideTheLimitsAreClampedAndSaidSo() {
        Read r = read("[general]\nrtpstart=80\nrtpend=70000\n");
        assertThat(r.settings().ports().start()).isEqualTo(1024);
        assertThat(r.settings().ports().end()).isEqualTo(65535);
        assertThat(r.messages()).containsExactly(
                "rtp.conf:2: warning: rtpstart 80 is below 1024; 1024 is used",
                "rtp.conf:3: warning: rtpend 70000 is above 65535; 65535 is used");
    }

    @Test
    void startNotBelowEndFallsBackToTheDefaults() {
        Read r = read("[general]\nrtpstart=20000\nrtpend=10000\n");
        assertThat(r.settings().ports().start()).isEqualTo(5000);
        assertThat(r.settings().ports().end()).isEqualTo(31000);
        assertThat(r.messages()).singleElement().asString().startsWith("rtp.conf:2: warning: rtpstart 20000 is not below rtpend 10000")
                .contains("the defaults 5000-31000 are used");
    }

    @Test
    void nonNumericPortReadsAsAsteriskReadsIt() {
        Read r = read("[general]\nrtpstart=10000abc\nrtpend=many\n");
        // "10000abc" reads as 10000; "many" as 0, clamped to 1024, which is below the start: so the defaults apply.
        assertThat(r.settings().ports().start()).isEqualTo(5000);
        assertThat(r.settings().ports().end()).isEqualTo(31000);
        assertThat(r.messages()).anyMatch(m -> m.contains("rtpstart '10000abc' is not a number; it reads as 10000"))
                .anyMatch(m -> m.contains("rtpend 'many' is not a number; it reads as 0"));
    }

    @Test
    void unknownOptionsAndSectionsAreWarnedAbout() {
        Read r = read("[general]\nrtpstrat=10000\n[other]\nx=1\n[ice_host_candidates]\n192.0.2.1 => 203.0.113.1\n");
        assertThat(r.messages()).containsExactlyInAnyOrder("rtp.conf:2: warning: unknown rtp.conf option 'rtpstrat'; ignored",
                "rtp.conf:3: warning: rtp.conf has no section [other]; only [general] is read");
    }

    @Test
    void checkConfigReportsRtpConfProblems() throws Exception {
        Files.writeString(dir.resolve("rtp.conf"), "[general]\nrtpstart=20000\nrtpend=10000\n");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.jpbx.app.ConfigCheck.run(dir, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("rtp.conf:2: warning: rtpstart 20000 is not below rtpend 10000");
    }

    @Test
    void oddStartAndEvenEndKeepPairsInsideTheRange() {
        PortRange r = read("[general]\nrtpstart=10001\nrtpend=10010\n").settings().ports();
        assertThat(r.firstPair()).isEqualTo(10002);
        assertThat(r.lastPair()).isEqualTo(10008);
        assertThat(r.pairs()).isEqualTo(4);
    }

    @Test
    void allocatorWalksTheWholeRangeBeforeReusingAPort() throws Exception {
        PortAllocator a = new PortAllocator(new PortRange(10000, 10009, "test"));
        List<Integer> got = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) got.add(a.acquire(null));
        assertThat(got).containsExactlyInAnyOrder(10000, 10002, 10004, 10006, 10008);
        a.release(got.get(2));
        a.release(got.get(0));
        // The cursor is past the last pair handed out: the next one is the first released after it in range order.
        int next = a.acquire(null);
        assertThat(next).isIn(got.get(0), got.get(2));
        assertThat(a.pairsInUse()).isEqualTo(4);
    }
}
