package org.jpbx.dialplan;

import java.util.List;
import java.util.Locale;
import org.jpbx.devicestate.DeviceState;
import org.jpbx.devicestate.DeviceStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in functions: IF, LEN, ISNULL, EXISTS, SET, GLOBAL, LOCAL, CALLERID, HINT,
 * PJSIP_HEADER and DEVICE_STATE, with Asterisk's argument rules and messages.
 */
final class StandardFunctions {
    private static final Logger LOG = LoggerFactory.getLogger("pbx");

    private StandardFunctions() {}

    static void register(Functions f, DeviceStates deviceStates) {
        f.register("IF", (scope, args) -> ifFunction(args));
        f.register("LEN", (scope, args) -> Integer.toString(args.length()));
        f.register("ISNULL", (scope, args) -> args.isEmpty() ? "1" : "0");
        f.register("EXISTS", (scope, args) -> args.isEmpty() ? "0" : "1");
        f.register("SET", (scope, args) -> {
            int eq = args.indexOf('=');
            if (eq < 0) {
                LOG.warn("Syntax SET(<varname>=[<value>])");
                return "";
            }
            String name = args.substring(0, eq).strip(), value = args.substring(eq + 1).strip();
            Assignments.assign(scope, name, value);
            return value;
        });
        f.register("GLOBAL", new DialplanFunction() {
            @Override public String read(Scope scope, String args) { return scope.globals().get(args.strip()); }
            @Override public void write(Scope scope, String args, String value) { scope.globals().set(args.strip(), value); }
        });
        f.register("LOCAL", new DialplanFunction() {
            @Override public String read(Scope scope, String args) { return scope.variable(args.strip()); }
            @Override public void write(Scope scope, String args, String value) {
                PbxChannel c = scope.pbxChannel();
                if (c == null) throw new IllegalStateException("LOCAL needs a channel");
                c.setLocal(args.strip(), value);
            }
        });
        f.register("CALLERID", new DialplanFunction() {
            @Override public String read(Scope scope, String args) {
                PbxChannel c = scope.pbxChannel();
                if (c == null) {
                    LOG.warn("No channel was provided to CALLERID function.");
                    return null;
                }
                CallerId id = c.channel().callerId();
                String what = args.strip().toLowerCase(Locale.ROOT);
                if (what.startsWith("all")) return id.all();
                if (what.startsWith("num")) return id.number();
                if (what.startsWith("name")) return id.name();
                LOG.error("Unknown callerid data type '{}'.", args);
                return null;
            }

            @Override public void write(Scope scope, String args, String value) {
                PbxChannel c = scope.pbxChannel();
                if (c == null) throw new IllegalStateException("CALLERID needs a channel");
                CallerId id = c.channel().callerId();
                String what = args.strip().toLowerCase(Locale.ROOT);
                if (what.startsWith("all")) c.channel().setCallerId(CallerId.parse(value));
                else if (what.startsWith("num")) c.channel().setCallerId(new CallerId(id.name(), value));
                else if (what.startsWith("name")) c.channel().setCallerId(new CallerId(value, id.number()));
                else LOG.error("Unknown callerid data type '{}'.", args);
            }
        });
        f.register("HINT", (scope, args) -> {
            List<String> a = AppArgs.split(args, ',');
            String target = AppArgs.arg(a, 0);
            if (target.isEmpty()) {
                LOG.error("HINT: syntax HINT(<extension>[@<context>][,<options>])");
                return null;
            }
            int at = target.indexOf('@');
            String exten = at < 0 ? target : target.substring(0, at);
            String context = at < 0 ? (scope.pbxChannel() != null ? scope.pbxChannel().context() : "default") : target.substring(at + 1);
            Dialplan dp = scope.dialplan();
            Dialplan.Match m = dp == null ? null : dp.hint(context, exten);
            if (m == null) return null;
            return AppArgs.arg(a, 1).contains("n") ? m.priority().appData() : m.priority().app();
        });
        f.register("PJSIP_HEADER", new DialplanFunction() {
            @Override public String read(Scope scope, String args) {
                PbxChannel c = scope.pbxChannel();
                if (c == null) {
                    LOG.error("This function requires a PJSIP channel.");
                    return null;
                }
                List<String> a = AppArgs.split(args, ',');
                String action = AppArgs.arg(a, 0).strip(), name = AppArgs.arg(a, 1).strip();
                if (!action.equalsIgnoreCase("read")) {
                    LOG.error("Unknown action '{}' is not valid, must be 'read'.", action);
                    return null;
                }
                if (name.isEmpty()) {
                    LOG.error("This function requires a header name.");
                    return null;
                }
                int n = 1;
                String num = AppArgs.arg(a, 2).strip();
                if (!num.isEmpty()) {
                    try {
                        n = Integer.parseInt(num);
                    } catch (NumberFormatException e) {
                        n = 0;
                    }
                    if (n < 1) {
                        LOG.error("Invalid number '{}'.", num);
                        return null;
                    }
                }
                return c.channel().sipHeader(name, n);
            }

            @Override public void write(Scope scope, String args, String value) {
                PbxChannel c = scope.pbxChannel();
                if (c == null) throw new IllegalStateException("PJSIP_HEADER needs a channel");
                List<String> a = AppArgs.split(args, ',');
                String action = AppArgs.arg(a, 0).strip().toLowerCase(Locale.ROOT);
                String name = AppArgs.arg(a, 1).strip();
                if (!List.of("add", "update", "remove").contains(action) || name.isEmpty()) {
                    LOG.error("Invalid PJSIP_HEADER write: action must be add, update or remove, with a header name");
                    return;
                }
                if (!c.channel().editSipHeader(action, name, value)) {
                    LOG.warn("PJSIP_HEADER({}): channel {} does not accept header changes", args, c.channel().name());
                }
            }
        });
        f.register("DEVICE_STATE", new DialplanFunction() {
            @Override public String read(Scope scope, String args) {
                if (args.isBlank()) {
                    LOG.warn("No device was provided to DEVICE_STATE function.");
                    return null;
                }
                return deviceStates == null ? DeviceState.UNKNOWN.token() : deviceStates.state(args.strip()).token();
            }

            @Override public void write(Scope scope, String args, String value) {
                String dev = args.strip();
                if (!dev.regionMatches(true, 0, "Custom:", 0, 7)) {
                    LOG.warn("The DEVICE_STATE function can only be used to set 'Custom:' device state!");
                    return;
                }
                DeviceState s = DeviceState.ofToken(value);
                if (s == null) {
                    LOG.warn("DEVICE_STATE function given invalid state value '{}'", value);
                    s = DeviceState.UNKNOWN;
                }
                if (deviceStates != null) deviceStates.setCustom(dev.substring(7), s);
            }
        });
    }

    private static String ifFunction(String data) {
        int q = data.indexOf('?');
        String expr = q < 0 ? data : data.substring(0, q);
        List<String> branches = q < 0 ? List.of() : AppArgs.split(data.substring(q + 1), ':', 2, false);
        if (expr.isEmpty() || branches.isEmpty()) {
            LOG.warn("Syntax IF(<expr>?[<true>][:<false>])  (expr must be non-null, and either <true> or <false> must be non-null)");
            return null;
        }
        return Functions.condition(expr.strip()) ? AppArgs.arg(branches, 0).strip() : AppArgs.arg(branches, 1).strip();
    }
}
