package org.jpbx.pjsip.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the plain subset of the .conf syntax the SIP stack needs to start: sections and
 * {@code key=value} lines with {@code ;} comments. It is replaced by the full parser in
 * {@code org.jpbx.conf} (templates, includes, diagnostics) as soon as that lands.
 */
final class MiniConf {
    record Section(String name, int line, Map<String, String> values) {}

    static List<Section> read(Path file) throws IOException {
        List<Section> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        Section current = null;
        int lineNo = 0;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            int semi = raw.indexOf(';');
            String line = (semi >= 0 ? raw.substring(0, semi) : raw).strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                current = new Section(line.substring(1, close < 0 ? line.length() : close).strip(), lineNo, new LinkedHashMap<>());
                out.add(current);
            } else if (current != null) {
                int eq = line.indexOf('=');
                if (eq > 0) current.values().put(line.substring(0, eq).strip().toLowerCase(), line.substring(eq + 1).replaceFirst("^>", "").strip());
            }
        }
        return out;
    }
}
