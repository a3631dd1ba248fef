package org.jpbx.conf;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a section or variable was written. {@code file} is relative to the configuration directory
 * when the file lies inside it ({@code pjsip.conf}, {@code pjsip.d/trunks.conf}) and absolute
 * otherwise, so that messages read the way an operator names the files. Lines count from 1 and
 * include comment and blank lines.
 */
public record SourceLocation(Path file, int line) {
    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    /** The location of {@code line} in {@code file}, with the file shown relative to {@code configDir} when inside it. */
    public static SourceLocation of(Path configDir, Path file, int line) {
        return new SourceLocation(display(configDir, file), line);
    }

    /** How {@code file} is shown: relative to {@code configDir} when inside it, else absolute. */
    static Path display(Path configDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (configDir != null) {
            Path dir = configDir.toAbsolutePath().normalize();
            if (abs.startsWith(dir) && !abs.equals(dir)) return dir.relativize(abs);
        }
        return abs;
    }

    @Override
    public String toString() {
        return file.toString().replace('\\', '/') + ":" + line;
    }
}
