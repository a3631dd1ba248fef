package org.jpbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jpbx.conf.Diagnostics;
import org.jpbx.store.SyncMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jpbx.conf's [store] section: when a contact store write counts as done. */
class StoreSettingsTest {
    @TempDir
    Path dir;

    @Test
    void normalUnlessJpbxConfSaysFull() throws Exception {
        assertThat(JpbxConf.storeSync(dir, new Diagnostics())).as("without jpbx.conf").isEqualTo(SyncMode.NORMAL);
        Files.writeString(dir.resolve("jpbx.conf"), "[store]\nsynchronous = FULL\n");
        assertThat(JpbxConf.storeSync(dir, new Diagnostics())).isEqualTo(SyncMode.FULL);
        Files.writeString(dir.resolve("jpbx.conf"), "[directories]\nlogdir = /tmp/x\n[store]\nsynchronous=normal\n");
        assertThat(JpbxConf.storeSync(dir, new Diagnostics())).isEqualTo(SyncMode.NORMAL);
    }

    @Test
    void checkConfigReportsABadValueWithItsLineAndTheServerKeepsTheDefault() throws Exception {
        Files.writeString(dir.resolve("pjsip.conf"), "");
        Files.writeString(dir.resolve("jpbx.conf"), "[store]\nsynchronous = sometimes\nfsync = yes\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ConfigCheck.run(dir, new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isEqualTo(1);
        assertThat(text).contains("jpbx.conf:2: error: Invalid synchronous value 'sometimes' in [store]: use normal or full; keeping normal")
                .contains("jpbx.conf:3: warning: Unknown option 'fsync' in [store]");
        assertThat(JpbxConf.storeSync(dir, new Diagnostics())).isEqualTo(SyncMode.NORMAL);
    }
}
