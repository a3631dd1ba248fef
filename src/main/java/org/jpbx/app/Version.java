package org.jpbx.app;

/** The version of this build, from the jar manifest ("dev" when running from classes). */
public final class Version {
    private Version() {}

    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
