package org.jpbx.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiagnosticTest {

    @Test
    void prints_like_a_compiler() {
        var loc = new SourceLocation(Path.of("pjsip.conf"), 12);
        assertThat(new Diagnostic(Severity.ERROR, loc, "unknown option 'setvar' in endpoint 6001 (did you mean 'set_var'?)").toString())
                .isEqualTo("pjsip.conf:12: error: unknown option 'setvar' in endpoint 6001 (did you mean 'set_var'?)");
        assertThat(new Diagnostic(Severity.WARNING, null, "no pjsip.conf").toString()).isEqualTo("warning: no pjsip.conf");
        assertThat(new Diagnostic(Severity.NOTICE, loc, "x").toString()).isEqualTo("pjsip.conf:12: notice: x");
    }

    @Test
    void location_is_relative_to_the_config_dir_when_inside_it() {
        Path dir = Path.of("/etc/asterisk");
        assertThat(SourceLocation.of(dir, Path.of("/etc/asterisk/pjsip.d/a.conf"), 3).toString()).isEqualTo("pjsip.d/a.conf:3");
        assertThat(SourceLocation.of(dir, Path.of("/etc/asterisk/../other/b.conf"), 4).toString()).isEqualTo("/etc/other/b.conf:4");
        assertThat(SourceLocation.of(dir, Path.of("/opt/x.conf"), 1).file()).isEqualTo(Path.of("/opt/x.conf"));
    }

    @Test
    void collects_by_severity_in_order() {
        var d = new Diagnostics();
        assertThat(d.hasErrors()).isFalse();
        d.warning(null, "w1");
        d.error(new SourceLocation(Path.of("a.conf"), 1), "e1");
        d.notice(null, "n1");
        d.error(null, "e2");
        assertThat(d.hasErrors()).isTrue();
        assertThat(d.errors()).extracting(Diagnostic::message).containsExactly("e1", "e2");
        assertThat(d.warnings()).extracting(Diagnostic::message).containsExactly("w1");
        assertThat(d.notices()).extracting(Diagnostic::message).containsExactly("n1");
        assertThat(d.all()).extracting(Diagnostic::message).containsExactly("w1", "e1", "n1", "e2");
        assertThat(d.toString()).isEqualTo("warning: w1\na.conf:1: error: e1\nnotice: n1\nerror: e2\n");
    }
}
