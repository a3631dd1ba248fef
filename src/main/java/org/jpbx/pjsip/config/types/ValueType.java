package org.jpbx.pjsip.config.types;

/**
 * How one kind of option value is read from text and shown again.
 *
 * <p>{@link #parse} reads one option line; it throws {@link BadValueException} for text Asterisk's
 * parser rejects (the object then fails to load) and reports text Asterisk accepts silently but
 * that is probably a mistake through {@link Warnings}. {@link #format} gives the text
 * {@code pjsip show} prints. A null value means "unset" and formats as the empty string.
 *
 * @param <T> the Java type of a parsed value (immutable)
 */
public interface ValueType<T> {
    T parse(String text, Warnings warnings) throws BadValueException;

    /** The show format of {@code value}; never called with null. */
    String format(T value);

    /** A short description of the accepted text, for messages and documentation ("uint 0-65535"). */
    String describe();

    /**
     * What a repeated line does for an option that accumulates ("R" in the spec): the value so far
     * combined with the new line. Types whose options never accumulate keep this default.
     */
    default T accumulate(T current, String text, Warnings warnings) throws BadValueException {
        throw new UnsupportedOperationException(describe() + " does not accumulate");
    }

    /** Formats a value of unknown static type; null formats as "". */
    @SuppressWarnings("unchecked")
    default String formatAny(Object value) {
        return value == null ? "" : format((T) value);
    }
}
