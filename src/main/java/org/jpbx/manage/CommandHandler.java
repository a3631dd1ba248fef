package org.jpbx.manage;

import java.io.PrintWriter;
import java.util.List;

/** The body of one CLI command. {@code args} are the words typed after the command's own words. */
@FunctionalInterface
public interface CommandHandler {
    void run(List<String> args, PrintWriter out) throws CliException;
}
