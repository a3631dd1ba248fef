package org.jpbx.pjsip.config;

/**
 * The checks one object type makes after its options are applied (Asterisk's "apply" step):
 * missing required options, contradictions, implied settings. Report through the draft;
 * {@link ObjectDraft#error} rejects the object.
 */
@FunctionalInterface
public interface TypeRules {
    TypeRules NONE = d -> {};

    void check(ObjectDraft draft);
}
