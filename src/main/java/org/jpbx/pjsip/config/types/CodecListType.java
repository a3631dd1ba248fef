package org.jpbx.pjsip.config.types;

/**
 * {@code allow} and {@code disallow}: both edit one ordered {@link CodecList}, in file order.
 * Items are separated by {@code ,} or {@code |}; {@code all} means every known codec; a leading
 * {@code !} inverts the item; {@code name:N} gives a packetization of N ms. An unknown codec or a
 * negative {@code :N} rejects the option (and so the object). A non-numeric {@code :N} counts as 0,
 * as C's {@code atoi} makes it in Asterisk, with a warning.
 */
public final class CodecListType implements ValueType<CodecList> {
    public static final CodecListType ALLOW = new CodecListType(true);
    public static final CodecListType DISALLOW = new CodecListType(false);

    private final boolean allow;

    private CodecListType(boolean allow) { this.allow = allow; }

    @Override
    public CodecList parse(String text, Warnings warnings) throws BadValueException {
        return accumulate(CodecList.EMPTY, text, warnings);
    }

    @Override
    public CodecList accumulate(CodecList current, String text, Warnings warnings) throws BadValueException {
        CodecList list = current == null ? CodecList.EMPTY : current;
        for (String raw : text.split("[,|]", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) continue;
            boolean add = allow;
            if (item.startsWith("!")) {
                add = !add;
                item = item.substring(1).strip();
            }
            int framing = 0;
            int colon = item.lastIndexOf(':');
            if (colon >= 0) {
                String ms = item.substring(colon + 1).strip();
                item = item.substring(0, colon).strip();
                if (ms.matches("-[0-9]+")) throw new BadValueException("packetization '" + ms + "' of " + item + " is negative");
                if (ms.matches("[+]?[0-9]+")) {
                    framing = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(ms.replace("+", "")));
                } else {
                    warnings.warn("packetization '" + ms + "' of " + item + " is not a number; it counts as 0 (the codec's default)");
                }
            }
            if (item.equalsIgnoreCase("all")) {
                if (add) {
                    for (String c : Codecs.KNOWN) list = list.add(c, framing);
                } else {
                    list = CodecList.EMPTY;
                }
                continue;
            }
            String name = Codecs.canonical(item);
            if (name == null) throw new BadValueException("unknown codec '" + item + "'");
            list = add ? list.add(name, framing) : list.remove(name);
        }
        return list;
    }

    @Override
    public String format(CodecList value) { return value.toString(); }

    @Override
    public String describe() { return "codec names or all, separated by , or |, with optional ! and :ms"; }
}
