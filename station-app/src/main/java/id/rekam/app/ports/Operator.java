package id.rekam.app.ports;

import id.rekam.core.auth.Permission;


import java.util.Objects;

/**
 * A logged-in person at the desk. Supervisors may approve records and override duplicate warnings.
 * The display name is the account name (the store keeps no other name).
 */
public record Operator(String id, String displayName, Role role) {

    public enum Role { OPERATOR, SUPERVISOR, TECHNICIAN }

    public Operator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
    }

    public boolean supervisor() {
        return role == Role.SUPERVISOR;
    }

    /** Whether core's policy lets this role do {@code permission} (screens hint; the store decides). */
    public boolean may(Permission permission) {
        return permission.allowsRoleNamed(role.name());
    }
}
