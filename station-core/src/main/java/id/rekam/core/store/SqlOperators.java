package id.rekam.core.store;

import id.rekam.core.audit.AuditActions;
import id.rekam.core.audit.AuditLog;
import id.rekam.core.auth.AccountLockedException;
import id.rekam.core.auth.AuthException;
import id.rekam.core.auth.BadCredentialsException;
import id.rekam.core.auth.Operator;
import id.rekam.core.auth.OperatorAccounts;
import id.rekam.core.auth.PasswordHasher;
import id.rekam.core.auth.Role;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/** Operator accounts in the {@code operators} table. */
final class SqlOperators implements OperatorAccounts {

    private final Database db;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Clock clock;
    /** Hash of a random password, so an unknown user name costs as much time as a known one. */
    private PasswordHasher.Hash decoy;
    /** Refuses to act on an account row changed without the passphrase; set once the store is unlocked. */
    private StateSeal seal;

    SqlOperators(Database db, AuditLog audit, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
    }

    void stateSeal(StateSeal s) {
        this.seal = s;
    }

    private void requireIntact(Connection c, String username) throws SQLException {
        if (seal != null && username != null) {
            seal.requireIntact(c, SealedTable.OPERATORS, username);
        }
    }

    /** Made on first need: it costs one full password hash. */
    private synchronized PasswordHasher.Hash decoy() {
        if (decoy == null) {
            decoy = hasher.hash("decoy-password-never-used".toCharArray());
        }
        return decoy;
    }

    @Override
    public boolean supervisorExists() {
        return db.read(SqlOperators::anySupervisor);
    }

    private static boolean anySupervisor(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT count(*) FROM operators WHERE role = 'SUPERVISOR' AND disabled = 0");
             ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    @Override
    public Operator createFirstSupervisor(String username, char[] password) {
        checkPassword(password);
        PasswordHasher.Hash h = hasher.hash(password);
        return db.inTransaction(c -> {
            if (seal != null) {
                // Deleting every supervisor row must not open the door to a "first" supervisor.
                seal.requireTableIntact(c, SealedTable.OPERATORS);
            }
            if (anySupervisor(c)) {
                throw new AuthException("auth.supervisorExists");
            }
            return insert(c, username, Role.SUPERVISOR, h, username);
        });
    }

    @Override
    public Operator createAccount(String supervisor, String username, Role role, char[] password) {
        checkPassword(password);
        PasswordHasher.Hash h = hasher.hash(password);
        return db.inTransaction(c -> {
            requireSupervisor(c, supervisor);
            return insert(c, username, role, h, supervisor);
        });
    }

    /**
     * The role of an active (not disabled) account; empty for an unknown or disabled one.
     *
     * @throws TamperedStoreException the account's row was changed without the passphrase
     */
    Optional<Role> activeRole(Connection c, String username) throws SQLException {
        requireIntact(c, username);
        try (PreparedStatement p = c.prepareStatement("SELECT role FROM operators WHERE username = ? AND disabled = 0")) {
            p.setString(1, username);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(Role.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    void requireSupervisor(Connection c, String username) throws SQLException {
        requireIntact(c, username);
        try (PreparedStatement p = c.prepareStatement("SELECT role FROM operators WHERE username = ? AND disabled = 0")) {
            p.setString(1, username);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next() || !Role.SUPERVISOR.name().equals(rs.getString(1))) {
                    throw new AuthException("auth.notSupervisor", String.valueOf(username));
                }
            }
        }
    }

    private Operator insert(Connection c, String username, Role role, PasswordHasher.Hash h, String actor)
            throws SQLException {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("user name is empty");
        }
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM operators WHERE username = ?")) {
            p.setString(1, username);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    throw new AuthException("auth.userExists", username);
                }
            }
        }
        Instant now = clock.instant();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO operators (username, role, password_salt, "
                + "password_iter, password_hash, created_at) VALUES (?,?,?,?,?,?)")) {
            p.setString(1, username);
            p.setString(2, role.name());
            p.setBytes(3, h.salt());
            p.setInt(4, h.iterations());
            p.setBytes(5, h.hash());
            p.setString(6, now.toString());
            p.executeUpdate();
        }
        audit.append(c, actor, AuditActions.OPERATOR_CREATED, username, Map.of("role", role.name()));
        return new Operator(username, role, now);
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new AuthException("auth.weakPassword", MIN_PASSWORD_LENGTH);
        }
    }

    private record Row(Role role, PasswordHasher.Hash hash, int failed, Long lockedUntil, Instant createdAt) {
    }

    @Override
    public Operator login(String username, char[] password) {
        Row row = db.read(c -> {
            requireIntact(c, username);
            try (PreparedStatement p = c.prepareStatement("SELECT role, password_salt, password_iter, password_hash, "
                    + "failed_attempts, locked_until, created_at FROM operators WHERE username = ? AND disabled = 0")) {
                p.setString(1, username);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    long locked = rs.getLong(6);
                    Long lockedUntil = rs.wasNull() ? null : locked;
                    return new Row(Role.valueOf(rs.getString(1)),
                            new PasswordHasher.Hash(rs.getBytes(2), rs.getInt(3), rs.getBytes(4)),
                            rs.getInt(5), lockedUntil, Instant.parse(rs.getString(7)));
                }
            }
        });
        Instant now = clock.instant();
        if (row == null) {
            PasswordHasher.matches(password, decoy());
            // The typed name is not recorded: people sometimes type their NIK or password there.
            db.inTransaction(c -> audit.append(c, "-", AuditActions.LOGIN_FAILED, null, Map.of("reason", "unknown-user")));
            throw new BadCredentialsException();
        }
        if (row.lockedUntil() != null && now.toEpochMilli() < row.lockedUntil()) {
            throw new AccountLockedException(username, Instant.ofEpochMilli(row.lockedUntil()));
        }
        boolean ok = PasswordHasher.matches(password, row.hash());
        if (ok) {
            db.inTransaction(c -> {
                update(c, username, 0, null);
                return audit.append(c, username, AuditActions.LOGIN_OK, username, Map.of());
            });
            return new Operator(username, row.role(), row.createdAt());
        }
        // An expired lock starts a fresh count.
        int failed = (row.lockedUntil() != null ? 0 : row.failed()) + 1;
        Instant lockUntil = failed >= MAX_FAILED_ATTEMPTS ? now.plus(LOCKOUT) : null;
        db.inTransaction(c -> {
            update(c, username, lockUntil != null ? 0 : failed, lockUntil);
            audit.append(c, username, AuditActions.LOGIN_FAILED, username, Map.of("failedAttempts", failed));
            if (lockUntil != null) {
                audit.append(c, username, AuditActions.ACCOUNT_LOCKED, username, Map.of("until", lockUntil.toString()));
            }
            return null;
        });
        if (lockUntil != null) {
            throw new AccountLockedException(username, lockUntil);
        }
        throw new BadCredentialsException();
    }

    private static void update(Connection c, String username, int failed, Instant lockedUntil) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE operators SET failed_attempts = ?, locked_until = ? WHERE username = ?")) {
            p.setInt(1, failed);
            if (lockedUntil == null) {
                p.setNull(2, java.sql.Types.INTEGER);
            } else {
                p.setLong(2, lockedUntil.toEpochMilli());
            }
            p.setString(3, username);
            p.executeUpdate();
        }
    }

    @Override
    public List<Operator> list() {
        return db.read(c -> {
            List<Operator> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT username, role, created_at FROM operators WHERE disabled = 0 ORDER BY username");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Operator(rs.getString(1), Role.valueOf(rs.getString(2)), Instant.parse(rs.getString(3))));
                }
            }
            return out;
        });
    }
}
