package org.jpbx.dialplan;

/**
 * A dialplan function, {@code ${NAME(args)}} to read and {@code Set(NAME(args)=value)} to write.
 * {@code args} are already substituted. {@code scope.pbxChannel()} is null when there is no channel
 * (the CLI, load time).
 */
public interface DialplanFunction {
    /** The value read, or null for "nothing" (expands to the empty string). */
    String read(Scope scope, String args);

    /** Writes {@code value}; functions that cannot be written say so. */
    default void write(Scope scope, String args, String value) {
        throw new UnsupportedOperationException("is read-only");
    }
}
