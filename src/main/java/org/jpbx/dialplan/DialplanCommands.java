package org.jpbx.dialplan;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jpbx.manage.CliException;
import org.jpbx.manage.CommandRegistry;

/**
 * {@code dialplan show [[exten@]context]}, {@code dialplan show globals}, {@code dialplan reload},
 * {@code core show hints} and {@code core show hint <exten>}, with Asterisk's layouts: contexts
 * newest first (Asterisk keeps them in a list it prepends to), extensions in search order, each
 * priority with where it was defined.
 */
public final class DialplanCommands {
    private final DialplanManager manager;
    private final Hints hints;

    private DialplanCommands(DialplanManager manager, Hints hints) {
        this.manager = manager;
        this.hints = hints;
    }

    /** {@code reload} runs {@code dialplan reload} (the server wires its own bookkeeping into it). */
    public static void register(CommandRegistry registry, DialplanManager manager, Hints hints, CommandHandlerWithResult reload) {
        DialplanCommands c = new DialplanCommands(manager, hints);
        registry.register("dialplan show", "dialplan show [[exten@]context]\n       Show dialplan", "Show dialplan", (args, out) -> {
            if (args.size() > 1) throw CliException.usage();
            if (args.size() == 1 && args.get(0).equalsIgnoreCase("globals")) {
                c.globals(out);
                return;
            }
            c.show(args.isEmpty() ? null : args.get(0), out);
        });
        registry.register("dialplan reload", "dialplan reload\n       Reload extensions.conf without reloading any other\n"
                        + "       modules.  This command does not delete global variables\n"
                        + "       unless clearglobalvars is set to yes in extensions.conf",
                "Reload extensions and *only* extensions", (args, out) -> {
                    if (!args.isEmpty()) throw CliException.usage();
                    if (!reload.run(out)) throw new CliException(null);
                });
        registry.register("core show hints", "core show hints\n       List registered hints.", "Show dialplan hints", (args, out) -> {
            if (!args.isEmpty()) throw CliException.usage();
            c.hints(null, out);
        });
        registry.register("core show hint", "core show hint <exten>\n       List registered hint.", "Show dialplan hint", (args, out) -> {
            if (args.size() != 1) throw CliException.usage();
            c.hints(args.get(0), out);
        });
    }

    /** A command body that reports success. */
    @FunctionalInterface
    public interface CommandHandlerWithResult {
        boolean run(PrintWriter out);
    }

    private static final class Counters {
        int contexts, extensions, priorities;
        boolean contextExists, extensionExists;
    }

    void show(String arg, PrintWriter out) throws CliException {
        String exten = null, context = null;
        if (arg != null) {
            int at = arg.indexOf('@');
            if (at >= 0) {
                exten = arg.substring(0, at);
                context = arg.substring(at + 1);
                if (exten.isEmpty()) exten = null;
            } else {
                context = arg;
            }
            if (context.isEmpty()) context = null;
        }
        Dialplan dp = manager.current();
        Counters n = new Counters();
        StringBuilder sb = new StringBuilder();
        showContexts(dp, context, exten, n, false, new ArrayList<>(), sb);
        out.print(sb);
        if (context != null && !n.contextExists) throw new CliException("There is no existence of '" + context + "' context");
        if (exten != null && !n.extensionExists) {
            throw new CliException(context != null ? "There is no existence of " + exten + "@" + context + " extension"
                    : "There is no existence of '" + exten + "' extension in all contexts");
        }
        out.println("-= " + n.extensions + " " + (n.extensions == 1 ? "extension" : "extensions") + " (" + n.priorities + " "
                + (n.priorities == 1 ? "priority" : "priorities") + ") in " + n.contexts + " " + (n.contexts == 1 ? "context" : "contexts") + ". =-");
    }

    private static void showContexts(Dialplan dp, String context, String exten, Counters n, boolean included, List<String> stack, StringBuilder out) {
        List<Context> all = dp.contexts();
        for (int ci = all.size() - 1; ci >= 0; ci--) {
            Context c = all.get(ci);
            if (context != null && !c.name().equals(context)) continue;
            n.contextExists = true;
            boolean printed = false;
            if (exten == null) {
                n.contexts++;
                out.append("[ Context '").append(c.name()).append("' created by '").append(c.registrar()).append("' ]\n");
                printed = true;
            }
            for (Extension e : c.extensions()) {
                if (exten != null && !ExtensionPattern.matches(e.name(), exten)) continue;
                n.extensionExists = true;
                if (!printed) {
                    n.contexts++;
                    out.append(included ? "[ Included context '" : "[ Context '").append(c.name()).append("' created by '")
                            .append(c.registrar()).append("' ]\n");
                    printed = true;
                }
                boolean first = true;
                for (Priority p : e.priorities()) {
                    n.priorities++;
                    String head;
                    if (first) {
                        head = e.callerIdMatch() != null ? "'" + e.name() + "' (CID match '" + e.callerIdMatch() + "') => " : "'" + e.name() + "' =>";
                    } else {
                        head = p.label() != null ? "   [" + p.label() + "]" : "";
                    }
                    first = false;
                    out.append(String.format("  %-17s %-45s [%s]%n", head, p.describe(), p.source()));
                }
                n.extensions++;
            }
            for (Include i : c.includes()) {
                if (exten != null) {
                    if (stack.size() >= Dialplan.MAX_INCLUDE_DEPTH || stack.contains(i.name())) continue;
                    List<String> deeper = new ArrayList<>(stack);
                    deeper.add(i.name());
                    Counters sub = new Counters();
                    showContexts(dp, i.name(), exten, sub, true, deeper, out);
                    n.contexts += sub.contexts;
                    n.extensions += sub.extensions;
                    n.priorities += sub.priorities;
                    n.extensionExists |= sub.extensionExists;
                } else {
                    String name = "'" + i.name() + (i.timing() != null ? "," + i.timing() : "") + "'";
                    out.append(String.format("  Include =>        %-45s [%s]%n", name, i.registrar()));
                }
            }
            for (Include ip : c.ignorePatterns()) {
                if (exten == null || ExtensionPattern.matches("_" + ip.name() + ".", exten)) {
                    out.append(String.format("  Ignore pattern => %-45s [%s]%n", "'" + ip.name() + "'", ip.registrar()));
                }
            }
            if (!included) {
                for (Include sw : c.switches()) {
                    out.append(String.format("  Alt. Switch =>    %-45s [%s]%n", "'" + sw.name() + "'", sw.registrar()));
                }
            }
            if (printed) out.append('\n');
        }
    }

    private void globals(PrintWriter out) {
        Map<String, String> g = manager.globals().snapshot();
        for (Map.Entry<String, String> e : g.entrySet()) out.println("   " + e.getKey() + "=" + e.getValue());
        out.println();
        out.println("    -- " + g.size() + " variable(s)");
    }

    private void hints(String prefix, PrintWriter out) {
        List<Hints.HintState> all = hints.all();
        if (all.isEmpty()) {
            out.println("There are no registered dialplan hints");
            return;
        }
        if (prefix == null) {
            out.println();
            out.println("    -= Registered Asterisk Dial Plan Hints =-");
        }
        int n = 0;
        for (Hints.HintState h : all) {
            if (prefix != null && !h.exten().regionMatches(true, 0, prefix, 0, prefix.length())) continue;
            out.println(row(h));
            n++;
        }
        if (prefix == null) {
            out.println("----------------");
            out.println("- " + n + " hints registered");
        } else if (n == 0) {
            out.println("No hints matching extension " + prefix);
        } else {
            out.println(n + " hint" + (n != 1 ? "s" : "") + " matching extension " + prefix);
        }
    }

    /** {@code %-20.20s: %-20.20s  State:%-15.15s Presence:%-15.15s Watchers %2d}. */
    static String row(Hints.HintState h) {
        return String.format("%-20.20s: %-20.20s  State:%-15.15s Presence:%-15.15s Watchers %2d",
                h.key(), h.app(), h.state().displayName(), h.presence(), h.watchers());
    }
}
