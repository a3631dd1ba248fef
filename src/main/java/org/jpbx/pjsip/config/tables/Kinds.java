package org.jpbx.pjsip.config.tables;

import org.jpbx.pjsip.config.types.BoolType;
import org.jpbx.pjsip.config.types.DurationType;
import org.jpbx.pjsip.config.types.EnumListType;
import org.jpbx.pjsip.config.types.EnumType;
import org.jpbx.pjsip.config.types.IntType;
import org.jpbx.pjsip.config.types.ListType;
import org.jpbx.pjsip.config.types.StringType;

/** Short names for the value types the tables use most. */
final class Kinds {
    private Kinds() {}

    static final BoolType BOOL = BoolType.TRUE_FALSE;
    static final BoolType YESNO = BoolType.YES_NO;
    static final IntType UINT = IntType.uint();
    static final IntType PORT = IntType.uint(0, 65535);
    static final StringType STRING = StringType.ANY;
    static final ListType LIST = ListType.PLAIN;
    static final DurationType SECONDS = DurationType.seconds();
    static final DurationType MS = DurationType.millis();
    static final EnumType SECURITY_NEGOTIATION = EnumType.of("no", "mediasec");
    static final EnumType DIGEST_ALGORITHM = EnumType.of("MD5", "SHA-256", "SHA-512-256");
    static final EnumListType DIGEST_ALGORITHMS = EnumListType.strict(DIGEST_ALGORITHM);

    /** RFC 3261 user characters (unreserved, escaped and user-unreserved). */
    static final StringType URI_USER = StringType.restricted(
            c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.!~*'()%&=+$,;?/:".indexOf(c) >= 0,
            "URI user characters (letters, digits, -._~%!$&'()*+,;=:)");
}
