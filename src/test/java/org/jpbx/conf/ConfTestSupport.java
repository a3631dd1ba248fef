package org.jpbx.conf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small helpers shared by the parser tests. */
final class ConfTestSupport {
    private ConfTestSupport() {}

    /** The result of one parse plus its messages. */
    record Parsed(ConfFile file, Diagnostics diag) {
        Section section(String name) { return file.section(name); }

        List<String> messages() { return diag.all().stream().map(Diagnostic::toString).toList(); }

        /** "key=value" for every effective entry of the first non-template section called {@code name}. */
        List<String> entries(String name) { return pairs(file.section(name).entries()); }
    }

    static Parsed parse(String text) {
        Diagnostics d = new Diagnostics();
        return new Parsed(ConfParser.parseString(Path.of("/etc/asterisk"), text, "pjsip.conf", d), d);
    }

    static Parsed parse(Path dir, String file) {
        Diagnostics d = new Diagnostics();
        return new Parsed(ConfParser.parse(dir, file, d), d);
    }

    static List<String> pairs(List<Entry> entries) {
        return entries.stream().map(e -> e.key() + "=" + e.value()).toList();
    }

    static void write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
