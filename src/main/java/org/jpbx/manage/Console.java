package org.jpbx.manage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * {@code jpbx -r}: a console on a running server. Commands and their completion run on the
 * server, so the console knows no commands itself and always offers what that server has.
 */
public final class Console {
    public static final String PROMPT = "jpbx*CLI> ";

    private final ControlClient client;

    public Console(ControlClient client) {
        this.client = client;
    }

    /** The interactive console on the terminal, with line editing, history and tab completion. */
    public int interactive(Path historyFile) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("jpbx")
                    .completer(new ServerCompleter())
                    .variable(LineReader.HISTORY_FILE, historyFile)
                    .option(LineReader.Option.CASE_INSENSITIVE, true)
                    .build();
            PrintWriter out = terminal.writer();
            try {
                while (true) {
                    String line;
                    try {
                        line = reader.readLine(PROMPT);
                    } catch (UserInterruptException e) {
                        continue; // Ctrl-C drops the line being typed, as in a shell
                    } catch (EndOfFileException e) {
                        return 0; // Ctrl-D
                    }
                    if (isExit(line)) return 0;
                    if (line.isBlank()) continue;
                    try {
                        client.run(line, text -> {
                            out.println(text);
                            out.flush();
                        });
                    } catch (IOException e) {
                        out.println("Disconnected from jpbx server (" + e.getMessage() + ")");
                        out.flush();
                        return 1;
                    }
                }
            } finally {
                reader.getHistory().save();
            }
        }
    }

    /**
     * Runs the lines of a script or pipe, one command each, printing their output. Returns 0 when
     * every command succeeded, 1 otherwise.
     */
    public int script(BufferedReader in, PrintStream out) throws IOException {
        int status = 0;
        String line;
        while ((line = in.readLine()) != null) {
            if (isExit(line)) break;
            if (line.isBlank()) continue;
            if (client.run(line, out::println) != ControlProtocol.OK) status = 1;
            out.flush();
        }
        return status;
    }

    private static boolean isExit(String line) {
        String w = line.strip().toLowerCase(Locale.ROOT);
        return w.equals("exit") || w.equals("quit");
    }

    /** Asks the server for candidates for the word at the cursor. */
    private final class ServerCompleter implements Completer {
        @Override
        public void complete(LineReader reader, org.jline.reader.ParsedLine line, List<Candidate> candidates) {
            List<String> words;
            try {
                words = client.complete(line.line().substring(0, line.cursor()));
            } catch (IOException e) {
                return; // the next command reports the lost connection
            }
            for (String w : words) candidates.add(new Candidate(w, w, null, null, null, null, true));
        }
    }
}
