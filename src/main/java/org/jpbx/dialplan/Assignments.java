package org.jpbx.dialplan;

/** {@code name=value} as Set() and SET() apply it: a name ending in {@code )} writes a function, else a variable. */
final class Assignments {
    private Assignments() {}

    static void assign(Scope scope, String name, String value) {
        if (name.endsWith(")")) {
            scope.functions().write(scope, name, value);
        } else if (scope.pbxChannel() != null) {
            scope.pbxChannel().setVariable(name, value);
        } else {
            scope.globals().set(PbxChannel.stripInheritance(name), value);
        }
    }
}
