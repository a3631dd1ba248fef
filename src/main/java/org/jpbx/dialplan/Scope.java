package org.jpbx.dialplan;

/**
 * What names resolve against during substitution: a running channel ({@link PbxChannel}), or, at
 * load time and on the CLI, only the global variables.
 */
public interface Scope {
    /** The value of a variable (built-ins first, then the channel's, then globals), or null when unset. */
    String variable(String name);

    Globals globals();

    /** The channel, or null when there is none. */
    PbxChannel pbxChannel();

    Functions functions();

    /** The dialplan in force, or null when there is none (while loading one). */
    Dialplan dialplan();

    /** Globals only, no channel. */
    static Scope globalsOnly(Globals globals, Functions functions, Dialplan dialplan) {
        return new Scope() {
            @Override public String variable(String name) { return globals.get(name); }
            @Override public Globals globals() { return globals; }
            @Override public PbxChannel pbxChannel() { return null; }
            @Override public Functions functions() { return functions; }
            @Override public Dialplan dialplan() { return dialplan; }
        };
    }
}
