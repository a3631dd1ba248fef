package org.jpbx.phoneprov;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.Entry;
import org.jpbx.conf.Section;
import org.jpbx.conf.SourceLocation;

/**
 * phoneprov.conf: {@code [general]} (serveraddr, serveriface, serverport, default_profile) and the
 * profiles. {@code usable} is false when phoneprov.conf is absent, unreadable or lacks a valid
 * {@code default_profile}: Asterisk does not load res_phoneprov then, and jpbx provisions nothing.
 *
 * <p>Files named by a profile are paths below the phoneprov directory (the {@code phoneprov}
 * folder of the configuration directory, Asterisk's {@code <astdatadir>/phoneprov}); a name that
 * would leave it (absolute, or with a {@code ..} segment) is refused with a warning.
 */
public record PhoneprovConf(boolean exists, boolean usable, String serverAddr, String serverIface, String serverPort,
                            String defaultProfile, Map<String, Profile> profiles, SourceLocation location) {
    public static final String FILE = "phoneprov.conf";

    public PhoneprovConf {
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
    }

    static PhoneprovConf absent() {
        return new PhoneprovConf(false, false, null, null, "5060", null, Map.of(), null);
    }

    /** Reads phoneprov.conf from {@code configDir}; every problem goes to {@code diag} with file:line. */
    public static PhoneprovConf load(Path configDir, Diagnostics diag) {
        ConfFile file = ConfParser.parse(configDir, FILE, diag);
        if (!file.exists()) return absent();
        if (!file.valid()) {
            diag.error(null, FILE + " cannot be used (see the errors above); no phone is provisioned");
            return new PhoneprovConf(true, false, null, null, "5060", null, Map.of(), null);
        }
        return from(file, configDir.resolve(Phoneprov.DIRECTORY), diag);
    }

    static PhoneprovConf from(ConfFile file, Path dir, Diagnostics diag) {
        String serverAddr = null, serverIface = null, serverPort = "5060", defaultProfile = null;
        Entry defaultEntry = null;
        SourceLocation generalAt = null;
        Map<String, Profile> profiles = new LinkedHashMap<>();
        for (Section s : file.sections()) {
            if (s.isTemplate()) continue;
            if (s.name().equalsIgnoreCase("general")) {
                generalAt = s.location();
                for (Entry e : s.entries()) {
                    switch (e.key().toLowerCase(Locale.ROOT)) {
                        case "serveraddr" -> serverAddr = blankToNull(e.value());
                        case "serveriface" -> serverIface = blankToNull(e.value());
                        case "serverport" -> serverPort = e.value().isBlank() ? "5060" : e.value().strip();
                        case "default_profile" -> { defaultProfile = blankToNull(e.value()); defaultEntry = e; }
                        default -> diag.warning(e.location(), "unknown option '" + e.key() + "' in " + FILE + " [general]; ignored");
                    }
                }
                continue;
            }
            if (profiles.containsKey(s.name())) {
                diag.warning(s.location(), "profile [" + s.name() + "] is defined twice; the first one is used");
                continue;
            }
            profiles.put(s.name(), profile(s, dir, diag));
        }
        boolean usable = true;
        if (defaultProfile == null) {
            diag.error(generalAt, FILE + ": [general] needs default_profile (Asterisk does not load res_phoneprov without it);"
                    + " no phone is provisioned");
            usable = false;
        } else if (!profiles.containsKey(defaultProfile)) {
            diag.error(defaultEntry.location(), "default_profile=" + defaultProfile + ": there is no profile [" + defaultProfile
                    + "] in " + FILE + "; no phone is provisioned");
            usable = false;
        }
        return new PhoneprovConf(true, usable, serverAddr, serverIface, serverPort, defaultProfile, profiles, generalAt);
    }

    private static Profile profile(Section s, Path dir, Diagnostics diag) {
        String staticDir = "";
        String mimeType = null;
        List<Entry> staticEntries = new ArrayList<>();
        List<Entry> dynamicEntries = new ArrayList<>();
        List<Profile.SetVar> setVars = new ArrayList<>();
        for (Entry e : s.entries()) {
            switch (e.key().toLowerCase(Locale.ROOT)) {
                case "mime_type" -> mimeType = blankToNull(e.value());
                case "staticdir" -> {
                    String d = e.value().strip();
                    if (!inside(d)) {
                        diag.warning(e.location(), "staticdir=" + d + " leaves the phoneprov directory; ignored");
                    } else {
                        staticDir = d;
                    }
                }
                case "static_file" -> staticEntries.add(e);
                case "setvar" -> {
                    int eq = e.value().indexOf('=');
                    if (eq <= 0 || e.value().substring(0, eq).isBlank() || e.value().substring(eq + 1).isBlank()) {
                        diag.warning(e.location(), "setvar=" + e.value() + ": expected NAME=value with both non-empty; ignored");
                    } else {
                        setVars.add(new Profile.SetVar(e.value().substring(0, eq).strip(), e.value().substring(eq + 1).strip()));
                    }
                }
                default -> dynamicEntries.add(e);
            }
        }
        List<ProfileFile> statics = new ArrayList<>();
        for (Entry e : staticEntries) {
            String[] parts = fileAndMime(e.value());
            String path = staticDir + parts[0];
            if (parts[0].isEmpty() || !inside(path)) {
                diag.warning(e.location(), "static_file=" + e.value() + ": the file must be a name below the phoneprov directory; ignored");
                continue;
            }
            warnIfMissing(dir, path, e, diag);
            statics.add(new ProfileFile(parts[0], path, mime(parts, mimeType), e.location()));
        }
        List<ProfileFile> dynamics = new ArrayList<>();
        for (Entry e : dynamicEntries) {
            String[] parts = fileAndMime(e.value());
            if (parts[0].isEmpty() || !inside(parts[0])) {
                diag.warning(e.location(), e.key() + " => " + e.value() + ": the template must be a file below the phoneprov"
                        + " directory; ignored");
                continue;
            }
            warnIfMissing(dir, parts[0], e, diag);
            dynamics.add(new ProfileFile(e.key(), parts[0], mime(parts, mimeType), e.location()));
        }
        return new Profile(s.name(), staticDir, mimeType, statics, dynamics, setVars, s.location());
    }

    private static void warnIfMissing(Path dir, String file, Entry e, Diagnostics diag) {
        if (!java.nio.file.Files.isRegularFile(dir.resolve(file))) {
            diag.warning(e.location(), "'" + file + "' is not a file in " + dir + " (requests for it will get 500)");
        }
    }

    /** MIME type precedence: the line's, the extension's, the profile's, text/plain. */
    private static String mime(String[] parts, String profileMime) {
        if (parts[1] != null) return parts[1];
        String byExt = MimeTypes.byExtension(parts[0]);
        if (byExt != null) return byExt;
        return profileMime != null ? profileMime : "text/plain";
    }

    private static String[] fileAndMime(String value) {
        int comma = value.indexOf(',');
        if (comma < 0) return new String[] {value.strip(), null};
        return new String[] {value.substring(0, comma).strip(), blankToNull(value.substring(comma + 1))};
    }

    /** A relative path that stays below its base: not absolute, no {@code .} or {@code ..} segment, no backslash. */
    static boolean inside(String relative) {
        if (relative.isEmpty()) return true;
        if (relative.startsWith("/") || relative.indexOf('\\') >= 0 || relative.indexOf('\0') >= 0) return false;
        for (String seg : relative.split("/")) if (seg.equals("..") || seg.equals(".")) return false;
        return true;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
