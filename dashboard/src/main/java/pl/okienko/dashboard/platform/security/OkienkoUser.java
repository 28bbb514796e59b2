package pl.okienko.dashboard.platform.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A person who signs in, with the offices a scoped role (SUPERVISOR, SECURITY, ANALYST) may see. */
public class OkienkoUser extends User {

    private static final long serialVersionUID = 1L;

    private final Set<String> offices;

    public OkienkoUser(String username, String password, Collection<? extends GrantedAuthority> authorities, Set<String> offices) {
        super(username, password, authorities);
        this.offices = Set.copyOf(offices);
    }

    /** The offices this user may see; {@code *} means all. ADMIN sees all whatever this says. */
    public Set<String> offices() {
        return offices;
    }

    /** A copy that Spring Security may erase the password of without touching the stored account. */
    OkienkoUser copy() {
        return new OkienkoUser(getUsername(), getPassword(), getAuthorities(), offices);
    }
}
