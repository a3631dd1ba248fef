package org.jpbx.manage;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Every CLI command, by its fixed words ("core show version", "pjsip set logger"). One registry
 * serves the console, {@code -rx} and the REST API. A line is matched to the command with the
 * longest run of leading words; the remaining words are its arguments. Words match
 * case-insensitively, as on Asterisk's CLI.
 */
public final class CommandRegistry {
    /** A registered command. {@code argumentWords} lists the words tab completion offers after the command's words. */
    public record Command(List<String> words, String usage, String summary, List<String> argumentWords, CommandHandler handler) {
        public String name() { return String.join(" ", words); }
    }

    private final Map<String, Command> commands = new ConcurrentSkipListMap<>();

    public Command register(String words, String usage, String summary, CommandHandler handler) {
        return register(words, usage, summary, List.of(), handler);
    }

    public Command register(String words, String usage, String summary, List<String> argumentWords, CommandHandler handler) {
        List<String> w = split(words.toLowerCase(Locale.ROOT));
        Command c = new Command(w, usage, summary, List.copyOf(argumentWords), handler);
        if (commands.putIfAbsent(c.name(), c) != null) throw new IllegalStateException("CLI command registered twice: " + c.name());
        return c;
    }

    public List<Command> all() { return new ArrayList<>(commands.values()); }

    /** The command a line names, with the longest matching word prefix, or null. */
    public Match match(String line) {
        List<String> words = split(line);
        Command best = null;
        for (Command c : commands.values()) {
            if (c.words.size() > words.size()) continue;
            boolean ok = true;
            for (int i = 0; i < c.words.size(); i++) {
                if (!c.words.get(i).equalsIgnoreCase(words.get(i))) { ok = false; break; }
            }
            if (ok && (best == null || c.words.size() > best.words.size())) best = c;
        }
        if (best == null) return null;
        return new Match(best, List.copyOf(words.subList(best.words.size(), words.size())));
    }

    public record Match(Command command, List<String> args) {}

    /**
     * Runs one command line and writes its output. Returns false when the line names no command
     * or the command failed; the output then says why.
     */
    public boolean execute(String line, PrintWriter out) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) return true;
        Match m = match(trimmed);
        if (m == null) {
            out.println("No such command '" + trimmed + "' (type 'help " + firstWord(trimmed) + "' for other possible commands)");
            out.flush();
            return false;
        }
        try {
            m.command.handler().run(m.args, out);
            return true;
        } catch (CliException e) {
            if (e.getMessage() != null) out.println(e.getMessage());
            if (e.showUsage()) out.println("Usage: " + m.command.usage());
            return false;
        } catch (RuntimeException e) {
            out.println("Command '" + m.command.name() + "' failed: " + e);
            return false;
        } finally {
            out.flush();
        }
    }

    /**
     * Candidates for the word being typed, given the words before it: command words while the
     * line is still inside a command name, then the command's argument words.
     */
    public List<String> complete(List<String> before, String partial) {
        TreeMap<String, Boolean> out = new TreeMap<>();
        String p = partial.toLowerCase(Locale.ROOT);
        for (Command c : commands.values()) {
            int n = before.size();
            boolean prefixMatches = true;
            for (int i = 0; i < Math.min(n, c.words.size()); i++) {
                if (!c.words.get(i).equalsIgnoreCase(before.get(i))) { prefixMatches = false; break; }
            }
            if (!prefixMatches) continue;
            if (n < c.words.size()) {
                String w = c.words.get(n);
                if (w.startsWith(p)) out.put(w, true);
            } else {
                for (String a : c.argumentWords) if (a.toLowerCase(Locale.ROOT).startsWith(p)) out.put(a, true);
            }
        }
        return new ArrayList<>(out.keySet());
    }

    /**
     * Candidates for the last word of a partly typed line, as a console sends it: "core sh" completes
     * "sh", "core stop " (ending in a space) completes a new word. After "help" the words are
     * command words again, since help takes a command name.
     */
    public List<String> completeLine(String textBeforeCursor) {
        List<String> words = new ArrayList<>(split(textBeforeCursor));
        String partial = "";
        if (!words.isEmpty() && !Character.isWhitespace(textBeforeCursor.charAt(textBeforeCursor.length() - 1))) {
            partial = words.remove(words.size() - 1);
        }
        if (!words.isEmpty() && words.get(0).equalsIgnoreCase("help")) words.remove(0);
        return complete(words, partial);
    }

    /** Commands whose name starts with the given words, sorted, for {@code help [prefix]}. */
    public List<Command> withPrefix(String prefix) {
        List<String> p = split(prefix.toLowerCase(Locale.ROOT));
        List<Command> out = new ArrayList<>();
        for (Command c : commands.values()) {
            boolean ok = p.size() <= c.words.size();
            for (int i = 0; ok && i < p.size(); i++) {
                String w = c.words.get(i);
                ok = i == p.size() - 1 ? w.startsWith(p.get(i)) : w.equals(p.get(i));
            }
            if (ok) out.add(c);
        }
        out.sort(Comparator.comparing(Command::name));
        return out;
    }

    private static String firstWord(String s) {
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
    }

    static List<String> split(String line) {
        String t = line.strip();
        if (t.isEmpty()) return List.of();
        return Arrays.asList(t.split("\\s+"));
    }
}
