package org.jpbx.dialplan;

/** A party's caller ID: name and number, either may be empty (never null). */
public record CallerId(String name, String number) {
    public static final CallerId NONE = new CallerId("", "");

    public CallerId {
        name = name == null ? "" : name;
        number = number == null ? "" : number;
    }

    /** {@code "name" <number>}, as CALLERID(all) reads. */
    public String all() { return "\"" + name + "\" <" + number + ">"; }

    /** Parses {@code "Name" <number>}, {@code Name <number>} or a bare number/name. */
    public static CallerId parse(String s) {
        if (s == null) return NONE;
        String t = s.strip();
        int lt = t.lastIndexOf('<');
        int gt = t.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            String name = t.substring(0, lt).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) name = name.substring(1, name.length() - 1);
            return new CallerId(name, t.substring(lt + 1, gt).strip());
        }
        if (!t.isEmpty() && t.chars().allMatch(c -> Character.isDigit(c) || c == '+' || c == '*' || c == '#')) return new CallerId("", t);
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1);
        return new CallerId(t, "");
    }
}
