package org.jpbx.conf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads Asterisk {@code .conf} files (pjsip.conf, pjsip_wizard.conf, extensions.conf, http.conf,
 * acl.conf, phoneprov.conf, jpbx.conf) the way Asterisk's text config loader does: comments,
 * sections, templates and inheritance, appends, {@code #include}/{@code #tryinclude}. What the
 * variables mean is the consumer's business.
 *
 * <p>Relative include paths are relative to the configuration directory, not to the including
 * file. Locations in entries and diagnostics show files relative to that directory.
 */
public final class ConfParser {
    /** Includes may nest this many levels below the top-level file. */
    public static final int MAX_INCLUDE_DEPTH = ConfLoader.MAX_INCLUDE_DEPTH;

    private ConfParser() {}

    /**
     * Reads {@code fileName} (relative to {@code configDir}, or absolute). A missing file yields an
     * empty {@link ConfFile} with {@code exists() == false} and no diagnostic.
     */
    public static ConfFile parse(Path configDir, String fileName, Diagnostics diag) {
        Path file = Path.of(fileName);
        if (!file.isAbsolute()) file = configDir.resolve(file);
        return new ConfLoader(configDir, diag).load(file);
    }

    /** Reads {@code text} as if it were the file {@code virtualName}; includes resolve against the working directory. */
    public static ConfFile parseString(String text, String virtualName, Diagnostics diag) {
        return parseString(Path.of("").toAbsolutePath(), text, virtualName, diag);
    }

    /** Reads {@code text} as if it were the file {@code virtualName} in {@code configDir}. */
    public static ConfFile parseString(Path configDir, String text, String virtualName, Diagnostics diag) {
        Path file = configDir.resolve(virtualName);
        return new ConfLoader(configDir, diag).load(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
