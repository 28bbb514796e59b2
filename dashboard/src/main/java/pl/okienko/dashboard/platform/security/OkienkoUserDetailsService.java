package pl.okienko.dashboard.platform.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The configured people, looked up by username. Unlike Spring's in-memory manager it keeps the
 * {@link OkienkoUser} type, so that the signed-in principal still knows its offices.
 */
public class OkienkoUserDetailsService implements UserDetailsService {

    private final Map<String, OkienkoUser> users = new LinkedHashMap<>();

    public OkienkoUserDetailsService(List<OkienkoUser> users) {
        for (OkienkoUser user : users) {
            if (this.users.putIfAbsent(user.getUsername(), user) != null) {
                throw new IllegalArgumentException("user " + user.getUsername() + " is configured twice");
            }
        }
    }

    @Override
    public OkienkoUser loadUserByUsername(String username) {
        OkienkoUser user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("no user " + username);
        }
        return user.copy();
    }
}
