package org.jpbx.pjsip.config.types;

import java.util.ArrayList;
import java.util.List;

/**
 * TLS ciphers: comma-separated OpenSSL cipher names or numeric ids (decimal or {@code 0x..}). Names
 * are checked for shape only (letters, digits, {@code -}, {@code _}, {@code .}); whether the TLS
 * library knows a name is checked when the transport starts.
 */
public final class CipherListType implements ValueType<List<String>> {
    public static final CipherListType INSTANCE = new CipherListType();

    private CipherListType() {}

    @Override
    public List<String> parse(String text, Warnings warnings) throws BadValueException {
        List<String> out = new ArrayList<>();
        for (String item : ListType.split(text)) {
            if (!item.matches("0[xX][0-9a-fA-F]+|[0-9]+|[A-Za-z0-9_.\\-]+")) throw new BadValueException("'" + item + "' is not a cipher name or number");
            out.add(item);
        }
        return List.copyOf(out);
    }

    @Override
    public String format(List<String> value) { return String.join(",", value); }

    @Override
    public String describe() { return "cipher names or numbers, comma-separated"; }
}
