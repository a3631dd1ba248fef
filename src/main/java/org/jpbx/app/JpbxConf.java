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
import org.jpbx.store.SyncMode;

/**
 * jpbx.conf, jpbx's own optional file (the counterpart of asterisk.conf). Its {@code [directories]}
 * section may move the run, data and log directories ({@code rundir}/{@code astrundir},
 * {@code datadir}/{@code astdatadir}, {@code logdir}/{@code astlogdir}); its {@code [store]}
 * section says when a write to the contact store is done ({@code synchronous = normal|full}, see
 * {@link SyncMode}).
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

    /** {@code [store] synchronous}; a value that names no mode is reported to {@code diag} and the default kept. */
    static SyncMode storeSync(Path configDir, Diagnostics diag) {
        ConfFile f = ConfParser.parse(configDir.toAbsolutePath(), "jpbx.conf", new Diagnostics());
        SyncMode mode = SyncMode.NORMAL;
        if (!f.valid()) return mode;
        Section s = f.section("store");
        if (s == null) return mode;
        for (Entry e : s.entries()) {
            if (!e.key().equalsIgnoreCase("synchronous")) {
                diag.warning(e.location(), "Unknown option '" + e.key() + "' in [store]; it has 'synchronous' only");
                continue;
            }
            SyncMode parsed = SyncMode.parse(e.value());
            if (parsed == null) {
                diag.error(e.location(), "Invalid synchronous value '" + e.value() + "' in [store]: use normal or full;"
                        + " keeping " + mode.name().toLowerCase(Locale.ROOT));
            } else {
                mode = parsed;
            }
        }
        return mode;
    }
}
