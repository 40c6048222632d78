package nl.actionledger.localrun;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo users of the local run, each with its own name as password. They exist only here: the services
 * have no users unless configured, and the local run hands these over through the environment.
 * The hashes are BCrypt (cost 10) of the user names.
 */
final class DemoUsers {

    private record DemoUser(String name, String role, String organisation, String hash) {}

    private static final List<DemoUser> USERS = List.of(
            new DemoUser(
                    "coordinator",
                    "COORDINATOR",
                    "LVVN",
                    "{bcrypt}$2a$10$giYRJ1s8mYyPNKiQ7U1BwewCijo3hGdIb6GnNq5m2m9QHiXUuc.Pa"),
            new DemoUser(
                    "evaluator",
                    "EVALUATOR",
                    null,
                    "{bcrypt}$2a$10$5nzXUyhcukPUcXqQ4za5Fe6Fo9mbbTVPjmJS.1wvKwdlPZW1T4Ck6"),
            new DemoUser(
                    "auditor", "AUDITOR", null, "{bcrypt}$2a$10$2c/ll5dHsrbJm24I9CEkUeL91kAVinW8ThKCaAwLo4QtDxCEhOfgW"),
            new DemoUser(
                    "admin", "ADMIN", null, "{bcrypt}$2a$10$wd6v4s9CscMhwj2FUVZ0BOuueBPXcYhv6PtJHPuNIn4FAtLhOt6le"));

    private DemoUsers() {}

    /**
     * HTTP Basic with these users, as Spring Boot reads a list from environment variables
     * ({@code ..._USERS_0_USERNAME}).
     */
    static Map<String, String> asEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ACTIONLEDGER_SECURITY_MODE", "basic");
        for (int i = 0; i < USERS.size(); i++) {
            DemoUser user = USERS.get(i);
            String prefix = "ACTIONLEDGER_SECURITY_USERS_" + i + "_";
            environment.put(prefix + "USERNAME", user.name());
            environment.put(prefix + "PASSWORD", user.hash());
            environment.put(prefix + "ROLES", user.role());
            if (user.organisation() != null) {
                environment.put(prefix + "ORGANISATION", user.organisation());
            }
        }
        return environment;
    }
}
