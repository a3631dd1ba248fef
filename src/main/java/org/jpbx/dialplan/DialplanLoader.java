package org.jpbx.dialplan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.Diagnostics;
import org.jpbx.conf.Entry;
import org.jpbx.conf.Section;
import org.jpbx.conf.SourceLocation;

/**
 * Reads extensions.conf as pbx_config does, then adds the entries other modules provide.
 *
 * <ul>
 *   <li>{@code [general]}: static, writeprotect, autofallthrough (default yes), clearglobalvars,
 *       extenpatternmatchnew, userscontext; overrideswitch is not supported (reported).</li>
 *   <li>{@code [globals]}: each value substituted with the globals set before it.</li>
 *   <li>Every other section is a context (a section repeated adds to the same context):
 *       {@code exten => name[/cid],priority[(label)],App(args)} with priorities {@code n},
 *       {@code n(label)}, {@code s}/{@code same}, {@code hint}, a number or a label, optionally
 *       {@code +offset}; {@code same => priority,App(args)}; {@code include => ctx[,timing]};
 *       {@code ignorepat =>}; {@code switch =>}/{@code lswitch =>}/{@code eswitch =>} (kept and shown,
 *       not run: jpbx has no switch modules).</li>
 * </ul>
 *
 * A bad line is reported with its file:line and skipped; the rest loads, as in Asterisk. Where jpbx
 * goes further: includes of undefined contexts and applications jpbx does not have are reported.
 */
public final class DialplanLoader {
    public static final String REGISTRAR = "pbx_config";

    /** What a load produced: the dialplan and the [globals] to set, in file order. */
    public record Result(Dialplan dialplan, Map<String, String> globals) {}

    private final Diagnostics diag;
    private final Predicate<String> knownApplication;
    private final Functions functions;

    public DialplanLoader(Diagnostics diag, Predicate<String> knownApplication, Functions functions) {
        this.diag = diag;
        this.knownApplication = knownApplication;
        this.functions = functions;
    }

    /**
     * Builds the dialplan from {@code conf} (may be missing: then only the provided entries) and
     * {@code provided}. {@code globals} are those in force; the file's [globals] are substituted
     * against them and the ones set before, and returned for the caller to apply.
     */
    public Result load(ConfFile conf, List<ProvidedHint> provided, Globals globals) {
        Dialplan.Settings settings = Dialplan.Settings.DEFAULTS;
        Map<String, String> fileGlobals = new LinkedHashMap<>();
        LinkedHashMap<String, Context> contexts = new LinkedHashMap<>();
        Globals scratch = new Globals();
        for (Map.Entry<String, String> e : globals.snapshot().entrySet()) scratch.set(e.getKey(), e.getValue());
        Scope scope = Scope.globalsOnly(scratch, functions, null);
        if (conf != null && conf.exists()) {
            settings = general(conf);
            for (Section s : conf.sections()) {
                if (s.isTemplate() || !s.name().equalsIgnoreCase("globals")) continue;
                for (Entry e : s.entries()) {
                    String v = Substitution.substitute(e.value(), scope);
                    scratch.set(e.key(), v);
                    fileGlobals.put(e.key(), v);
                }
            }
            for (Section s : conf.sections()) {
                if (s.isTemplate() || s.name().equalsIgnoreCase("general") || s.name().equalsIgnoreCase("globals")) continue;
                Context c = contexts.computeIfAbsent(s.name(), n -> new Context(n, REGISTRAR));
                readContext(c, s, scope);
            }
        }
        addProvided(contexts, provided);
        for (Context c : contexts.values()) c.seal();
        checkIncludes(contexts);
        return new Result(new Dialplan(contexts, settings), fileGlobals);
    }

    private Dialplan.Settings general(ConfFile conf) {
        boolean autoFallthrough = true, clear = false, staticConfig = false, writeProtect = true;
        for (Section s : conf.sections()) {
            if (s.isTemplate() || !s.name().equalsIgnoreCase("general")) continue;
            for (Entry e : s.entries()) {
                switch (e.key().toLowerCase(Locale.ROOT)) {
                    case "autofallthrough" -> autoFallthrough = isTrue(e.value());
                    case "clearglobalvars" -> clear = isTrue(e.value());
                    case "static" -> staticConfig = isTrue(e.value());
                    case "writeprotect" -> writeProtect = isTrue(e.value());
                    case "extenpatternmatchnew", "userscontext", "priorityjumping" -> { }
                    case "overrideswitch" -> {
                        if (!e.value().isEmpty()) diag.warning(e.location(), "overrideswitch is not supported by jpbx (it has no switch modules); ignored");
                    }
                    default -> diag.warning(e.location(), "unknown [general] option '" + e.key() + "' in extensions.conf; ignored");
                }
            }
        }
        return new Dialplan.Settings(autoFallthrough, clear, staticConfig, writeProtect);
    }

    /** Asterisk's ast_true: yes, true, y, t, 1, on. */
    static boolean isTrue(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }

    private void readContext(Context c, Section s, Scope scope) {
        String lastExtension = null;
        int lastPriority = -2;
        for (Entry e : s.entries()) {
            String key = e.key().toLowerCase(Locale.ROOT);
            SourceLocation loc = e.location();
            if (key.startsWith("same")) {
                if (lastExtension == null) {
                    diag.error(loc, "'same =>' before any 'exten =>' in context '" + c.name() + "': no extension to continue; line ignored");
                    continue;
                }
                lastPriority = extension(c, lastExtension, e.value(), loc, lastPriority);
            } else if (key.equals("exten")) {
                String[] ext = splitExtension(e.value());
                String name = Substitution.substitute(ext[0], scope);
                lastExtension = name;
                lastPriority = extension(c, name, ext[1], loc, lastPriority);
            } else if (key.equals("include")) {
                String v = Substitution.substitute(e.value(), scope);
                int comma = v.indexOf(',');
                String name = (comma < 0 ? v : v.substring(0, comma)).strip();
                String timing = comma < 0 ? null : v.substring(comma + 1).strip();
                if (name.isEmpty()) {
                    diag.warning(loc, "include => without a context name; line ignored");
                    continue;
                }
                if (c.hasInclude(name)) {
                    diag.warning(loc, "Context '" + name + "' already included in '" + c.name() + "' context; line ignored");
                    continue;
                }
                if (timing != null && !timing.isEmpty()) {
                    String problem = IncludeTiming.problem(timing);
                    if (problem != null) diag.warning(loc, "include => " + v + ": time condition '" + timing + "' cannot be read ("
                            + problem + "); the include never applies");
                } else {
                    timing = null;
                }
                c.addInclude(new Include(name, timing, loc, REGISTRAR));
            } else if (key.equals("ignorepat")) {
                c.addIgnorePattern(new Include(Substitution.substitute(e.value(), scope), null, loc, REGISTRAR));
            } else if (key.equals("switch") || key.equals("lswitch") || key.equals("eswitch")) {
                String v = key.equals("switch") ? Substitution.substitute(e.value(), scope) : e.value();
                c.addSwitch(new Include(v, null, loc, REGISTRAR));
                diag.warning(loc, e.key() + " => " + v + ": alternative switches are not supported by jpbx; the switch is never consulted");
            } else {
                diag.warning(loc, "unknown directive '" + e.key() + "' in context '" + c.name() + "'; ignored"
                        + " (expected exten, same, include, ignorepat or switch)");
            }
        }
    }

    /** {name, rest}: the extension name ends at the first comma outside square brackets (a backslash escapes). */
    static String[] splitExtension(String value) {
        int square = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '[') square++;
            else if (ch == ']') { if (square > 0) square--; }
            else if (ch == '\\') i++;
            else if (ch == ',' && square == 0) return new String[] {value.substring(0, i), value.substring(i + 1)};
        }
        return new String[] {value, ""};
    }

    /**
     * Adds one priority from {@code rest} = {@code priority,App(args)} to extension {@code name};
     * returns the priority number to remember for {@code n} (unchanged when the line was bad).
     */
    private int extension(Context c, String name, String rest, SourceLocation loc, int lastPriority) {
        String cid = null;
        int slash = name.indexOf('/');
        String realName = name;
        if (slash >= 0) {
            realName = name.substring(0, slash);
            cid = ExtensionPattern.shrinkPhoneNumber(name.substring(slash + 1));
        }
        realName = realName.strip();
        if (realName.isEmpty()) {
            diag.warning(loc, "extension without a name; line ignored");
            return lastPriority;
        }
        String problem = patternProblem(realName);
        if (problem != null && problem.startsWith("'['")) {
            diag.warning(loc, "extension '" + realName + "': " + problem + "; line ignored");
            return lastPriority;
        }
        int comma = rest.indexOf(',');
        String pri = (comma < 0 ? rest : rest.substring(0, comma)).strip();
        String appPart = comma < 0 ? "" : rest.substring(comma + 1);
        String label = null;
        int paren = pri.indexOf('(');
        if (paren >= 0) {
            int close = pri.indexOf(')', paren);
            if (close < 0) {
                diag.warning(loc, "Label missing trailing ')' in '" + pri + "'; line ignored");
                return lastPriority;
            }
            label = pri.substring(paren + 1, close);
            pri = pri.substring(0, paren);
        }
        String plus = null;
        int p = pri.indexOf('+');
        if (p >= 0) {
            plus = pri.substring(p + 1);
            pri = pri.substring(0, p);
        }
        int number;
        if (pri.equals("hint")) {
            number = Priority.HINT;
        } else if (pri.equals("n") || pri.equals("next")) {
            if (lastPriority <= -2) {
                diag.warning(loc, "Can't use 'next' priority on the first entry; line ignored");
                return lastPriority;
            }
            number = lastPriority + 1;
        } else if (pri.equals("s") || pri.equals("same")) {
            if (lastPriority <= -2) {
                diag.warning(loc, "Can't use 'same' priority on the first entry; line ignored");
                return lastPriority;
            }
            number = lastPriority;
        } else {
            Integer parsed = leadingInt(pri);
            if (parsed == null) {
                Extension existing = c.extension(realName, cid);
                Priority labelled = existing == null ? null : existing.label(pri);
                if (labelled == null) {
                    diag.warning(loc, "Invalid priority/label '" + pri + "'; line ignored");
                    return lastPriority;
                }
                parsed = labelled.number();
            } else if (parsed < 1) {
                diag.warning(loc, "Invalid priority '" + pri + "'; line ignored");
                return lastPriority;
            }
            number = parsed;
        }
        if (plus != null) {
            Integer offset = leadingInt(plus);
            number += offset == null ? 0 : offset;
        }
        String[] app = splitApplication(appPart, loc);
        if (realName.equals("_.") || realName.equals("_!")) {
            diag.warning(loc, "The use of '" + realName + "' for an extension is strongly discouraged and can have unexpected behavior.  Please use '_X"
                    + realName.charAt(1) + "' instead");
        }
        if (problem != null) diag.warning(loc, "extension '" + realName + "': " + problem);
        if (number != Priority.HINT && !app[0].isEmpty() && knownApplication != null && !knownApplication.test(app[0])) {
            diag.warning(loc, "application '" + app[0] + "' is not available in jpbx; a call reaching this priority hangs up");
        }
        if (number != Priority.HINT && app[0].isEmpty()) {
            diag.warning(loc, "priority " + number + " of extension '" + realName + "' names no application; a call reaching it hangs up");
        }
        Priority added = new Priority(number, label == null || label.isEmpty() ? null : label, app[0], app[1], loc, REGISTRAR);
        Priority old = c.extensionFor(realName, cid).add(added);
        if (old != null) {
            if (old.number() == number) {
                diag.warning(loc, "Unable to register extension '" + realName + "' priority " + (number == Priority.HINT ? "hint" : Integer.toString(number))
                        + " in '" + c.name() + "', already in use at " + old.source() + "; line ignored");
            } else {
                diag.warning(loc, "label '" + label + "' of extension '" + realName + "' in '" + c.name() + "' is already used by priority "
                        + old.number() + " at " + old.source() + "; line ignored");
            }
        }
        return number;
    }

    /** {app, data}: data is what lies between the first {@code (} and the last {@code )}. */
    private String[] splitApplication(String appPart, SourceLocation loc) {
        int open = appPart.indexOf('(');
        if (open < 0) return new String[] {appPart.strip(), ""};
        String app = appPart.substring(0, open);
        // "exten => 100,hint,DAHDI/g0/${GLOBAL(var)}": a variable before the '(' means there is no application
        if (app.contains("${") || app.contains("$[")) return new String[] {appPart.strip(), ""};
        String data = appPart.substring(open + 1);
        int close = data.lastIndexOf(')');
        if (close >= 0) data = data.substring(0, close);
        else diag.warning(loc, "No closing parenthesis found? '" + app + "(" + data + "'");
        return new String[] {app.strip(), data};
    }

    private static Integer leadingInt(String s) {
        String t = s.strip();
        int i = 0;
        if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+')) i++;
        int d = i;
        while (i < t.length() && i - d < 9 && Character.isDigit(t.charAt(i))) i++;
        if (i == d) return null;
        return Integer.parseInt(t.substring(0, i).replace("+", ""));
    }

    /** Why a pattern will not match what its author probably meant, or null. */
    static String patternProblem(String name) {
        if (!ExtensionPattern.isPattern(name)) return null;
        int open = -1;
        for (int i = 1; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '[') open = i;
            else if (ch == ']') open = -1;
            else if ((ch == '.' || ch == '!') && open < 0 && i < name.length() - 1) {
                return "'" + ch + "' matches everything that follows, so the characters after it are never looked at";
            }
        }
        if (open >= 0) return "'[' without ']': the pattern never matches";
        return null;
    }

    private void addProvided(LinkedHashMap<String, Context> contexts, List<ProvidedHint> provided) {
        for (ProvidedHint h : provided) {
            Context c = contexts.computeIfAbsent(h.context(), n -> new Context(n, h.registrar()));
            Extension e = c.extensionFor(h.exten(), null);
            Priority old = e.add(new Priority(Priority.HINT, null, h.devices(), "", null, h.registrar()));
            if (old != null) {
                diag.notice(h.location(), "hint " + h.exten() + "@" + h.context() + " is defined in " + old.source()
                        + "; that one is used and the " + describe(h) + " is not created");
            }
            if (h.application() != null) {
                Priority oldApp = e.add(new Priority(1, null, h.application(), h.applicationData() == null ? "" : h.applicationData(), null, h.registrar()));
                if (oldApp != null) {
                    diag.notice(h.location(), "priority 1 of " + h.exten() + "@" + h.context() + " is defined in " + oldApp.source()
                            + "; that one is used and the " + describe(h) + " " + h.application() + "(" + h.applicationData() + ") is not added");
                }
            }
        }
    }

    private static String describe(ProvidedHint h) {
        return h.registrar().equals("res_pjsip_config_wizard") ? "wizard's" : h.registrar() + "'s";
    }

    private void checkIncludes(LinkedHashMap<String, Context> contexts) {
        for (Context c : contexts.values()) {
            for (Include i : c.includes()) {
                if (!contexts.containsKey(i.name())) {
                    diag.warning(i.location(), "context '" + c.name() + "' includes '" + i.name() + "', which is not defined;"
                            + " nothing is found through this include");
                }
            }
        }
    }
}
