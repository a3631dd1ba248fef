package org.jpbx.dialplan;

/**
 * A dialplan application ({@code Answer}, {@code Dial}...). {@code data} is the argument string with
 * variables already substituted. Runs on the channel's dialplan thread; may block.
 */
@FunctionalInterface
public interface Application {
    Result execute(PbxChannel channel, String data);

    /** CONTINUE goes on to the next priority (or where a Goto pointed); HANGUP ends the dialplan, as a non-zero return does in Asterisk. */
    enum Result { CONTINUE, HANGUP }
}
