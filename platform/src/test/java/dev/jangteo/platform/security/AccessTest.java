package dev.jangteo.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTest {

    private static final RequestAuthorizationContext ALICE_PATH =
            new RequestAuthorizationContext(new MockHttpServletRequest(), Map.of("userId", "alice"));

    @Test
    void canActForItselfAsClient() {
        assertThat(granted(Access.clientSelf("userId"), user("alice", "CLIENT"))).isTrue();
    }

    @Test
    void cannotActForAnotherUser() {
        assertThat(granted(Access.clientSelf("userId"), user("bob", "CLIENT"))).isFalse();
    }

    @Test
    void cannotActForItselfWithoutTheClientRole() {
        assertThat(granted(Access.clientSelf("userId"), user("alice", "ANALYST"))).isFalse();
    }

    @Test
    void cannotActAnonymously() {
        Authentication anonymous = new AnonymousAuthenticationToken(
                "key", "alice", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

        assertThat(granted(Access.clientSelf("userId"), anonymous)).isFalse();
    }

    @Test
    void canActForAnyoneAsAdminWhereAllowed() {
        assertThat(granted(Access.clientSelfOrAdmin("userId"), user("root", "ADMIN"))).isTrue();
        assertThat(granted(Access.clientSelf("userId"), user("root", "ADMIN"))).isFalse();
    }

    private static boolean granted(
            org.springframework.security.authorization.AuthorizationManager<RequestAuthorizationContext> manager,
            Authentication user) {
        return manager.authorize(() -> user, ALICE_PATH).isGranted();
    }

    static Authentication user(String subject, String... roles) {
        return new RolesClaim().convert(RolesClaimTest.token(subject, List.of(roles)));
    }
}
