package org.jpbx.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.Entry;
import org.jpbx.conf.Section;

/**
 * jpbx.conf, jpbx's own optional file (the counterpart of asterisk.conf). Its {@code [directories]}
 * section may move the run, data and log directories ({@code rundir}/{@code astrundir},
 * {@code datadir}/{@code astdatadir}, {@code logdir}/{@code astlogdir}).
 */
final class JpbxConf {
    private JpbxConf() {}

    static Map<String, String> directoryOverrides(Path configDir) {
        ConfFile f = ConfParser.parse(configDir.toAbsolutePath(), "jpbx.conf", new Diagnostics());
        Map<String, String> out = new LinkedHashMap<>();
        if (!f.valid()) return out;
        Section s = f.section("directories");
        if (s == null) return out;
        for (Entry e : s.entries()) out.put(e.key().toLowerCase(Locale.ROOT), e.value());
        return out;
    }
}
