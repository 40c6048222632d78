package nl.actionledger.support.security;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.util.ClassUtils;

/**
 * The password hashes Basic mode accepts: bcrypt, argon2 and pbkdf2, slow on purpose, in Spring Security's
 * {@code {id}hash} form. Plain text, {@code {noop}} and fast digests ({@code {MD5}}, {@code {SHA-256}},
 * {@code {sha256}}, ...) can be reversed by guessing in bulk once a configuration leaks, so a user configured with one
 * stops the service at start, and the encoder would not check such a hash either.
 */
final class PasswordHashes {

    private static final Pattern FORM = Pattern.compile("\\{([^}]*)}(.*)", Pattern.DOTALL);
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");
    private static final Pattern ARGON2 = Pattern.compile("\\$argon2(id|i|d)\\$.+");
    private static final Pattern PBKDF2 = Pattern.compile("[0-9a-fA-F]{32,}");
    /** Spring Security's ids of the accepted algorithms, with the shape each hash must have. */
    private static final Map<String, Pattern> ACCEPTED = Map.of(
            "bcrypt",
            BCRYPT,
            "argon2",
            ARGON2,
            "argon2@SpringSecurity_v5_8",
            ARGON2,
            "pbkdf2",
            PBKDF2,
            "pbkdf2@SpringSecurity_v5_8",
            PBKDF2);
    /** Argon2 is computed by Bouncy Castle; without it an argon2 user's every sign-in would fail with an error. */
    private static final String ARGON2_IMPLEMENTATION = "org.bouncycastle.crypto.generators.Argon2BytesGenerator";

    private PasswordHashes() {}

    /** Checks passwords against the accepted hashes only. */
    static PasswordEncoder encoder() {
        return new DelegatingPasswordEncoder(
                "bcrypt",
                Map.of(
                        "bcrypt", new BCryptPasswordEncoder(),
                        "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_2(),
                        "argon2@SpringSecurity_v5_8", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "pbkdf2", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5(),
                        "pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    /**
     * Refuses, naming the user and the setting, a password that is not an accepted hash, or a bcrypt hash of a cost
     * below {@code minimumBcryptCost} (each step down halves the work of guessing it).
     */
    static void requireAccepted(String username, String password, int minimumBcryptCost) {
        Matcher form = FORM.matcher(password == null ? "" : password);
        Pattern shape = form.matches() ? ACCEPTED.get(form.group(1)) : null;
        if (shape == null || !shape.matcher(form.group(2)).matches()) {
            throw new IllegalStateException("actionledger.security.users: the password of '" + username
                    + "' must be a bcrypt, argon2 or pbkdf2 hash such as {bcrypt}$2a$10$..., never plain text, "
                    + "{noop} or a fast digest such as {MD5} or {SHA-256}");
        }
        if (form.group(1).equals("bcrypt") && bcryptCost(form.group(2)) < minimumBcryptCost) {
            throw new IllegalStateException("actionledger.security.users: the password of '" + username
                    + "' is a bcrypt "
                    + "hash of cost " + bcryptCost(form.group(2)) + ", below the minimum of " + minimumBcryptCost
                    + " (actionledger.security.minimum-bcrypt-cost, ACTIONLEDGER_SECURITY_MINIMUM_BCRYPT_COST): hash it "
                    + "again with a higher cost");
        }
        if (form.group(1).startsWith("argon2") && !ClassUtils.isPresent(ARGON2_IMPLEMENTATION, null)) {
            throw new IllegalStateException("actionledger.security.users: the password of '" + username
                    + "' is an argon2 hash, but argon2 needs Bouncy Castle (org.bouncycastle:bcprov-jdk18on), which "
                    + "this build does not include: use a bcrypt or pbkdf2 hash, or add it");
        }
    }

    /** The cost in a bcrypt hash such as {@code $2a$10$...}: its shape was checked by {@link #BCRYPT}. */
    private static int bcryptCost(String hash) {
        return Integer.parseInt(hash.substring(hash.indexOf('$', 1) + 1, hash.indexOf('$', 1) + 3));
    }
}
