package org.jpbx.pjsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jpbx.pjsip.wizard.WizardHint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    static final String WIZARD = """
            [6001]
            type=wizard
            accepts_registrations=yes
            has_hint=yes
            hint_context=internal
            hint_exten=6001
            aor/max_contacts=1

            [6002]
            type=wizard
            accepts_registrations=yes
            has_hint=yes
            hint_context=internal
            hint_exten=6002
            aor/max_contacts=1
            """;

    @Test
    void wizardObjectsAreLoadedWithPjsipConf() throws Exception {
        Files.writeString(dir.resolve("pjsip.conf"), "[t]\ntype=transport\nbind=127.0.0.1:5999\n");
        Files.writeString(dir.resolve("pjsip_wizard.conf"), WIZARD);
        LoadedConfig c = ConfigLoader.load(dir);
        assertThat(c.hasErrors()).as(c.diagnostics().toString()).isFalse();
        assertThat(c.pjsip().endpoint("6001")).isPresent();
        assertThat(c.pjsip().aor("6002").orElseThrow().object().getInt("max_contacts")).isEqualTo(1);
        assertThat(c.hints()).extracting(WizardHint::exten).containsExactly("6001", "6002");
    }
}
