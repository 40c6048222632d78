package nl.actionledger.query.person;

import java.util.Optional;
import java.util.function.Predicate;
import nl.actionledger.query.organisation.OrganisationView;
import nl.actionledger.query.organisation.Organisations;
import nl.actionledger.support.organisation.OrganisationNames;
import nl.actionledger.support.security.CurrentUsers;
import nl.actionledger.support.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Whose contacts a reader may see. Evaluators, auditors and admins see every contact, as they see everything else of
 * an action; a coordinator (with no other role) sees the contacts of their own organisation's actions only, their
 * organisation (setting or claim) matched against the list as command-service matches it (ids and aliases, stripped,
 * without regard to case). A coordinator whose organisation is not on the list sees none.
 */
@Component
public class ContactReaders {

    private final CurrentUsers users;
    private final Organisations organisations;

    ContactReaders(CurrentUsers users, Organisations organisations) {
        this.users = users;
        this.organisations = organisations;
    }

    /** Tells, by the id of the organisation an action is assigned to, whether this reader sees its contact. */
    public Predicate<String> visibleFor(Authentication reader) {
        boolean seesAll = reader.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> authority.equals(Role.EVALUATOR.authority())
                        || authority.equals(Role.AUDITOR.authority())
                        || authority.equals(Role.ADMIN.authority()));
        if (seesAll) {
            return organisationId -> true;
        }
        Optional<String> own = organisationOf(reader);
        return organisationId -> own.isPresent() && own.get().equals(organisationId);
    }

    /**
     * The id of the organisation the user works for (setting or claim), resolved through the list as command-service
     * resolves it before it compares it with an action's organisation; empty when none is given or it is not listed.
     */
    public Optional<String> organisationOf(Authentication user) {
        return Optional.ofNullable(users.of(user).organisation())
                .filter(name -> !name.isBlank())
                .flatMap(this::resolve);
    }

    private Optional<String> resolve(String name) {
        String key = OrganisationNames.key(name);
        return organisations.all().stream()
                .filter(organisation -> OrganisationNames.key(organisation.id()).equals(key)
                        || organisation.aliases().stream()
                                .anyMatch(alias -> OrganisationNames.key(alias).equals(key)))
                .map(OrganisationView::id)
                .findFirst();
    }
}
