package org.jpbx.manage.pjsip;

import org.jpbx.pjsip.config.PjsipConfig;

/**
 * The state of one {@code pjsip show|list} run: the output so far, the nesting level of the object
 * being printed, whether children are printed ({@code show}) and whether the level-0 object gets a
 * parameter dump ({@code show <object> <id>}), plus the configuration snapshot and runtime view
 * every formatter reads.
 */
final class CliContext {
    final StringBuilder out = new StringBuilder(256);
    final PjsipConfig config;
    final PjsipRuntimeView runtime;
    final boolean recurse;
    final boolean detailsAtLevel0;
    int level;
    /** "In" or "Out" while an endpoint prints its auths; null elsewhere (title "Auth"). */
    String authDirection;

    CliContext(PjsipConfig config, PjsipRuntimeView runtime, boolean recurse, boolean detailsAtLevel0) {
        this.config = config;
        this.runtime = runtime;
        this.recurse = recurse;
        this.detailsAtLevel0 = detailsAtLevel0;
    }

    int indent() { return CliLayout.indent(level); }

    /** Appends {@code title:} right-aligned for the current level. */
    CliContext title(String title) {
        out.append(CliLayout.title(title, level));
        return this;
    }

    CliContext line(String s) {
        out.append(s).append('\n');
        return this;
    }

    /** Whether the object being printed gets its parameter dump. */
    boolean details() { return detailsAtLevel0 && level == 0; }

    /** Runs {@code children} one level deeper. */
    void nested(Runnable children) {
        level++;
        try {
            children.run();
        } finally {
            level--;
        }
    }

    /** The empty line that closes a level-0 object printed with its children. */
    void endOfRecursiveObject() {
        if (level == 0) out.append('\n');
    }
}
