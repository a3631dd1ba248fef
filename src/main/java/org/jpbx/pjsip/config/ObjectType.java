package org.jpbx.pjsip.config;

/**
 * One pjsip object type: its option table, its apply checks, and whether pjsip.conf sections of
 * this type become objects ({@code contact} objects live in the registrar store instead).
 */
public record ObjectType(String name, OptionTable table, TypeRules rules, boolean inPjsipConf) {
    public boolean isSingleton() { return name.equals("global") || name.equals("system"); }
}
