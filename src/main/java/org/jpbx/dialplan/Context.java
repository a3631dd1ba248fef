package org.jpbx.dialplan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dialplan context: extensions kept in Asterisk's search order (see {@link ExtensionPattern}),
 * then includes, ignore patterns and switches in the order written. Immutable once built.
 */
public final class Context {
    private final String name;
    private final String registrar;
    private final List<Extension> extensions = new ArrayList<>();
    private final Map<String, Extension> byKey = new HashMap<>();
    private final List<Include> includes = new ArrayList<>();
    private final List<Include> ignorePatterns = new ArrayList<>();
    private final List<Include> switches = new ArrayList<>();
    private boolean sealed;

    Context(String name, String registrar) {
        this.name = name;
        this.registrar = registrar;
    }

    public String name() { return name; }

    /** {@code pbx_config} for contexts of extensions.conf, {@code res_pjsip_config_wizard} for those only the wizard made. */
    public String registrar() { return registrar; }

    /** In search order. */
    public List<Extension> extensions() { return Collections.unmodifiableList(extensions); }

    public List<Include> includes() { return Collections.unmodifiableList(includes); }

    public List<Include> ignorePatterns() { return Collections.unmodifiableList(ignorePatterns); }

    public List<Include> switches() { return Collections.unmodifiableList(switches); }

    /** The extension registered under exactly this name and caller-ID match (dashes and blanks ignored), or null. */
    public Extension extension(String name, String callerIdMatch) {
        return byKey.get(key(name, callerIdMatch));
    }

    private static String key(String name, String cid) {
        return ExtensionPattern.key(name) + (cid == null || cid.isEmpty() ? "" : "/" + cid);
    }

    Extension extensionFor(String name, String callerIdMatch) {
        if (sealed) throw new IllegalStateException("context " + name + " is built");
        return byKey.computeIfAbsent(key(name, callerIdMatch), k -> {
            Extension e = new Extension(name, callerIdMatch);
            extensions.add(e);
            return e;
        });
    }

    void addInclude(Include i) { includes.add(i); }

    void addIgnorePattern(Include i) { ignorePatterns.add(i); }

    void addSwitch(Include i) { switches.add(i); }

    boolean hasInclude(String name) {
        for (Include i : includes) if (i.name().equals(name)) return true;
        return false;
    }

    void seal() {
        extensions.removeIf(e -> e.priorities().isEmpty());
        byKey.values().removeIf(e -> e.priorities().isEmpty());
        extensions.sort(Extension::order);
        sealed = true;
    }
}
