package org.jpbx.pjsip.config.types;

/** Receives warnings about values that are accepted but probably not what was meant. */
@FunctionalInterface
public interface Warnings {
    Warnings IGNORE = message -> {};

    void warn(String message);
}
