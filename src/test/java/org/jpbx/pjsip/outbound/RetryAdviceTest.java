package org.jpbx.pjsip.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jpbx.app.ConfigCheck;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipLoader;
import org.jpbx.pjsip.config.PjsipSections;
import org.jpbx.pjsip.config.Registration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warnings for registrations one failure away from a permanent stop, and the setting that keeps one retrying. */
class RetryAdviceTest {
    private static Registration registration(String options) {
        Diagnostics d = new Diagnostics();
        ConfFile f = ConfParser.parseString(Path.of("/etc/asterisk"), ("""
                [itsp]
                type=registration
                server_uri=sip:sip.provider.example
                client_uri=sip:4155550100@sip.provider.example
                """ + options).stripIndent(), "pjsip.conf", d);
        PjsipConfig c = PjsipLoader.load(PjsipSections.fromConf(f, d), d, p -> true);
        assertThat(d.errors()).isEmpty();
        return c.registration("itsp").orElseThrow();
    }

    @Test
    void asteriskDefaultsAreWarnedAboutWithTheSettingsThatPreventIt() {
        assertThat(RetryAdvice.risk(registration(""))).isEqualTo("registration 'itsp' stops for good after one rejected authentication"
                + " (401/407), one 403 Forbidden or a server outage of 10 min (as in Asterisk; only a reload, an auth change or"
                + " 'pjsip send register itsp' restarts it). To keep it retrying set fatal_retry_interval=60, max_retries=10000 (now 10)");
    }

    @Test
    void settingsThatSurviveADayOfAnyFailureAreNotWarnedAbout() {
        assertThat(RetryAdvice.risk(registration("fatal_retry_interval=60\nmax_retries=10000\n"))).isNull();
        assertThat(RetryAdvice.risk(registration("auth_rejection_permanent=no\nforbidden_retry_interval=30\nmax_retries=100000\n"))).isNull();
    }

    @Test
    void aFiniteBudgetIsNamedWithItsDuration() {
        assertThat(RetryAdvice.risk(registration("fatal_retry_interval=60\nforbidden_retry_interval=60\n")))
                .contains("after rejected authentication for 10 min, 403 Forbidden for 10 min or a server outage of 10 min")
                .endsWith("To keep it retrying set max_retries=10000 (now 10)");
    }

    @Test
    void theSettingThatWouldHaveKeptItRetrying() {
        Registration r = registration("");
        assertThat(RetryAdvice.keepRetrying(r, RetryAdvice.Stop.AUTH_REJECTED)).startsWith("auth_rejection_permanent=no");
        assertThat(RetryAdvice.keepRetrying(r, RetryAdvice.Stop.FORBIDDEN)).startsWith("forbidden_retry_interval");
        assertThat(RetryAdvice.keepRetrying(r, RetryAdvice.Stop.OTHER_FATAL)).startsWith("fatal_retry_interval");
        assertThat(RetryAdvice.keepRetrying(r, RetryAdvice.Stop.RETRIES_EXHAUSTED)).startsWith("a larger max_retries (it is 10");
    }

    @Test
    void checkConfigPrintsTheWarningWithFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pjsip.conf"), """
                [itsp]
                type=registration
                server_uri=sip:sip.provider.example
                client_uri=sip:4155550100@sip.provider.example

                [safe]
                type=registration
                server_uri=sip:sip.provider.example
                client_uri=sip:4155550101@sip.provider.example
                fatal_retry_interval=60
                max_retries=10000
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ConfigCheck.run(dir, new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(text).contains("pjsip.conf:1: warning: registration 'itsp' stops for good after one rejected authentication (401/407)")
                .doesNotContain("registration 'safe'");
    }
}
