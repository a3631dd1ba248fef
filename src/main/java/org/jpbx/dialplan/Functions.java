package org.jpbx.dialplan;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jpbx.devicestate.DeviceState;
import org.jpbx.devicestate.DeviceStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of dialplan functions. Names match case-insensitively, as in Asterisk. Reading an
 * unknown function logs Asterisk's error and yields the empty string; the call goes on.
 */
public final class Functions {
    private static final Logger LOG = LoggerFactory.getLogger("pbx");

    private final Map<String, DialplanFunction> functions = new ConcurrentHashMap<>();

    /** The built-in functions; {@code deviceStates} may be null (DEVICE_STATE then reads Unknown). */
    public static Functions standard(DeviceStates deviceStates) {
        Functions f = new Functions();
        StandardFunctions.register(f, deviceStates);
        return f;
    }

    public void register(String name, DialplanFunction function) {
        functions.put(name.toUpperCase(Locale.ROOT), function);
    }

    public boolean has(String name) { return functions.containsKey(name.toUpperCase(Locale.ROOT)); }

    public Set<String> names() { return new TreeSet<>(functions.keySet()); }

    /** Reads {@code NAME(args)}. */
    public String read(Scope scope, String call) {
        String[] na = split(call);
        if (na == null) return "";
        DialplanFunction f = functions.get(na[0].toUpperCase(Locale.ROOT));
        if (f == null) {
            LOG.error("Function {} not registered", na[0]);
            return "";
        }
        try {
            String v = f.read(scope, na[1]);
            return v == null ? "" : v;
        } catch (RuntimeException e) {
            LOG.error("Function {} failed on '{}'", na[0], na[1], e);
            return "";
        }
    }

    /** Writes {@code NAME(args)=value}; false (after logging why) when that is not possible. */
    public boolean write(Scope scope, String call, String value) {
        String[] na = split(call);
        if (na == null) return false;
        DialplanFunction f = functions.get(na[0].toUpperCase(Locale.ROOT));
        if (f == null) {
            LOG.error("Function {} not registered", na[0]);
            return false;
        }
        try {
            f.write(scope, na[1], value);
            return true;
        } catch (UnsupportedOperationException e) {
            LOG.error("Function {} cannot be written to", na[0]);
            return false;
        } catch (RuntimeException e) {
            LOG.error("Function {} failed writing '{}'", na[0], value, e);
            return false;
        }
    }

    /** {name, args} of {@code NAME(args)}: args end at the last {@code )}. */
    private static String[] split(String call) {
        int open = call.indexOf('(');
        if (open < 0) {
            LOG.error("Function '{}' doesn't have proper arguments", call);
            return null;
        }
        String name = call.substring(0, open);
        String args = call.substring(open + 1);
        int close = args.lastIndexOf(')');
        if (close >= 0) args = args.substring(0, close);
        else LOG.warn("Can't find trailing parenthesis for function '{}({}'?", name, args);
        return new String[] {name, args};
    }

    /** Asterisk's truth of a condition: empty is false, a leading integer is its value, other text is true. */
    public static boolean condition(String s) {
        if (s == null || s.isEmpty()) return false;
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        int start = i;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
        int digits = i;
        while (i < s.length() && i - digits < 18 && Character.isDigit(s.charAt(i))) i++;
        if (i == digits) return true;
        return Long.parseLong(s.substring(start, i).replace("+", "")) != 0;
    }

    /** DEVICE_STATE() text of a state. */
    static String token(DeviceState s) { return s.token(); }
}
