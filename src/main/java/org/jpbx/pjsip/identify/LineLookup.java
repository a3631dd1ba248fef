package org.jpbx.pjsip.identify;

/**
 * The {@code ;line=} tokens of outbound registrations with {@code line=yes} (§1.7), kept by the
 * registration client: the endpoint id a token belongs to.
 */
@FunctionalInterface
public interface LineLookup {
    LineLookup NONE = line -> null;

    /** The {@code endpoint=} of the registration that registered {@code line}, or null. */
    String endpointFor(String line);
}
