package org.jpbx.conf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A top-level configuration file with everything it includes, read into sections.
 *
 * <p>Three states matter to a consumer:
 * <ul>
 *   <li>{@code !exists()}: the file is absent; no sections, no diagnostic (the consumer decides
 *       whether that is an error).</li>
 *   <li>{@code !valid()}: Asterisk would reject the file as a whole ("Contents of config file are
 *       invalid and cannot be parsed"), so nothing from it may be applied; on reload the running
 *       configuration stays. The sections are still provided, parsed past the errors, so that
 *       check-config can explain them; they must not be applied.</li>
 *   <li>{@code valid()}: apply {@link #sections()}. There may still be errors in the diagnostics
 *       that Asterisk tolerates, for example a fatal error inside an included file, which only
 *       cuts that included file short.</li>
 * </ul>
 */
public final class ConfFile {
    private final Path file;
    private final boolean exists;
    private final boolean valid;
    private final List<Section> sections;
    private final List<Path> files;

    ConfFile(Path file, boolean exists, boolean valid, List<Section> sections, List<Path> files) {
        this.file = file;
        this.exists = exists;
        this.valid = valid;
        this.sections = List.copyOf(sections);
        this.files = List.copyOf(files);
    }

    static ConfFile missing(Path file) {
        return new ConfFile(file, false, true, List.of(), List.of());
    }

    /** The top-level file (absolute). */
    public Path file() { return file; }

    public boolean exists() { return exists; }

    /** False when a fatal syntax error in the top-level file makes the whole file unusable. */
    public boolean valid() { return valid; }

    /** Every section in file order, templates included. A section appended to with {@code (+)} keeps its first position. */
    public List<Section> sections() { return sections; }

    /** Every section called {@code name} (ASCII case-insensitive, as Asterisk's lookups), templates included, in file order. */
    public List<Section> sections(String name) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) if (Text.equalsIgnoreCase(s.name(), name)) out.add(s);
        return out;
    }

    /** The first non-template section called {@code name} (ASCII case-insensitive), or null. */
    public Section section(String name) {
        for (Section s : sections) if (!s.isTemplate() && Text.equalsIgnoreCase(s.name(), name)) return s;
        return null;
    }

    /** Every file that was read (the top-level file first, then includes in reading order); for reload change detection. */
    public List<Path> files() { return files; }
}
