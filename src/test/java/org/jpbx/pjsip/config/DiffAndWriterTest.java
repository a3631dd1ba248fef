package org.jpbx.pjsip.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.junit.jupiter.api.Test;

/** Reload reporting (diff) and printing objects back as pjsip.conf text. */
class DiffAndWriterTest {

    @Test
    void diffReportsAddedRemovedAndChangedOptions() {
        PjsipConfig before = Loaded.of("""
                [global]
                max_forwards=70
                [6001]
                type=endpoint
                context=staff
                allow=ulaw
                [6002]
                type=endpoint
                [6001]
                type=aor
                @note=a
                """).config();
        PjsipConfig after = Loaded.of("""
                [global]
                max_forwards=20
                [6001]
                type=endpoint
                context=sales
                allow=ulaw,alaw
                [6003]
                type=endpoint
                [6001]
                type=aor
                @note=b
                """).config();
        ConfigDiff d = after.diff(before);
        assertThat(d.added()).extracting(PjsipObject::toString).containsExactly("endpoint 6003");
        assertThat(d.removed()).extracting(PjsipObject::toString).containsExactly("endpoint 6002");
        assertThat(d.changed()).extracting(c -> c.type() + " " + c.id() + " " + c.options()).containsExactly(
                "global global [max_forwards: 70 -> 20]",
                "aor 6001 [@note: a -> b]",
                "endpoint 6001 [context: staff -> sales, allow: (ulaw) -> (ulaw|alaw)]");
        assertThat(after.diff(after).isEmpty()).isTrue();
    }

    @Test
    void removingTheGlobalSectionReportsTheReturnToDefaults() {
        PjsipConfig before = Loaded.of("[global]\ndefault_realm=pbx\n").config();
        ConfigDiff d = PjsipConfig.empty().diff(before);
        assertThat(d.changed()).singleElement().extracting(c -> c.options().toString()).isEqualTo("[default_realm: pbx -> asterisk]");
    }

    @Test
    void writerPrintsRawObjectsThatReadBackTheSame() {
        Loaded l = Loaded.of("""
                [tpl](!)
                type=endpoint
                context=staff
                [6001](tpl)
                allow=ulaw
                outbound_proxy=sip:proxy.example.com\\;lr
                [6001]
                type=aor
                max_contacts=1
                """);
        String text = PjsipWriter.write(l.raw());
        assertThat(text).isEqualTo("""
                [6001]
                type=endpoint
                context=staff
                allow=ulaw
                outbound_proxy=sip:proxy.example.com\\;lr

                [6001]
                type=aor
                max_contacts=1
                """);
        Loaded again = Loaded.of(text);
        assertThat(again.errors()).isEmpty();
        assertThat(again.config().diff(l.config()).isEmpty()).isTrue();
        assertThat(PjsipWriter.writeObjects(l.config().all())).isEqualTo("""
                [6001]
                type=aor
                max_contacts=1

                [6001]
                type=endpoint
                context=staff
                allow=ulaw
                outbound_proxy=sip:proxy.example.com\\;lr
                """);
    }

    @Test
    void theAllOptionsFixtureSurvivesARoundTrip() throws Exception {
        Path dir = Path.of("src/test/resources/config/all-options");
        Diagnostics d = new Diagnostics();
        var raw = PjsipSections.fromConf(ConfParser.parse(dir, "pjsip.conf", d), d);
        PjsipConfig original = PjsipLoader.load(raw, d, p -> true);
        Loaded back = Loaded.of(PjsipWriter.write(raw));
        assertThat(back.errors()).isEmpty();
        assertThat(back.config().diff(original).isEmpty()).as(back.config().diff(original).toString()).isTrue();
        assertThat(Files.exists(dir.resolve("pjsip.conf"))).isTrue();
    }
}
