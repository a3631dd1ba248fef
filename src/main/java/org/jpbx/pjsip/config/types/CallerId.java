package org.jpbx.pjsip.config.types;

/** A caller ID: display name and number, either possibly empty. Shown as {@code "Name" <number>}. */
public record CallerId(String name, String number) {
    @Override
    public String toString() {
        if (!name.isEmpty() && !number.isEmpty()) return "\"" + name + "\" <" + number + ">";
        return name.isEmpty() ? number : name;
    }
}
