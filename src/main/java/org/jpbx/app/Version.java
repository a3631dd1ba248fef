package org.jpbx.app;

/** The version of the running jpbx, from the jar manifest; "dev" when run from a build tree. */
public final class Version {
    private Version() {}

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }
}
