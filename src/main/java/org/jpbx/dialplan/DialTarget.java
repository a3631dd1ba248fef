package org.jpbx.dialplan;

/**
 * One destination of a Dial: {@code PJSIP/6001}, {@code PJSIP/6001/sip:6001@192.0.2.9},
 * {@code PJSIP/18005551234@trunk}. {@code resource} is everything after the first {@code /}; its
 * meaning belongs to the technology.
 */
public record DialTarget(String technology, String resource) {
    /** {@code Tech/resource}. */
    public String interfaceName() { return technology + "/" + resource; }
}
