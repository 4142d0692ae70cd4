package id.rekam.core.auth;

import java.util.EnumSet;
import java.util.Set;

/**
 * Station maintenance a role may do beyond recording, decided here once: screens only hide what
 * a role may not do, the store refuses it (core {@code equipment}), and the command line is
 * gated by the passphrase instead (it has no login). Approving records stays
 * {@link id.rekam.core.commit.CommitPolicy}'s business.
 */
public enum Permission {
    /** Run the station's diagnostics and write the help desk's report (no personal data in either). */
    RUN_DIAGNOSTICS(EnumSet.of(Role.TECHNICIAN, Role.SUPERVISOR)),
    /** Keep the equipment register: owners, lending and borrowing between offices, returns. */
    MANAGE_EQUIPMENT(EnumSet.of(Role.TECHNICIAN, Role.SUPERVISOR)),
    /** See the overdue loans listed on the home screen: whoever must chase them. */
    SEE_OVERDUE_LOANS(EnumSet.of(Role.SUPERVISOR, Role.TECHNICIAN));

    private final Set<Role> roles;

    Permission(Set<Role> roles) {
        this.roles = Set.copyOf(roles);
    }

    public boolean allows(Role role) {
        return role != null && roles.contains(role);
    }

    /** The same for a role known by name (a screen's copy of the role); unknown names are allowed nothing. */
    public boolean allowsRoleNamed(String roleName) {
        for (Role r : Role.values()) {
            if (r.name().equals(roleName)) {
                return allows(r);
            }
        }
        return false;
    }

    /** @throws AuthException when {@code role} lacks this permission; {@code user} names who tried */
    public void require(String user, Role role) {
        if (!allows(role)) {
            throw new AuthException("auth.notPermitted", String.valueOf(user), name());
        }
    }
}
