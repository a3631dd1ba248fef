package org.jpbx.conf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Reads one top-level file and its includes into a {@link SectionTable}. One instance per parse.
 *
 * <p>What a fatal error does depends on where it is, as in Asterisk:
 * <ul>
 *   <li>in the top-level file it makes the whole file invalid. jpbx keeps reading to report every
 *       problem at once, but the result is marked invalid;</li>
 *   <li>in an included file it ends that file (and the files still to come from the same
 *       {@code #include} pattern); the including file carries on as if the include succeeded.</li>
 * </ul>
 */
final class ConfLoader {
    static final int MAX_INCLUDE_DEPTH = 10;

    /**
     * The state of one read pass: the top-level file, or all the files matched by one
     * {@code #include}. Asterisk shares the current section and the block-comment state across the
     * files of one pattern, so they live here rather than per file.
     */
    private static final class Pass {
        SectionBuilder current;
        final CommentStripper comments = new CommentStripper();

        Pass(SectionBuilder current) { this.current = current; }
    }

    private record Reading(Path real, Path shown) {}

    private final Path configDir;
    private final Diagnostics diag;
    private final SectionTable table = new SectionTable();
    private final SectionAssembler assembler;
    private final Deque<Reading> reading = new ArrayDeque<>();
    private final List<Path> files = new ArrayList<>();
    /** The section most recently opened anywhere; an included file starts in it. */
    private SectionBuilder lastOpened;
    private boolean invalid;

    ConfLoader(Path configDir, Diagnostics diag) {
        this.configDir = configDir.toAbsolutePath().normalize();
        this.diag = diag;
        this.assembler = new SectionAssembler(table, diag);
    }

    ConfFile load(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.exists(abs)) return ConfFile.missing(abs);
        if (!Files.isRegularFile(abs)) {
            diag.warning(null, "'" + shown(abs) + "' is not a regular file; ignored");
            return ConfFile.missing(abs);
        }
        byte[] data;
        try {
            data = Files.readAllBytes(abs);
        } catch (IOException e) {
            diag.error(null, "cannot read '" + shown(abs) + "': " + e.getMessage());
            return new ConfFile(abs, true, false, List.of(), List.of(abs));
        }
        return load(abs, data);
    }

    ConfFile load(Path file, byte[] data) {
        Path abs = file.toAbsolutePath().normalize();
        read(abs, data, new Pass(null), 0);
        List<Section> sections = table.all().stream().map(SectionBuilder::build).toList();
        return new ConfFile(abs, true, !invalid, sections, files);
    }

    /** Reads one file; false when a fatal error stopped an included file early. */
    private boolean read(Path file, byte[] data, Pass pass, int depth) {
        files.add(file);
        reading.addLast(new Reading(realPath(file), shown(file)));
        try {
            for (PhysicalLines.Line line : PhysicalLines.split(data)) {
                SourceLocation loc = SourceLocation.of(configDir, file, line.number());
                if (line.tooLong()) {
                    diag.warning(loc, "line is " + line.byteLength() + " bytes long, more than "
                            + (PhysicalLines.MAX_LINE_BYTES - 1) + "; line skipped");
                    continue;
                }
                String text = pass.comments.strip(line.text(), loc, diag);
                if (text == null || text.isEmpty()) continue;
                if (apply(LineSyntax.parse(text), loc, pass, depth)) continue;
                if (depth == 0) {
                    invalid = true;
                    continue;
                }
                diag.notice(loc, "the rest of " + shown(file) + " is not read: a fatal error ends an included file"
                        + " (the including file continues)");
                return false;
            }
            return true;
        } finally {
            pass.comments.endOfFile(diag);
            reading.removeLast();
        }
    }

    private boolean apply(ParsedLine line, SourceLocation loc, Pass pass, int depth) {
        switch (line) {
            case ParsedLine.Header h -> {
                SectionAssembler.Opened o = assembler.header(h, loc);
                pass.current = o.current();
                lastOpened = o.current();
                return o.ok();
            }
            case ParsedLine.BadHeader b -> {
                diag.error(loc, b.message());
                // Lines up to the next header belong to the broken one; send them nowhere.
                pass.current = new SectionBuilder("", loc);
                return false;
            }
            case ParsedLine.Directive d -> {
                return directive(d, loc, depth);
            }
            default -> {
                boolean ok = assembler.variable(pass.current, line, loc);
                // One "before the first header" error is enough; the following lines share the cause.
                if (pass.current == null) pass.current = new SectionBuilder("", loc);
                return ok;
            }
        }
    }

    private boolean directive(ParsedLine.Directive d, SourceLocation loc, int depth) {
        String word = d.word().toLowerCase(Locale.ROOT);
        switch (word) {
            case "include", "tryinclude" -> {
                if (d.argument() == null) {
                    diag.warning(loc, "'#" + d.word() + "' needs a file name; line ignored");
                    return true;
                }
                return include(unquote(d.argument()), word.equals("tryinclude"), loc, depth);
            }
            case "exec" -> {
                diag.warning(loc, "'#exec' is not supported (jpbx never runs programs named in configuration files); line ignored");
                return true;
            }
            default -> {
                diag.warning(loc, "unknown directive '#" + d.word() + "'; line ignored");
                return true;
            }
        }
    }

    /** {@code "file"} and {@code <file>} lose their wrapper only when it is closed at the end. */
    static String unquote(String arg) {
        char first = arg.charAt(0);
        if (first == '"' || first == '<') {
            char last = first == '<' ? '>' : '"';
            if (arg.charAt(arg.length() - 1) == last) return arg.substring(1, arg.length() - 1);
        }
        return arg;
    }

    private boolean include(String target, boolean optional, SourceLocation loc, int depth) {
        String directive = (optional ? "#tryinclude " : "#include ") + target;
        if (depth + 1 > MAX_INCLUDE_DEPTH) {
            String msg = "'" + directive + "' is nested more than " + MAX_INCLUDE_DEPTH + " includes deep; not read";
            if (optional) diag.warning(loc, msg);
            else diag.error(loc, msg);
            return optional;
        }
        List<Path> paths = Glob.expand(configDir, target);
        Pass pass = new Pass(lastOpened);
        int count = 0;
        for (int i = 0; i < paths.size(); i++) {
            Path p = paths.get(i).toAbsolutePath().normalize();
            if (!Files.exists(p)) continue;
            if (!Files.isRegularFile(p)) {
                diag.warning(loc, "'" + shown(p) + "' is not a regular file; ignored");
                continue;
            }
            String cycle = cycle(p);
            if (cycle != null) {
                if (optional) {
                    diag.warning(loc, "include cycle: " + cycle + "; not read again");
                    continue;
                }
                diag.error(loc, "include cycle: " + cycle);
                return false;
            }
            byte[] data;
            try {
                data = Files.readAllBytes(p);
            } catch (IOException e) {
                diag.warning(loc, "cannot read '" + shown(p) + "': " + e.getMessage());
                continue;
            }
            count++;
            if (!read(p, data, pass, depth + 1)) {
                List<String> skipped = new ArrayList<>();
                for (Path rest : paths.subList(i + 1, paths.size())) if (Files.isRegularFile(rest)) skipped.add(shown(rest).toString());
                if (!skipped.isEmpty()) {
                    diag.notice(loc, "not read after the error in " + shown(p) + ": " + String.join(", ", skipped));
                }
                break;
            }
        }
        if (count == 0 && !optional) {
            diag.error(loc, (Glob.hasMagic(target) ? "'" + directive + "' matches no file"
                    : "included file '" + target + "' does not exist") + " (use #tryinclude for optional files)");
            return false;
        }
        return true;
    }

    /** "a.conf -> b.conf -> a.conf" when {@code p} is already being read, else null. */
    private String cycle(Path p) {
        Path real = realPath(p);
        List<String> chain = new ArrayList<>();
        boolean in = false;
        for (Reading r : reading) {
            if (r.real().equals(real)) in = true;
            if (in) chain.add(r.shown().toString());
        }
        if (!in) return null;
        chain.add(shown(p).toString());
        return String.join(" -> ", chain);
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private Path shown(Path p) {
        return SourceLocation.display(configDir, p);
    }
}
