package org.jpbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {
    @TempDir
    Path tmp;

    @Test
    void defaultsKeepDataAndLogsBesideTheConfigAndTheSocketShort() {
        Path config = tmp.resolve("some/../etc");
        Directories d = Directories.resolve(config, Map.of());
        assertThat(d.configDir()).isEqualTo(tmp.resolve("etc").toAbsolutePath());
        assertThat(d.dataDir()).isEqualTo(d.configDir().resolve(".jpbx/data"));
        assertThat(d.logDir()).isEqualTo(d.configDir().resolve(".jpbx/log"));
        assertThat(d.runDir().getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
        assertThat(d.runDir().getFileName().toString()).matches("jpbx-[0-9a-f]{12}");
        assertThat(d.controlSocket().toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(108);
    }

    @Test
    void differentConfigDirsGetDifferentRunDirs() {
        assertThat(Directories.resolve(tmp.resolve("a"), Map.of()).runDir())
                .isNotEqualTo(Directories.resolve(tmp.resolve("b"), Map.of()).runDir());
    }

    @Test
    void aSymlinkedSpellingFindsTheSameServer() throws Exception {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertThat(Directories.resolve(link, Map.of()).runDir()).isEqualTo(Directories.resolve(real, Map.of()).runDir());
    }

    @Test
    void overridesResolveAgainstTheConfigDir() {
        Directories d = Directories.resolve(tmp, Map.of("astrundir", "run", "datadir", "/var/lib/jpbx", "LogDir", "../log"));
        assertThat(d.runDir()).isEqualTo(tmp.resolve("run"));
        assertThat(d.dataDir()).isEqualTo(Path.of("/var/lib/jpbx"));
        assertThat(d.logDir()).isEqualTo(tmp.getParent().resolve("log"));
    }

    @Test
    void jpbxNamesWinOverAsteriskNames() {
        Directories d = Directories.resolve(tmp, Map.of("rundir", "r1", "astrundir", "r2"));
        assertThat(d.runDir()).isEqualTo(tmp.resolve("r1"));
    }

    @Test
    void createMakesTheDirectories() throws Exception {
        Directories d = Directories.resolve(tmp, Map.of("rundir", "run"));
        d.create();
        assertThat(d.runDir()).isDirectory();
        assertThat(d.dataDir()).isDirectory();
        assertThat(d.logDir()).isDirectory();
    }
}
