package org.jpbx.phoneprov;

import java.util.List;
import org.jpbx.conf.SourceLocation;

/**
 * A phoneprov.conf profile: the files a family of phones asks for. {@code setVars} are added to
 * every line that uses the profile (a line's own value wins), in the order written.
 */
public record Profile(String name, String staticDir, String mimeType, List<ProfileFile> staticFiles,
                      List<ProfileFile> dynamicFiles, List<SetVar> setVars, SourceLocation location) {
    /** {@code setvar => NAME=value}. */
    public record SetVar(String name, String value) {}

    public Profile {
        staticFiles = List.copyOf(staticFiles);
        dynamicFiles = List.copyOf(dynamicFiles);
        setVars = List.copyOf(setVars);
    }
}
