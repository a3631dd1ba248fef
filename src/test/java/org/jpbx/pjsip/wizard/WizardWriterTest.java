package org.jpbx.pjsip.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpbx.pjsip.wizard.WizardTestSupport.expand;

import java.nio.file.Path;
import java.util.List;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.Entry;
import org.jpbx.conf.SourceLocation;
import org.jpbx.pjsip.config.RawObject;
import org.junit.jupiter.api.Test;

class WizardWriterTest {
    private static final SourceLocation AT = new SourceLocation(Path.of("pjsip_wizard.conf"), 1);

    @Test
    void prints_sections_with_type_first_and_a_blank_line_between() {
        var objects = List.of(
                new RawObject("endpoint", "a", AT, List.of(new Entry("context", "c", AT, false), new Entry("allow", "ulaw", AT, true))),
                new RawObject("aor", "a", AT, List.of()));
        assertThat(WizardWriter.toPjsipConf(objects)).isEqualTo("[a]\ntype=endpoint\ncontext=c\nallow=ulaw\n\n[a]\ntype=aor\n");
        assertThat(WizardWriter.toPjsipConf(List.of())).isEmpty();
    }

    @Test
    void printed_text_reads_back_to_the_same_objects() {
        var x = expand("""
                [rt]
                type=wizard
                remote_hosts=h1.example,h2.example:5070
                outbound_proxy=sip:p.example\\;lr
                sends_auth=yes
                sends_registrations=yes
                outbound_auth/username=u
                outbound_auth/password=pa\\;ss
                endpoint/callerid="Front" <100>
                """);
        String text = x.conf();
        Diagnostics d = new Diagnostics();
        var back = ConfParser.parseString(Path.of("/etc/asterisk"), text, "pjsip.conf", d);
        assertThat(d.isEmpty()).isTrue();
        assertThat(back.sections()).hasSameSizeAs(x.result().objects());
        for (int i = 0; i < back.sections().size(); i++) {
            var section = back.sections().get(i);
            RawObject o = x.result().objects().get(i);
            assertThat(section.name()).isEqualTo(o.id());
            assertThat(section.entries().getFirst().value()).isEqualTo(o.type());
            assertThat(section.entries().subList(1, section.entries().size())).extracting(e -> e.key() + "=" + e.value())
                    .containsExactlyElementsOf(o.entries().stream().map(e -> e.key() + "=" + e.value()).toList());
        }
    }
}
